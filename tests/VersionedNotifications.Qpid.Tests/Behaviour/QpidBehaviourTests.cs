using Amqp;
using Amqp.Framing;
using Microsoft.Extensions.Logging;
using VersionedNotifications.Drivers;
using VersionedNotifications.Qpid.Tests.Infrastructure;

namespace VersionedNotifications.Qpid.Tests.Behaviour;

/// <summary>The shared transport behaviour (<see cref="TransportBehaviourTests"/>) over AMQP 1.0 to the real broker: oslo's amqp1 addresses and body.</summary>
[Collection(QpidBrokerCollection.Name)]
public sealed class QpidBehaviourTests(QpidBroker broker) : TransportBehaviourTests
{
    protected override async Task<ListenerUnderTest> StartListenerAsync(string exchange, string topic, NotificationDispatcher dispatcher, HandlerFailureSettlement onFailure, ILoggerFactory logging)
    {
        var options = QpidEmitters.ListenerOptions(broker, exchange, topic);
        options.Priorities = [NotificationPriority.Info];
        options.OnFailure = onFailure == HandlerFailureSettlement.GiveBack ? QpidListenerFailureAction.Release : QpidListenerFailureAction.Reject;
        var listener = new QpidNotificationListener(options, Reader, dispatcher, logging.CreateLogger<QpidNotificationListener>());
        await listener.StartAsync();
        return new ListenerUnderTest(listener, listener.Statistics);
    }

    protected override async Task<NotificationDriverStatistics> SendAsync(string exchange, string topic, Notification notification)
    {
        await using var driver = new QpidNotificationDriver(QpidEmitters.DriverOptions(broker, exchange));
        Assert.Null(await driver.SendAndConfirmAsync(OutgoingNotification.Create(notification, [topic]), CancellationToken.None));
        return driver.Statistics;
    }

    /// <summary>The bytes as one data section, to the listener's legacy address, as a broken publisher would send them.</summary>
    protected override async Task SendRawAsync(string exchange, string topic, byte[] body)
    {
        var address = $"unicast.{exchange}.{topic}.info";
        var connection = await Connection.Factory.CreateAsync(new Address(broker.AmqpUrl));
        try
        {
            var session = new Session(connection);
            var sender = new SenderLink(session, "poison-" + Guid.NewGuid().ToString("N"), address);
            await sender.SendAsync(new Message { BodySection = new Data { Binary = body }, Properties = new Properties { To = address, MessageId = "poison" } });
            await sender.CloseAsync();
        }
        finally
        {
            await connection.CloseAsync();
        }
    }
}
