using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using VersionedNotifications.Drivers;
using VersionedNotifications.RabbitMQ.Tests.Infrastructure;
using IronicEvents = VersionedNotifications.OpenStack.Ironic.EventTypes;

namespace VersionedNotifications.RabbitMQ.Tests.Driver;

/// <summary>The RabbitMQ driver on a real broker: oslo's topology, properties and body; confirms; back-pressure.</summary>
[Collection(BrokerCollection.Name)]
public sealed class RabbitMQDriverTests(Broker broker)
{
    [Fact]
    public async Task A_notification_waits_in_the_queue_oslo_declares_before_any_consumer_exists()
    {
        var exchange = Names.Unique("vn-ex");
        var topic = Names.Unique("ironic_versioned_notifications");
        await using var driver = new RabbitMQNotificationDriver(Emitters.DriverOptions(broker, exchange));
        using var notifier = new Notifier(Emitters.NotifierOptions(topic), [driver]);

        await notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Start, Emitters.PowerSetStart());
        await notifier.FlushAsync();

        Assert.Equal(1, driver.Statistics.Confirmed);
        var message = await BrokerQueues.TakeAsync(broker, topic + ".info");
        Assert.Equal(exchange, message.Exchange);
        Assert.Equal(topic + ".info", message.RoutingKey);
        Assert.Equal("application/json", message.BasicProperties.ContentType);
        Assert.Equal("utf-8", message.BasicProperties.ContentEncoding);
        Assert.Equal(DeliveryModes.Persistent, message.BasicProperties.DeliveryMode);
        Assert.True(message.BasicProperties.Headers is null or { Count: 0 }, "no header: RabbitMQ.Client's confirm tracking would add x-dotnet-pub-seq-no");
        using var body = JsonDocument.Parse(message.Body);
        Assert.Equal("2.0", body.RootElement.GetProperty("oslo.version").GetString());
        var decoded = Assert.IsType<DecodedNotification>(Emitters.Reader.Read(message.Body.ToArray()));
        Assert.Equal(MessageFormat.MessagingV2, decoded.Format);
        Assert.Equal("ironic-conductor.test-host", decoded.Notification.Header.PublisherId);
        Assert.Matches("^[0-9a-f]{32}$", decoded.Notification.Header.UniqueId);
    }

    [Fact]
    public async Task Every_topic_gets_its_copy_under_its_priority()
    {
        var exchange = Names.Unique("vn-ex");
        var first = Names.Unique("a");
        var second = Names.Unique("b");
        await using var driver = new RabbitMQNotificationDriver(Emitters.DriverOptions(broker, exchange));
        using var notifier = new Notifier(Emitters.NotifierOptions(first, second), [driver]);

        await notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Error, Emitters.PowerSetStart());
        await notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Start, Emitters.PowerSetStart());
        await notifier.FlushAsync();

        foreach (var queue in new[] { first + ".error", second + ".error", first + ".info", second + ".info" })
        {
            Assert.Equal(1u, await BrokerQueues.CountAsync(broker, queue));
        }

        var copies = new[] { await BrokerQueues.TakeAsync(broker, first + ".error"), await BrokerQueues.TakeAsync(broker, second + ".error") }
            .Select(m => Assert.IsType<DecodedNotification>(Emitters.Reader.Read(m.Body.ToArray())).Notification.Header)
            .ToArray();
        Assert.Equal(copies[0].MessageId, copies[1].MessageId);
        Assert.NotEqual(copies[0].UniqueId, copies[1].UniqueId);
    }

    [Fact]
    public async Task The_messaging_driver_sends_the_bare_v1_envelope()
    {
        var exchange = Names.Unique("vn-ex");
        var topic = Names.Unique("t");
        var options = Emitters.DriverOptions(broker, exchange);
        options.Format = MessageFormat.MessagingV1;
        await using var driver = new RabbitMQNotificationDriver(options);
        using var notifier = new Notifier(Emitters.NotifierOptions(topic), [driver]);

        await notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Start, Emitters.PowerSetStart());
        await notifier.FlushAsync();

        var message = await BrokerQueues.TakeAsync(broker, topic + ".info");
        Assert.Equal("messaging", driver.Name);
        Assert.Equal(MessageFormat.MessagingV1, Assert.IsType<DecodedNotification>(Emitters.Reader.Read(message.Body.ToArray())).Format);
    }

    [Fact]
    public async Task While_the_broker_cannot_be_reached_the_buffer_fills_and_then_pushes_back()
    {
        var options = Emitters.DriverOptions(broker, "openstack");
        options.TransportUrl = $"rabbit://guest:guest@127.0.0.1:{ClosedPort()}/";
        options.BufferCapacity = 3;
        options.BufferFullTimeout = TimeSpan.FromMilliseconds(200);
        options.ShutdownTimeout = TimeSpan.Zero;
        await using var driver = new RabbitMQNotificationDriver(options);
        var outgoing = OutgoingNotification.Create(Notification.Create(IronicEvents.Baremetal.Node.PowerSet.Start, Emitters.PowerSetStart(), "p.h"), ["t"]);

        for (var i = 0; i < 3; i++)
        {
            await driver.SendAsync(outgoing, CancellationToken.None);
        }

        var error = await Assert.ThrowsAsync<TimeoutException>(() => driver.SendAsync(outgoing, CancellationToken.None).AsTask());
        Assert.Contains("The buffer of 3 messages stayed full", error.Message);
        Assert.DoesNotContain("guest:guest", error.Message);
        Assert.Equal(3, driver.Statistics.Outstanding);

        using var notifier = new Notifier(Emitters.NotifierOptions("t"), [driver]);
        await notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Start, Emitters.PowerSetStart());
        Assert.Equal(1, notifier.Statistics.Failed);
    }

    [Fact]
    public async Task A_run_with_the_broker_away_logs_a_bounded_summary_not_a_line_per_message()
    {
        var logs = new RecordingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Information));
        var options = Emitters.DriverOptions(broker, "openstack");
        options.TransportUrl = $"rabbit://guest:guest@127.0.0.1:{ClosedPort()}/";
        options.BufferCapacity = 50;
        options.BufferFullTimeout = TimeSpan.FromMilliseconds(1);
        options.ShutdownTimeout = TimeSpan.Zero;
        var driver = new RabbitMQNotificationDriver(options, factory.CreateLogger<RabbitMQNotificationDriver>());

        // oslo's default retry (forever) on the notifier too: the driver's buffer is the one owner of retries, so a
        // full buffer fails the notification at once instead of retrying it forever.
        var notifierOptions = Emitters.NotifierOptions("t");
        notifierOptions.Retry = NotificationRetryPolicy.Forever;
        using var notifier = new Notifier(notifierOptions, [driver], factory.CreateLogger<Notifier>());

        // A limit that only catches a hang: before one retry owner, the notifier retried a full buffer forever.
        await Task.Run(async () =>
        {
            for (var i = 0; i < 1000; i++)
            {
                await notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Start, Emitters.PowerSetStart());
            }
        }).WaitAsync(TimeSpan.FromMinutes(2));

        await driver.DisposeAsync();

        Assert.Equal(950, notifier.Statistics.Failed);
        Assert.Equal(0, notifier.Statistics.Retried);
        Assert.Equal(50, driver.Statistics.Dropped);
        var lines = logs.Entries.Select(e => e.Message).ToArray();
        Assert.True(lines.Length <= 15, $"{lines.Length} lines:\n" + string.Join("\n", lines));
        Assert.DoesNotContain(lines, l => l.Contains("after 0 failed attempt", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("50 message(s) were not confirmed", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("more failure(s) left out of the log", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Messages_buffered_before_the_broker_answers_are_all_delivered()
    {
        var exchange = Names.Unique("vn-ex");
        var topic = Names.Unique("t");
        await using var driver = new RabbitMQNotificationDriver(Emitters.DriverOptions(broker, exchange));
        using var notifier = new Notifier(Emitters.NotifierOptions(topic), [driver]);

        await Task.WhenAll(Enumerable.Range(0, 500).Select(_ => notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Start, Emitters.PowerSetStart()).AsTask()));
        await notifier.FlushAsync();

        Assert.Equal(500, driver.Statistics.Confirmed);
        Assert.Equal(0, driver.Statistics.Outstanding);
        Assert.Equal(500u, await BrokerQueues.CountAsync(broker, topic + ".info"));
    }

    private static int ClosedPort()
    {
        using var socket = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        socket.Start();
        return ((System.Net.IPEndPoint)socket.LocalEndpoint).Port;
    }
}
