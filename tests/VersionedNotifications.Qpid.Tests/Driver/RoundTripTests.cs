using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using VersionedNotifications.OpenStack.Glance;
using VersionedNotifications.Qpid.Tests.Infrastructure;
using GlanceEvents = VersionedNotifications.OpenStack.Glance.EventTypes;

namespace VersionedNotifications.Qpid.Tests.Driver;

/// <summary>
/// Our driver to RabbitMQ's AMQP 1.0 plugin to our listener. The 2×2,000 run also guards the listener's
/// credit: with AMQPNetLite's automatic top-up, RabbitMQ overran the credit, the connection ended with
/// transfer-limit-exceeded, and 6,145 deliveries (redeliveries) arrived instead of 4,000.
/// </summary>
[Collection(QpidBrokerCollection.Name)]
public sealed class RoundTripTests(QpidBroker broker)
{
    [Fact]
    public async Task A_notification_sent_by_the_driver_reaches_the_typed_handler_of_the_listener_and_both_settle_it()
    {
        var exchange = Names.Unique("glance");
        var received = new ConcurrentQueue<Notification<ImagePayload>>();
        var dispatcher = new NotificationDispatcher(QpidEmitters.Reader).On(GlanceEvents.Image.Update, (n, _) =>
        {
            received.Enqueue(n);
            return ValueTask.CompletedTask;
        });
        var logs = new RecordingLoggerProvider();
        using var logging = LoggerFactory.Create(b => b.AddProvider(logs));
        await using var listener = new QpidNotificationListener(QpidEmitters.ListenerOptions(broker, exchange, "notifications"), QpidEmitters.Reader, dispatcher, logging.CreateLogger<QpidNotificationListener>());
        await listener.StartAsync();

        // RabbitMQ names itself in its open frame and refuses oslo's routable addresses, so dynamic addressing takes the legacy form there.
        Assert.Contains(logs.Entries, e => e.Message.EndsWith("(RabbitMQ); addresses are Legacy", StringComparison.Ordinal));
        Assert.Equal([$"unicast.{exchange}.notifications.info", $"unicast.{exchange}.notifications.error"], listener.Addresses);

        await using var driver = new QpidNotificationDriver(QpidEmitters.DriverOptions(broker, exchange));
        using var notifier = new Notifier(QpidEmitters.NotifierOptions("notifications"), [driver]);
        var sent = QpidEmitters.NewImageUpdate(QpidEmitters.ImageUpdate());
        await notifier.EmitAsync(sent);
        await notifier.FlushAsync(CancellationToken.None);

        Assert.Equal(1, driver.Statistics.Confirmed);
        Assert.Equal(0, driver.Statistics.Outstanding);
        await Eventually.TrueAsync(() => listener.Statistics.Handled == 1, TimeSpan.FromMinutes(2), () => $"listener {listener.Statistics}");
        var got = Assert.Single(received);
        Assert.Equal(sent.Header.MessageId, got.Header.MessageId);
        Assert.Equal("glance-api.test-host", got.Header.PublisherId);
        Assert.Equal(sent.Payload.Id, got.Payload.Id);
        Assert.Equal(sent.Payload.Name, got.Payload.Name);
    }

    [Fact]
    public async Task Many_notifications_over_several_topics_all_arrive_and_every_one_is_accepted_once()
    {
        const int count = 2_000;
        var exchange = Names.Unique("glance");
        var seen = new ConcurrentDictionary<string, int>();
        var dispatcher = new NotificationDispatcher(QpidEmitters.Reader).On(GlanceEvents.Image.Update, (n, _) =>
        {
            seen.AddOrUpdate(n.Header.MessageId, 1, (_, c) => c + 1);
            return ValueTask.CompletedTask;
        });
        var listenerOptions = QpidEmitters.ListenerOptions(broker, exchange, "notifications", "audit");
        listenerOptions.MaxConcurrency = 4;
        await using var listener = new QpidNotificationListener(listenerOptions, QpidEmitters.Reader, dispatcher);
        await listener.StartAsync();

        var driverOptions = QpidEmitters.DriverOptions(broker, exchange);
        driverOptions.BufferCapacity = 300;
        await using var driver = new QpidNotificationDriver(driverOptions);
        using var notifier = new Notifier(QpidEmitters.NotifierOptions("notifications", "audit"), [driver]);
        var payload = QpidEmitters.ImageUpdate();
        for (var i = 0; i < count; i++)
        {
            await notifier.EmitAsync(QpidEmitters.NewImageUpdate(payload));
        }

        await notifier.FlushAsync(CancellationToken.None);
        Assert.Equal(2 * count, driver.Statistics.Confirmed);
        Assert.Equal(2 * count, driver.Statistics.Published);
        Assert.Equal(0, driver.Statistics.Dropped);
        await Eventually.TrueAsync(() => listener.Statistics.Handled == 2 * count, TimeSpan.FromMinutes(2), () => $"listener {listener.Statistics}");
        Assert.Equal(count, seen.Count);
        Assert.All(seen.Values, copies => Assert.Equal(2, copies));
    }

    [Fact]
    public async Task A_full_buffer_holds_the_emitter_back_until_the_peer_accepts()
    {
        var exchange = Names.Unique("glance");
        var options = QpidEmitters.DriverOptions(broker, exchange);
        options.TransportUrl = "amqp://guest:guest@127.0.0.1:1/";
        options.BufferCapacity = 3;
        options.BufferFullTimeout = TimeSpan.FromMilliseconds(300);
        options.ShutdownTimeout = TimeSpan.Zero;
        await using var driver = new QpidNotificationDriver(options);
        var payload = QpidEmitters.ImageUpdate();
        for (var i = 0; i < 3; i++)
        {
            await driver.SendAsync(Drivers.OutgoingNotification.Create(QpidEmitters.NewImageUpdate(payload), ["notifications"]), CancellationToken.None);
        }

        var error = await Assert.ThrowsAsync<TimeoutException>(async () =>
            await driver.SendAsync(Drivers.OutgoingNotification.Create(QpidEmitters.NewImageUpdate(payload), ["notifications"]), CancellationToken.None));
        Assert.Contains("buffer of 3 messages stayed full", error.Message);
        Assert.Contains("amqp://guest@127.0.0.1:1/", error.Message);
        Assert.DoesNotContain("guest:guest", error.Message);
        Assert.Equal(3, driver.Statistics.Outstanding);
    }
}
