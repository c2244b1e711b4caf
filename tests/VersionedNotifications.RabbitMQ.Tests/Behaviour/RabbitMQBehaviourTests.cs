using Microsoft.Extensions.Logging;
using VersionedNotifications.Drivers;
using VersionedNotifications.RabbitMQ.Tests.Infrastructure;

namespace VersionedNotifications.RabbitMQ.Tests.Behaviour;

/// <summary>The shared transport behaviour (<see cref="TransportBehaviourTests"/>) over the real RabbitMQ: oslo's queues, the v2 body.</summary>
[Collection(BrokerCollection.Name)]
public sealed class RabbitMQBehaviourTests(Broker broker) : TransportBehaviourTests
{
    protected override async Task<ListenerUnderTest> StartListenerAsync(string exchange, string topic, NotificationDispatcher dispatcher, HandlerFailureSettlement onFailure, ILoggerFactory logging)
    {
        var options = Emitters.ListenerOptions(broker, exchange, topic);
        options.OnFailure = onFailure == HandlerFailureSettlement.GiveBack ? RabbitMQListenerFailureAction.Requeue : RabbitMQListenerFailureAction.Reject;
        var listener = new RabbitMQNotificationListener(options, Reader, dispatcher, logging.CreateLogger<RabbitMQNotificationListener>());
        await listener.StartAsync();
        return new ListenerUnderTest(listener, listener.Statistics);
    }

    protected override async Task<NotificationDriverStatistics> SendAsync(string exchange, string topic, Notification notification)
    {
        await using var driver = new RabbitMQNotificationDriver(Emitters.DriverOptions(broker, exchange));
        Assert.Null(await driver.SendAndConfirmAsync(OutgoingNotification.Create(notification, [topic]), CancellationToken.None));
        return driver.Statistics;
    }

    protected override Task SendRawAsync(string exchange, string topic, byte[] body) => BrokerQueues.PublishRawAsync(broker, exchange, topic + ".info", body);
}
