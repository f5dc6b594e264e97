using MassTransit;
using Uwv.Contracts.Events;

namespace Uwv.Klantbeeld.Consumers;

/// <summary>The four divisions' events that feed the picture.</summary>
public sealed partial class KlantbeeldProjectionConsumer :
    IConsumer<BeoordelingRecorded>,
    IConsumer<DossierStatusChanged>,
    IConsumer<DossierAssigned>,
    IConsumer<UitkeringGranted>,
    IConsumer<UitkeringEnded>,
    IConsumer<VoorschotOffered>,
    IConsumer<VoorschotUpdated>,
    IConsumer<TerugvorderingRecorded>,
    IConsumer<ContactLogged>,
    IConsumer<TerugbelverzoekCreated>,
    IConsumer<TerugbelverzoekCompleted>,
    IConsumer<HerbeoordelingsverzoekOpened>,
    IConsumer<HerbeoordelingsverzoekPickedUp>,
    IConsumer<HerbeoordelingsverzoekAnswered>,
    IConsumer<ReintegratietrajectStarted>,
    IConsumer<ReintegratietrajectUpdated>,
    IConsumer<BezwaarRegistered>,
    IConsumer<BezwaarUpdated>,
    IConsumer<HerkeuringsaanvraagReceived>,
    IConsumer<HerkeuringCallRecorded>
{
    public Task Consume(ConsumeContext<BeoordelingRecorded> context) => Project(context);

    public Task Consume(ConsumeContext<DossierStatusChanged> context) => Project(context);

    public Task Consume(ConsumeContext<DossierAssigned> context) => Project(context);

    public Task Consume(ConsumeContext<UitkeringGranted> context) => Project(context);

    public Task Consume(ConsumeContext<UitkeringEnded> context) => Project(context);

    public Task Consume(ConsumeContext<VoorschotOffered> context) => Project(context);

    public Task Consume(ConsumeContext<VoorschotUpdated> context) => Project(context);

    public Task Consume(ConsumeContext<TerugvorderingRecorded> context) => Project(context);

    public Task Consume(ConsumeContext<ContactLogged> context) => Project(context);

    public Task Consume(ConsumeContext<TerugbelverzoekCreated> context) => Project(context);

    public Task Consume(ConsumeContext<TerugbelverzoekCompleted> context) => Project(context);

    public Task Consume(ConsumeContext<HerbeoordelingsverzoekOpened> context) => Project(context);

    public Task Consume(ConsumeContext<HerbeoordelingsverzoekPickedUp> context) => Project(context);

    public Task Consume(ConsumeContext<HerbeoordelingsverzoekAnswered> context) => Project(context);

    public Task Consume(ConsumeContext<ReintegratietrajectStarted> context) => Project(context);

    public Task Consume(ConsumeContext<ReintegratietrajectUpdated> context) => Project(context);

    public Task Consume(ConsumeContext<BezwaarRegistered> context) => Project(context);

    public Task Consume(ConsumeContext<BezwaarUpdated> context) => Project(context);

    public Task Consume(ConsumeContext<HerkeuringsaanvraagReceived> context) => Project(context);

    public Task Consume(ConsumeContext<HerkeuringCallRecorded> context) => Project(context);
}
