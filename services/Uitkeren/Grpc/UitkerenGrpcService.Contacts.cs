using Grpc.Core;
using Uwv.Contracts.Uitkeren.V1;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Audit;
using Uwv.ServiceDefaults.Contacts;

namespace Uwv.Uitkeren.Grpc;

/// <summary>Contacts and terugbelverzoeken of Uitkeren (the shared <see cref="ContactCommands{TContext}"/>).</summary>
public sealed partial class UitkerenGrpcService
{
    [PersonalData("uitkeren", Writes = true)]
    public override async Task<LogContactResponse> LogContact(LogContactRequest request, ServerCallContext context)
    {
        var contact = await contacts.LogAsync(DivisionCode.Uitkeren,
            new ContactInput(request.RequestId, request.ClientId, request.Channel, request.Subject, request.Reached, request.ContactAt),
            context.GetHttpContext().User, context.CancellationToken);
        return new LogContactResponse { Contact = ContactMapper.ToProto(contact) };
    }

    [PersonalData("uitkeren", Writes = true)]
    public override async Task<CreateTerugbelverzoekResponse> CreateTerugbelverzoek(CreateTerugbelverzoekRequest request, ServerCallContext context)
    {
        var verzoek = await contacts.CreateTerugbelverzoekAsync(DivisionCode.Uitkeren, request.RequestId, request.ClientId, request.Subject,
            request.WwQuestion, context.GetHttpContext().User, context.CancellationToken);
        return new CreateTerugbelverzoekResponse { Terugbelverzoek = ContactMapper.ToProto(verzoek, clock.GetUtcNow()) };
    }

    [PersonalData("uitkeren", Writes = true)]
    public override async Task<CompleteTerugbelverzoekResponse> CompleteTerugbelverzoek(CompleteTerugbelverzoekRequest request, ServerCallContext context)
    {
        var verzoek = await contacts.CompleteTerugbelverzoekAsync(request.TerugbelverzoekId, request.ExpectedVersion, request.Reached,
            context.GetHttpContext().User, context.CancellationToken);
        return new CompleteTerugbelverzoekResponse { Terugbelverzoek = ContactMapper.ToProto(verzoek, clock.GetUtcNow()) };
    }

    [PersonalData("uitkeren")]
    public override async Task<ListOverdueTerugbelverzoekenResponse> ListOverdueTerugbelverzoeken(ListOverdueTerugbelverzoekenRequest request, ServerCallContext context)
    {
        var (items, next) = await contacts.ListOverdueAsync(request.PageToken, request.PageSize, context.GetHttpContext().User, context.CancellationToken);
        var now = clock.GetUtcNow();
        return new ListOverdueTerugbelverzoekenResponse
        {
            Terugbelverzoeken = { items.Select(t => ContactMapper.ToProto(t, now)) },
            NextPageToken = next,
        };
    }
}
