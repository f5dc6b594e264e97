using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Handover.V1;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Contracts.Werkbedrijf.V1;
using Uwv.Handover.Data;
using Uwv.Handover.Domain;
using Uwv.ServiceDefaults.Grpc;
using Uwv.Smz.Data;
using Uwv.Testing;
using Uwv.Werkbedrijf.Data;
using static Uwv.IntegrationTests.Handover.HandoverFlow;
using Division = Uwv.Contracts.Common.V1.Division;

namespace Uwv.IntegrationTests.Handover;

[Collection(EmbeddedPlatformCollection.Name)]
public sealed class HandoverFlowTests(EmbeddedPlatformFixture platform)
{
    private readonly HandoverFlow _flow = new(platform);

    [Fact]
    public async Task Handover_SmzToWerkbedrijf_GateTransferAccept_MovesDossierWithExactlyOneOwner_AndShowsInKlantbeeldAndKpis()
    {
        var (clientId, smzDossier) = await _flow.ClientWithSmzDossier();
        var handover = await _flow.Request(clientId, smzDossier);
        handover.State.ShouldBe(HandoverStates.Requested);
        handover.Nazorg.UnmetRule.ShouldBe(GateRules.NazorgDone);

        var before = await _flow.Writes(clientId);
        var refused = await Fails(() => _flow.Transfer(handover.HandoverId));
        refused.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        refused.Trailers.GetValue(RpcErrors.RuleTrailer).ShouldBe(GateRules.NazorgDone);
        (await _flow.Writes(clientId)).ShouldBe(before);

        (await _flow.ReachedNazorg(handover.HandoverId)).State.ShouldBe(HandoverStates.Ready);
        var transferred = await _flow.Transfer(handover.HandoverId);
        transferred.State.ShouldBe(HandoverStates.Transferred);
        transferred.DueAt.ShouldNotBeEmpty();
        transferred.NazorgNotes.ShouldBe("Wil hulp bij cv");

        var wbDossier = await Eventually.Until(
            () => _flow.Client.WerkbedrijfDossiers().GetDossierAsync(new GetDossierRequest { DossierId = transferred.ReceivingDossierId }, _flow.Client.As(AdviseurWerk)).ResponseAsync,
            _ => true, what: "Werkbedrijf's dossier created from the transfer");
        wbDossier.Dossier.Status.ShouldBe("open");
        await Eventually.Until(
            () => platform.InScope<SmzDbContext, string>(db => db.Dossiers.Where(d => d.DossierId == Guid.Parse(smzDossier)).Select(d => d.Status).SingleAsync()),
            status => status == "closed", what: "SMZ to close its dossier");

        var accepted = await _flow.Client.Handover.AcceptHandoverAsync(new AcceptHandoverRequest
        {
            HandoverId = handover.HandoverId, ExpectedVersion = transferred.Version,
        }, _flow.Client.As(AdviseurWerk));
        accepted.Handover.State.ShouldBe(HandoverStates.Accepted);

        var owners = await platform.InScope<HandoverDbContext, List<DossierOwnership>>(db =>
            db.Dossiers.AsNoTracking().Where(d => d.ClientId == Guid.Parse(clientId)).ToListAsync());
        owners.Count(o => o.Active).ShouldBe(1);
        owners.Single(o => o.Active).Division.ShouldBe(Contracts.Events.DivisionCode.Werkbedrijf);
        (await platform.InScope<WerkbedrijfDbContext, int>(db => db.Dossiers.CountAsync(d => d.DossierId == Guid.Parse(transferred.ReceivingDossierId))))
            .ShouldBe(1);

        var picture = await Eventually.Until(
            () => _flow.Client.Klantbeeld.GetKlantbeeldAsync(new GetKlantbeeldRequest { ClientId = clientId, Purpose = "dossierbehandeling", PurposeNote = "test" }, _flow.Client.As(AdviseurWerk)).ResponseAsync,
            r => r.Klantbeeld.Handovers.Any(h => h.State == HandoverStates.Accepted), what: "the accepted handover in the klantbeeld");
        picture.Klantbeeld.OpenHandovers.ShouldBeEmpty();
        picture.Klantbeeld.Dossiers.Single(d => d.DossierId == transferred.ReceivingDossierId).Status.ShouldBe("open");
        picture.Klantbeeld.Dossiers.Single(d => d.DossierId == smzDossier).Status.ShouldBe("closed");

        // KPIs count days in Amsterdam: just after midnight there, the UTC date is still yesterday.
        var amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, amsterdam).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var kpis = await _flow.Client.HandoverKpis().GetKpiDashboardAsync(new GetKpiDashboardRequest
        {
            AreaTeam = "arnhem-noord", FromDate = today, ToDate = today,
        }, _flow.Client.As("manager"));
        kpis.Dashboard.Handovers.Single(p => p.FromDivision == Division.Smz && p.ToDivision == Division.Werkbedrijf).Count.ShouldBeGreaterThanOrEqualTo(1);
        kpis.Dashboard.Unaccepted.DossiersWithoutOwner.ShouldBe(0);
        kpis.ToString().ShouldNotContain(clientId);
    }

    [Fact]
    public async Task Handover_WithSignaal_RequiresWarmHandover_ThenReturnAndCancel_KeepOneOwner()
    {
        var (clientId, smzDossier) = await _flow.ClientWithSmzDossier();
        await _flow.Client.Handover.RecordSignaalAsync(new RecordSignaalRequest
        {
            ClientId = clientId, Factor = KwetsbaarheidFactor.Levensgebeurtenis, Note = "Recent gescheiden, verhuist", ClientConsent = true,
        }, _flow.Client.As(Procesbegeleider));
        var handover = await _flow.Request(clientId, smzDossier);
        handover.WarmHandoverRequired.ShouldBeTrue();
        await _flow.ReachedNazorg(handover.HandoverId);

        var refused = await Fails(() => _flow.Transfer(handover.HandoverId));
        refused.Trailers.GetValue(RpcErrors.RuleTrailer).ShouldBe(GateRules.WarmHandover);

        await _flow.Client.Handover.ArrangeWarmHandoverAsync(new ArrangeWarmHandoverRequest { HandoverId = handover.HandoverId, ReceivingColleague = AdviseurWerk },
            _flow.Client.As(Procesbegeleider));
        await _flow.Client.Handover.ConfirmWarmHandoverAsync(new ConfirmWarmHandoverRequest { HandoverId = handover.HandoverId }, _flow.Client.As(AdviseurWerk));
        var transferred = await _flow.Transfer(handover.HandoverId);
        transferred.Signalen.ShouldHaveSingleItem().Note.ShouldBe("Recent gescheiden, verhuist");

        var returned = await _flow.Client.Handover.ReturnHandoverAsync(new ReturnHandoverRequest
        {
            HandoverId = handover.HandoverId, ReasonCategory = ReturnReason.IncompleteDossier, Reason = "Arbeidsdeskundig rapport ontbreekt",
        }, _flow.Client.As(AdviseurWerk));
        returned.Handover.State.ShouldBe(HandoverStates.Returned);
        var cancelled = await _flow.Client.Handover.CancelHandoverAsync(new CancelHandoverRequest
        {
            HandoverId = handover.HandoverId, Reason = "Cliënt start eerst bij Uitkeren",
        }, _flow.Client.As(Procesbegeleider));
        cancelled.Handover.State.ShouldBe(HandoverStates.Cancelled);

        var owners = await platform.InScope<HandoverDbContext, List<DossierOwnership>>(db =>
            db.Dossiers.AsNoTracking().Where(d => d.ClientId == Guid.Parse(clientId)).ToListAsync());
        owners.Single(o => o.Active).DossierId.ShouldBe(Guid.Parse(smzDossier));
        await Eventually.Until(
            () => platform.InScope<SmzDbContext, string>(db => db.Dossiers.Where(d => d.DossierId == Guid.Parse(smzDossier)).Select(d => d.Status).SingleAsync()),
            status => status == "open", what: "SMZ to reopen its dossier after the return");
        var picture = await Eventually.Until(
            () => _flow.Client.Klantbeeld.GetKlantbeeldAsync(new GetKlantbeeldRequest { ClientId = clientId, Purpose = "dossierbehandeling" }, _flow.Client.As(Procesbegeleider)).ResponseAsync,
            r => r.Klantbeeld.Handovers.Any(h => h.State == HandoverStates.Cancelled), what: "the cancelled handover in the klantbeeld");
        picture.Klantbeeld.KwetsbaarheidSignalen.ShouldHaveSingleItem().Factor.ShouldBe(KwetsbaarheidFactor.Levensgebeurtenis);
    }

    [Fact]
    public async Task NazorgStatus_ShowsEachCallWithItsMoment_AndWhenTheWrittenMessageRuleIsMet_AndTheOverridesReason()
    {
        var (clientId, smzDossier) = await _flow.ClientWithSmzDossier();
        var handover = await _flow.Request(clientId, smzDossier);
        handover.Nazorg.WrittenMessageAllowed.ShouldBeFalse();
        (handover.Nazorg.UnansweredAttemptsNeeded, handover.Nazorg.WorkingDaysNeeded).ShouldBe((3, 2));

        // Three unanswered calls on the two working days before today.
        var office = Uwv.ServiceDefaults.Calendar.CalendarExtensions.FromPlatformFile();
        var today = office.DateOf(DateTimeOffset.UtcNow);
        var days = Enumerable.Range(1, 14).Select(i => today.AddDays(-i)).Where(office.WorkingDays.IsWorkingDay).Take(2).Reverse().ToList();
        string[] moments = [At(office, days[0], 9), At(office, days[0], 15), At(office, days[1], 10)];
        for (var i = 0; i < moments.Length; i++)
        {
            handover = (await _flow.Client.Handover.RecordNazorgAttemptAsync(new RecordNazorgAttemptRequest
            {
                HandoverId = handover.HandoverId, ExpectedVersion = handover.Version, Outcome = NazorgOutcome.NotReached, AttemptedAt = moments[i],
            }, _flow.Client.As(Procesbegeleider))).Handover;
            handover.Nazorg.WrittenMessageAllowed.ShouldBe(i == moments.Length - 1);
        }
        handover.Nazorg.Calls.Select(c => (DateTimeOffset.Parse(c.AttemptedAt, System.Globalization.CultureInfo.InvariantCulture), c.Reached, c.RecordedBy))
            .ShouldBe(moments.Select(m => (DateTimeOffset.Parse(m, System.Globalization.CultureInfo.InvariantCulture), false, Procesbegeleider)));

        handover = (await _flow.Client.Handover.OverrideNazorgAsync(new OverrideNazorgRequest
        {
            HandoverId = handover.HandoverId, ExpectedVersion = handover.Version, Reason = "Cliënt verhuisd naar het buitenland",
        }, _flow.Client.As(Teamleider))).Handover;
        (handover.Nazorg.Overridden, handover.Nazorg.OverrideReason, handover.Nazorg.OverriddenBy).ShouldBe((true, "Cliënt verhuisd naar het buitenland", Teamleider));
        handover.Nazorg.OverriddenAt.ShouldNotBeEmpty();
    }

    private static string At(Uwv.Calendar.OfficeHours office, DateOnly day, int hour)
    {
        var local = day.ToDateTime(new TimeOnly(hour, 0));
        return new DateTimeOffset(local, office.TimeZone.GetUtcOffset(local)).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Command_RepeatedWithSameRequestId_ReturnsSameResult_AndWritesOnce()
    {
        var (clientId, smzDossier) = await _flow.ClientWithSmzDossier();
        var handover = await _flow.Request(clientId, smzDossier);
        var attempt = new RecordNazorgAttemptRequest
        {
            RequestId = Guid.NewGuid().ToString(), HandoverId = handover.HandoverId, Outcome = NazorgOutcome.NotReached,
        };
        var first = await _flow.Client.Handover.RecordNazorgAttemptAsync(attempt, _flow.Client.As(Procesbegeleider));
        var before = await _flow.Writes(clientId);
        var second = await _flow.Client.Handover.RecordNazorgAttemptAsync(attempt, _flow.Client.As(Procesbegeleider));

        second.Handover.Version.ShouldBe(first.Handover.Version);
        second.Handover.Nazorg.Attempts.ShouldBe(1);
        (await _flow.Writes(clientId)).ShouldBe(before);
    }
}
