using MassTransit;
using Uwv.Contracts.Events;

namespace Uwv.Klantbeeld.Consumers;

public sealed partial class KlantbeeldProjectionConsumer : IConsumer<HandoverRequested>
{
    public Task Consume(ConsumeContext<HandoverRequested> context) => Project(context);
}
