using Amqp;
using Amqp.Framing;
using Microsoft.Extensions.Logging;
using VersionedNotifications.OpenStack.Glance;
using VersionedNotifications.Qpid.Tests.Infrastructure;
using GlanceEvents = VersionedNotifications.OpenStack.Glance.EventTypes;

namespace VersionedNotifications.Qpid.Tests.Listening;

/// <summary>
/// A message no typed handler can take, over the real broker: logged with its reason, counted by reason, and
/// settled as <c>OnUnreadable</c> says (accepted, or rejected for the peer's dead-lettering), the same way as on
/// RabbitMQ; the good message after it is handled.
/// </summary>
[Collection(QpidBrokerCollection.Name)]
public sealed class UnreadableMessageTests(QpidBroker broker)
{
    [Fact]
    public async Task With_OnUnreadable_DeadLetter_a_message_that_is_not_JSON_is_rejected_and_does_not_come_again()
    {
        var exchange = Names.Unique("glance");
        var options = QpidEmitters.ListenerOptions(broker, exchange, "notifications");
        options.OnUnreadable = UnreadableMessageAction.DeadLetter;
        await using var listener = new QpidNotificationListener(options, QpidEmitters.Reader, Dispatcher());
        await listener.StartAsync();

        await SendRawAsync($"unicast.{exchange}.notifications.info", "not json {");
        await SendGoodAsync(exchange);

        await Eventually.TrueAsync(() => listener.Statistics.Handled == 1 && listener.Statistics.Rejected == 1, TimeSpan.FromMinutes(2), () => $"listener {listener.Statistics}");
        Assert.Equal(1, listener.Statistics.UnreadableBy(UnreadableReason.NotJson));
        Assert.Equal(0, listener.Statistics.Discarded);
        await Task.Delay(500);
        Assert.Equal(2, listener.Statistics.Received);
    }

    private static NotificationDispatcher Dispatcher() =>
        new NotificationDispatcher(QpidEmitters.Reader).On(GlanceEvents.Image.Update, (_, _) => ValueTask.CompletedTask);

    /// <summary>Sends <paramref name="body"/> as an AMQP string to <paramref name="address"/>, as a broken publisher would.</summary>
    private async Task SendRawAsync(string address, string body)
    {
        var connection = await Connection.Factory.CreateAsync(new Address(broker.AmqpUrl));
        try
        {
            var session = new Session(connection);
            var sender = new SenderLink(session, "poison-" + Guid.NewGuid().ToString("N"), address);
            await sender.SendAsync(new Message(body) { Properties = new Properties { To = address, MessageId = "poison-1" } });
            await sender.CloseAsync();
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    private async Task SendGoodAsync(string exchange)
    {
        await using var driver = new QpidNotificationDriver(QpidEmitters.DriverOptions(broker, exchange));
        Assert.Null(await driver.SendAndConfirmAsync(
            VersionedNotifications.Drivers.OutgoingNotification.Create(QpidEmitters.NewImageUpdate(QpidEmitters.ImageUpdate()), ["notifications"]),
            CancellationToken.None));
    }
}
