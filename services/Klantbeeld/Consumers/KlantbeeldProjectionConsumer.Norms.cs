using MassTransit;
using Uwv.Contracts.Events;

namespace Uwv.Klantbeeld.Consumers;

/// <summary>The divisions' norm deadlines: an escalation becomes the teamleider's worklist item until it is resolved.</summary>
public sealed partial class KlantbeeldProjectionConsumer :
    IConsumer<NormDeadlineSet>,
    IConsumer<NormDeadlineWarned>,
    IConsumer<NormDeadlineEscalated>,
    IConsumer<NormDeadlineResolved>
{
    public Task Consume(ConsumeContext<NormDeadlineSet> context) => Project(context);

    public Task Consume(ConsumeContext<NormDeadlineWarned> context) => Project(context);

    public Task Consume(ConsumeContext<NormDeadlineEscalated> context) => Project(context);

    public Task Consume(ConsumeContext<NormDeadlineResolved> context) => Project(context);
}
