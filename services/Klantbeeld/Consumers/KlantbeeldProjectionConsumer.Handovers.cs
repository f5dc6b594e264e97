using MassTransit;
using Uwv.Contracts.Events;

namespace Uwv.Klantbeeld.Consumers;

/// <summary>The handover service's events: every transition of a handover, dossier moves, kwetsbaarheid signalen.</summary>
public sealed partial class KlantbeeldProjectionConsumer :
    IConsumer<HandoverRequested>,
    IConsumer<NazorgAttemptRecorded>,
    IConsumer<NazorgWrittenMessageRecorded>,
    IConsumer<NazorgOverridden>,
    IConsumer<WarmHandoverArranged>,
    IConsumer<WarmHandoverConfirmed>,
    IConsumer<HandoverTransferred>,
    IConsumer<HandoverAccepted>,
    IConsumer<HandoverReturned>,
    IConsumer<HandoverCancelled>,
    IConsumer<HandoverEscalated>,
    IConsumer<PingPongDetected>,
    IConsumer<CasusoverlegHeld>,
    IConsumer<DossierTransferred>,
    IConsumer<SignaalRecorded>,
    IConsumer<SignaalEnded>
{
    public Task Consume(ConsumeContext<HandoverRequested> context) => Project(context);

    public Task Consume(ConsumeContext<NazorgAttemptRecorded> context) => Project(context);

    public Task Consume(ConsumeContext<NazorgWrittenMessageRecorded> context) => Project(context);

    public Task Consume(ConsumeContext<NazorgOverridden> context) => Project(context);

    public Task Consume(ConsumeContext<WarmHandoverArranged> context) => Project(context);

    public Task Consume(ConsumeContext<WarmHandoverConfirmed> context) => Project(context);

    public Task Consume(ConsumeContext<HandoverTransferred> context) => Project(context);

    public Task Consume(ConsumeContext<HandoverAccepted> context) => Project(context);

    public Task Consume(ConsumeContext<HandoverReturned> context) => Project(context);

    public Task Consume(ConsumeContext<HandoverCancelled> context) => Project(context);

    public Task Consume(ConsumeContext<HandoverEscalated> context) => Project(context);

    public Task Consume(ConsumeContext<PingPongDetected> context) => Project(context);

    public Task Consume(ConsumeContext<CasusoverlegHeld> context) => Project(context);

    public Task Consume(ConsumeContext<DossierTransferred> context) => Project(context);

    public Task Consume(ConsumeContext<SignaalRecorded> context) => Project(context);

    public Task Consume(ConsumeContext<SignaalEnded> context) => Project(context);
}
