using Uwv.ServiceDefaults.Bus;

namespace Uwv.UnitTests.Bus;

public sealed class BrokerQueueTests
{
    [Theory]
    [InlineData("rabbitmq://127.0.0.1/handover-dossier-opened", "handover-dossier-opened")]
    [InlineData("rabbitmq://127.0.0.1/fault1206/klantbeeld-picture", "klantbeeld-picture")]
    [InlineData("rabbitmq://rabbit.uwv.local:5672/vhost/handover-transfer?bind=true", "handover-transfer")]
    [InlineData("rabbitmq://127.0.0.1/vhost/queue%20with%20space", "queue with space")]
    public void DurableEndpoint_IsWatchedByItsQueueName(string inputAddress, string queue) =>
        BrokerQueue.DurableQueueOf(inputAddress).ShouldBe(queue);

    [Theory]
    [InlineData("rabbitmq://127.0.0.1/vhost/handover-bus-0a1b?temporary=true")]
    [InlineData("rabbitmq://127.0.0.1/vhost/replies?durable=false&autodelete=true")]
    [InlineData("rabbitmq://127.0.0.1/vhost/scratch?AutoDelete=true")]
    [InlineData("rabbitmq://127.0.0.1/vhost/scratch?durable=false")]
    [InlineData("loopback://localhost/")]
    [InlineData("not an address")]
    public void QueueTheBrokerDeletesByItself_OrNoQueue_IsNotWatched(string inputAddress) =>
        BrokerQueue.DurableQueueOf(inputAddress).ShouldBeNull();
}
