using Microsoft.Extensions.Logging;
using VersionedNotifications.Drivers;
using VersionedNotifications.Qpid.Tests.Infrastructure;

namespace VersionedNotifications.Qpid.Tests.Driver;

/// <summary>
/// Refusals over AMQP 1.0 that trying again cannot heal fail fast, as RabbitMQ's do: one Error naming the setting
/// to change, the messages given up and counted, <c>FlushAsync</c> returning, and no reconnecting for ever.
/// </summary>
[Collection(QpidBrokerCollection.Name)]
public sealed class RefusalTests(QpidBroker broker)
{
    // Generous: these only catch a hang.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    private string WrongPassword => broker.AmqpUrl.Replace("guest:guest@", "guest:wrong@", StringComparison.Ordinal);

    [Fact]
    public async Task Credentials_the_broker_does_not_accept_fail_the_messages_at_once_with_one_Error_naming_TransportUrl()
    {
        var logs = new RecordingLoggerProvider();
        using var logging = LoggerFactory.Create(b => b.AddProvider(logs));
        var options = QpidEmitters.DriverOptions(broker, Names.Unique("glance"));
        options.TransportUrl = WrongPassword;
        await using var driver = new QpidNotificationDriver(options, logging.CreateLogger<QpidNotificationDriver>());
        var notification = OutgoingNotification.Create(QpidEmitters.NewImageUpdate(QpidEmitters.ImageUpdate()), ["notifications"]);

        using var patience = new CancellationTokenSource(Patience);
        var reason = await driver.SendAndConfirmAsync(notification, patience.Token);
        await driver.FlushAsync(patience.Token);

        Assert.NotNull(reason);
        Assert.Contains("TransportUrl", reason, StringComparison.Ordinal);
        Assert.Contains("amqp:unauthorized-access", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", reason, StringComparison.Ordinal);
        Assert.Equal(1, driver.Statistics.Dropped);
        Assert.Equal(0, driver.Statistics.Outstanding);
        var error = Assert.Single(logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.Contains("TransportUrl", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<NotificationRefusedException>(async () => await driver.SendAsync(notification, CancellationToken.None));
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("trying again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_listener_with_credentials_the_broker_does_not_accept_fails_to_start_with_a_refusal_naming_TransportUrl()
    {
        var options = QpidEmitters.ListenerOptions(broker, Names.Unique("glance"), "notifications");
        options.TransportUrl = WrongPassword;
        await using var listener = new QpidNotificationListener(options, QpidEmitters.Reader, new NotificationDispatcher(QpidEmitters.Reader));

        using var patience = new CancellationTokenSource(Patience);
        var refused = await Assert.ThrowsAsync<BrokerRefusedException>(() => listener.StartAsync(patience.Token));

        Assert.Contains("TransportUrl", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_queue_declared_durable_by_another_service_refuses_a_non_durable_listener_naming_DurableQueues()
    {
        var exchange = Names.Unique("glance");
        var durable = QpidEmitters.ListenerOptions(broker, exchange, "notifications");
        durable.DurableQueues = true;
        await using (var first = new QpidNotificationListener(durable, QpidEmitters.Reader, new NotificationDispatcher(QpidEmitters.Reader)))
        {
            await first.StartAsync();
        }

        var options = QpidEmitters.ListenerOptions(broker, exchange, "notifications");
        await using var listener = new QpidNotificationListener(options, QpidEmitters.Reader, new NotificationDispatcher(QpidEmitters.Reader));
        using var patience = new CancellationTokenSource(Patience);
        var refused = await Assert.ThrowsAsync<BrokerRefusedException>(() => listener.StartAsync(patience.Token));

        Assert.Contains("DurableQueues", refused.Message, StringComparison.Ordinal);
    }
}
