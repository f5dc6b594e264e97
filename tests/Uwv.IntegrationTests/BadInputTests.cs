using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.Contracts.Handover.V1;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Contracts.Smz.V1;
using Uwv.Klantbeeld.Data;
using Uwv.ServiceDefaults.Grpc;
using Uwv.Smz.Data;
using Uwv.Testing;

namespace Uwv.IntegrationTests;

/// <summary>Bad input gets a clear status naming the field or rule, and nothing is written or published.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class BadInputTests(EmbeddedPlatformFixture platform)
{
    private const string Arts = "verzekeringsarts.arnhem-noord";

    private static RegisterClientRequest ValidClient() => new()
    {
        Bsn = TestData.NewBsn(), Name = "Cor Bakker", DateOfBirth = "1968-07-04", Postcode = TestData.NoordPostcode,
    };

    public static TheoryData<string, string, string> InvalidRegistrations => new()
    {
        { "bsn", "123456789", "bsn" },
        { "bsn", "12345678", "bsn" },
        { "bsn", "", "bsn" },
        { "bsn", "00000000", "bsn" },
        { "name", "", "name" },
        { "name", new string('x', 201), "name" },
        { "date_of_birth", "14-03-1975", "date_of_birth" },
        { "date_of_birth", "2999-01-01", "date_of_birth" },
        { "date_of_birth", "1975-02-30", "date_of_birth" },
        { "postcode", "0123AB", "postcode" },
        { "postcode", "6821", "postcode" },
        { "postcode", "6821 SS", "postcode" },
        { "postcode", "'; drop table clients;--", "postcode" },
    };

    [Theory]
    [MemberData(nameof(InvalidRegistrations))]
    public async Task RegisterClient_WithInvalidField_IsInvalidArgumentNamingTheField_AndWritesNothing(string field, string value, string expectedField)
    {
        var request = ValidClient();
        switch (field)
        {
            case "bsn": request.Bsn = value; break;
            case "name": request.Name = value; break;
            case "date_of_birth": request.DateOfBirth = value; break;
            case "postcode": request.Postcode = value; break;
        }
        var before = await KlantbeeldWrites();

        var ex = await Should.ThrowAsync<RpcException>(() => platform.Client.Klantbeeld.RegisterClientAsync(request, platform.Client.As(Arts)).ResponseAsync);

        ex.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        ex.Status.Detail.ShouldStartWith(expectedField + ":");
        ex.Trailers.GetValue(RpcErrors.FieldTrailer).ShouldBe(expectedField);
        (await KlantbeeldWrites()).ShouldBe(before);
    }

    [Fact]
    public async Task RegisterClient_OutsideEveryAreaTeam_IsFailedPrecondition_AndWritesNothing()
    {
        var request = ValidClient();
        request.Postcode = "1012 AB";
        var before = await KlantbeeldWrites();
        var ex = await Should.ThrowAsync<RpcException>(() => platform.Client.Klantbeeld.RegisterClientAsync(request, platform.Client.As(Arts)).ResponseAsync);
        ex.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        ex.Trailers.GetValue(RpcErrors.RuleTrailer).ShouldBe("postcode-in-area");
        (await KlantbeeldWrites()).ShouldBe(before);
    }

    [Fact]
    public async Task RegisterClient_Twice_IsAlreadyExists_AndWritesOnce()
    {
        var request = ValidClient();
        await platform.Client.Klantbeeld.RegisterClientAsync(request, platform.Client.As(Arts));
        var before = await KlantbeeldWrites();
        var again = request.Clone();
        again.Name = "Someone Else";
        var ex = await Should.ThrowAsync<RpcException>(() => platform.Client.Klantbeeld.RegisterClientAsync(again, platform.Client.As(Arts)).ResponseAsync);
        ex.StatusCode.ShouldBe(StatusCode.AlreadyExists);
        ex.Status.Detail.ShouldNotContain(request.Bsn);
        (await KlantbeeldWrites()).ShouldBe(before);
    }

    [Fact]
    public async Task RegisterClient_RepeatedRequestId_ReturnsFirstResult_AndWritesOnce()
    {
        var request = ValidClient();
        request.RequestId = Guid.NewGuid().ToString();
        var first = await platform.Client.Klantbeeld.RegisterClientAsync(request, platform.Client.As(Arts));
        var before = await KlantbeeldWrites();
        var second = await platform.Client.Klantbeeld.RegisterClientAsync(request, platform.Client.As(Arts));
        second.ClientId.ShouldBe(first.ClientId);
        (await KlantbeeldWrites()).ShouldBe(before);
    }

    [Fact]
    public async Task RecordBeoordeling_ForUnknownClient_IsNotFound_AndWritesNothing()
    {
        var before = await SmzWrites();
        var ex = await Should.ThrowAsync<RpcException>(() => platform.Client.Smz.RecordBeoordelingAsync(ValidBeoordeling(Guid.NewGuid().ToString()), platform.Client.As(Arts)).ResponseAsync);
        ex.StatusCode.ShouldBe(StatusCode.NotFound);
        (await SmzWrites()).ShouldBe(before);
    }

    public static TheoryData<string> InvalidBeoordelingFields => ["client_id", "type", "ao_klasse", "fml_summary", "decision_date"];

    [Theory]
    [MemberData(nameof(InvalidBeoordelingFields))]
    public async Task RecordBeoordeling_WithInvalidField_IsInvalidArgumentNamingTheField_AndWritesNothing(string field)
    {
        var registered = await platform.Client.Klantbeeld.RegisterClientAsync(ValidClient(), platform.Client.As(Arts));
        var request = ValidBeoordeling(registered.ClientId);
        switch (field)
        {
            case "client_id": request.ClientId = "not-an-id"; break;
            case "type": request.Type = BeoordelingType.Unspecified; break;
            case "ao_klasse": request.AoKlasse = (AoKlasse)99; break;
            case "fml_summary": request.FmlSummary = " "; break;
            case "decision_date": request.DecisionDate = "2999-12-31"; break;
        }
        var before = await SmzWrites();
        var ex = await Should.ThrowAsync<RpcException>(() => platform.Client.Smz.RecordBeoordelingAsync(request, platform.Client.As(Arts)).ResponseAsync);
        ex.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        ex.Trailers.GetValue(RpcErrors.FieldTrailer).ShouldBe(field);
        (await SmzWrites()).ShouldBe(before);
    }

    [Fact]
    public async Task RecordBeoordeling_ByEmployeeOfOtherTeam_IsPermissionDenied_AndWritesNothing()
    {
        var registered = await platform.Client.Klantbeeld.RegisterClientAsync(ValidClient(), platform.Client.As(Arts));
        var before = await SmzWrites();
        var ex = await Should.ThrowAsync<RpcException>(() => platform.Client.Smz.RecordBeoordelingAsync(ValidBeoordeling(registered.ClientId), platform.Client.As("verzekeringsarts.arnhem-zuid")).ResponseAsync);
        ex.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        (await SmzWrites()).ShouldBe(before);
    }

    [Fact]
    public async Task RecordBeoordeling_ByNonSmzRole_IsPermissionDenied()
    {
        var registered = await platform.Client.Klantbeeld.RegisterClientAsync(ValidClient(), platform.Client.As(Arts));
        var ex = await Should.ThrowAsync<RpcException>(() => platform.Client.Smz.RecordBeoordelingAsync(ValidBeoordeling(registered.ClientId), platform.Client.As("jurist.arnhem-noord")).ResponseAsync);
        ex.StatusCode.ShouldBe(StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task GetKlantbeeld_OfUnknownClient_IsNotFound()
    {
        var ex = await Should.ThrowAsync<RpcException>(() => platform.Client.Klantbeeld.GetKlantbeeldAsync(new GetKlantbeeldRequest { ClientId = Guid.NewGuid().ToString(), Purpose = "dossierbehandeling" }, platform.Client.As(Arts)).ResponseAsync);
        ex.StatusCode.ShouldBe(StatusCode.NotFound);
    }

    [Fact]
    public async Task RequestHandover_ToSameDivision_IsInvalidArgument()
    {
        var ex = await Should.ThrowAsync<RpcException>(() => platform.Client.Handover.RequestHandoverAsync(new RequestHandoverRequest
        {
            ClientId = Guid.NewGuid().ToString(),
            DossierId = Guid.NewGuid().ToString(),
            FromDivision = Uwv.Contracts.Common.V1.Division.Smz,
            ToDivision = Uwv.Contracts.Common.V1.Division.Smz,
            Reason = "test",
        }, platform.Client.As(Arts)).ResponseAsync);
        ex.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        ex.Trailers.GetValue(RpcErrors.FieldTrailer).ShouldBe("to_division");
    }

    private static RecordBeoordelingRequest ValidBeoordeling(string clientId) => new()
    {
        ClientId = clientId,
        Type = BeoordelingType.WiaClaimbeoordeling,
        AoKlasse = AoKlasse._80100Wga,
        FmlSummary = "Beperkt belastbaar",
        DecisionDate = "2026-10-01",
    };

    private Task<(int Clients, int Outbox)> KlantbeeldWrites() =>
        platform.InScope<KlantbeeldDbContext, (int, int)>(async db => (await db.Clients.CountAsync(), await db.OutboxMessages.CountAsync()));

    /// <summary>SMZ's rows and outbox, without its norm sweeper's own events (it warns and escalates on its own clock).</summary>
    private Task<(int Beoordelingen, int Dossiers, int Outbox)> SmzWrites() =>
        platform.InScope<SmzDbContext, (int, int, int)>(async db => (await db.Beoordelingen.CountAsync(), await db.Dossiers.CountAsync(),
            await db.OutboxMessages.CountAsync(m => m.MessageType != nameof(NormDeadlineWarned) && m.MessageType != nameof(NormDeadlineEscalated))));
}
