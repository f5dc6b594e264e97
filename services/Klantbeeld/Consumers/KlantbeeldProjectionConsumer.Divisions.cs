using MassTransit;
using Uwv.Contracts.Events;

namespace Uwv.Klantbeeld.Consumers;

public sealed partial class KlantbeeldProjectionConsumer : IConsumer<BeoordelingRecorded>
{
    public Task Consume(ConsumeContext<BeoordelingRecorded> context) => Project(context);
}
