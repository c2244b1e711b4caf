using Microsoft.Extensions.Logging;
using VersionedNotifications.Drivers;
using VersionedNotifications.RabbitMQ.Tests.Infrastructure;
using GlanceEvents = VersionedNotifications.OpenStack.Glance.EventTypes;
using IronicEvents = VersionedNotifications.OpenStack.Ironic.EventTypes;

namespace VersionedNotifications.RabbitMQ.Tests.Driver;

/// <summary>
/// Refusals that retrying cannot heal, on a real broker: the driver fails fast and loudly (one Error naming the
/// setting to change), every message is failed and counted, and flushing returns; nothing is published again.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class RefusalTests(Broker broker)
{
    private const int Messages = 20;

    [Fact]
    public async Task Queues_oslo_declared_durable_fail_every_message_fast_naming_amqp_durable_queues()
    {
        var exchange = Names.Unique("glance");
        var topic = Names.Unique("notifications");
        await using (var oslo = PeerProcess.Python("oslo_notify.py", "--url", broker.Url, "--exchange", exchange, "--topic", topic, "--durable"))
        {
            await oslo.WriteLinesAsync(["""{"event_type": "image.delete", "priority": "info", "payload": {}}"""]);
            Assert.Equal(0, await oslo.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        }

        var run = await SendAsync(Emitters.DriverOptions(broker, exchange), topic);

        run.AssertRefusedWith("PRECONDITION_FAILED", "DurableQueues (oslo's [oslo_messaging_rabbit] amqp_durable_queues, now false)");
        Assert.Equal(0, run.Driver.Statistics.Republished);
        Assert.Equal(1u, await BrokerQueues.CountAsync(broker, topic + ".info"));
    }

    [Fact]
    public async Task Wrong_credentials_fail_every_message_fast_naming_the_transport_url()
    {
        var options = Emitters.DriverOptions(broker, Names.Unique("ex"));
        options.TransportUrl = broker.Url.Replace("guest:guest@", "guest:wrong@", StringComparison.Ordinal);

        var run = await SendAsync(options, Names.Unique("t"));

        run.AssertRefusedWith("does not accept the user name or password", "credentials of TransportUrl");
        Assert.DoesNotContain("wrong", run.RefusalLine);
    }

    [Fact]
    public async Task An_unknown_virtual_host_fails_every_message_fast_naming_the_transport_url()
    {
        var options = Emitters.DriverOptions(broker, Names.Unique("ex"));
        options.TransportUrl = broker.Url.TrimEnd('/') + "/" + Names.Unique("nowhere");

        var run = await SendAsync(options, Names.Unique("t"));

        run.AssertRefusedWith("530", "virtual host of TransportUrl");
    }

    [Fact]
    public async Task An_exchange_the_user_may_not_declare_fails_every_message_fast_naming_the_control_exchange()
    {
        // RabbitMQ refuses any exchange named amq.* with 403 ACCESS_REFUSED, as it refuses a user without permissions.
        var run = await SendAsync(Emitters.DriverOptions(broker, Names.Unique("amq.vn")), Names.Unique("t"));

        run.AssertRefusedWith("403 ACCESS_REFUSED", "ControlExchange (oslo's control_exchange)");
    }

    /// <summary>Emits <see cref="Messages"/> notifications through a notifier retrying forever, flushes and closes, logging everything.</summary>
    private static async Task<Run> SendAsync(RabbitMQDriverOptions options, string topic)
    {
        var logs = new RecordingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Information));
        var driver = new RabbitMQNotificationDriver(options, factory.CreateLogger<RabbitMQNotificationDriver>());
        var notifierOptions = Emitters.NotifierOptions(topic);
        notifierOptions.Retry = NotificationRetryPolicy.Forever with { InitialDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromSeconds(1) };
        using var notifier = new Notifier(notifierOptions, [driver], factory.CreateLogger<Notifier>());
        for (var i = 0; i < Messages; i++)
        {
            await notifier.EmitAsync(GlanceEvents.Image.Update, Emitters.ImageUpdate()).AsTask().WaitAsync(TimeSpan.FromMinutes(2));
        }

        // A limit that only catches a hang: before the fix the flush never returned.
        await notifier.FlushAsync().AsTask().WaitAsync(TimeSpan.FromMinutes(2));
        await notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Start, Emitters.PowerSetStart()).AsTask().WaitAsync(TimeSpan.FromMinutes(2));
        await driver.DisposeAsync();
        return new Run(driver, notifier.Statistics, logs.Entries);
    }

    private sealed record Run(RabbitMQNotificationDriver Driver, NotifierStatistics Notifier, IReadOnlyList<RecordingLoggerProvider.Entry> Logs)
    {
        public string RefusalLine => Assert.Single(Logs, e => e.Level == LogLevel.Error && e.Category.EndsWith(nameof(RabbitMQNotificationDriver), StringComparison.Ordinal)).Message;

        public void AssertRefusedWith(params string[] parts)
        {
            // Every message emitted is failed and counted: given up by the driver or refused to the notifier, never confirmed.
            Assert.Equal(0, Driver.Statistics.Confirmed);
            Assert.Equal(Messages + 1, Driver.Statistics.Dropped + Notifier.Failed);
            Assert.True(Notifier.Failed >= 1, "a notification after the refusal is refused at once: " + Notifier);
            Assert.Equal(0, Notifier.Retried);
            Assert.Equal(0, Driver.Statistics.Outstanding);
            foreach (var part in parts)
            {
                Assert.Contains(part, RefusalLine);
            }

            Assert.True(Logs.Count(e => e.Level >= LogLevel.Warning) <= 12, "a bounded number of lines: " + string.Join("\n", Logs.Select(e => e.Message)));
        }
    }
}
