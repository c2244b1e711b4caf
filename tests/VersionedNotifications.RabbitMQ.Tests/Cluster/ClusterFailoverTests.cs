using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using VersionedNotifications.RabbitMQ.Tests.Infrastructure;
using Xunit.Abstractions;
using IronicEvents = VersionedNotifications.OpenStack.Ironic.EventTypes;

namespace VersionedNotifications.RabbitMQ.Tests.Cluster;

/// <summary>
/// A node of the three-node cluster stops while notifications go through quorum queues, and starts again: the
/// driver, or the listener, whose node it is moves to another node by the failover strategy, and every message
/// the driver had confirmed is consumed; duplicates (the price of publishing again what a lost channel did not
/// confirm, and of delivering again what a lost consumer had not acknowledged) are counted and printed with the
/// time without a connection. The suite sends 10,000 each; <c>VN_FAILOVER_COUNT</c> sets another count.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterFailoverTests(RabbitMQCluster cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(3);

    private static int Count => int.TryParse(Environment.GetEnvironmentVariable("VN_FAILOVER_COUNT"), out var count) && count >= 30 ? count : 10_000;

    [Fact]
    public async Task When_the_driver_s_node_stops_it_publishes_on_through_another_and_no_confirmed_message_is_lost()
    {
        var exchange = Names.Unique("vn-failover");
        var topic = Names.Unique("t");
        var log = new TimedLog();
        using var logging = LoggerFactory.Create(b => b.AddProvider(log).SetMinimumLevel(LogLevel.Debug));
        var options = new RabbitMQDriverOptions
        {
            TransportUrl = cluster.Url,
            ControlExchange = exchange,
            Broker = { QuorumQueue = true },
            BufferCapacity = 2_000,
            ShutdownTimeout = HangLimit,
            RecoveryInterval = TimeSpan.FromMilliseconds(500),
        };
        await using var driver = new RabbitMQNotificationDriver(options, logging.CreateLogger<RabbitMQNotificationDriver>());
        using var notifier = new Notifier(Emitters.NotifierOptions(topic), [driver]);
        var sent = new ConcurrentQueue<string>();
        var emitting = Task.Run(() => EmitAsync(notifier, sent, log));

        // A tenth confirmed, the driver's node stops (a graceful stop, closing its connections) with most still to come.
        await Eventually.TrueAsync(() => driver.Statistics.Confirmed >= Count / 10, HangLimit, () => $"driver {driver.Statistics}; log:\n{log.Tail()}");
        var node = cluster.NodeOf(log.ConnectedPort()!.Value);
        await cluster.StopNodeAsync(node);
        try
        {
            await Eventually.TrueAsync(() => log.Outages().Count == 1, HangLimit, () => $"no reconnection after node {node} stopped: driver {driver.Statistics}; log:\n{log.Tail()}");
            var movedTo = cluster.NodeOf(log.ConnectedPort()!.Value);
            Assert.NotEqual(node, movedTo);
        }
        finally
        {
            await cluster.StartNodeAsync(node);
        }

        await emitting.WaitAsync(HangLimit);
        using (var flush = new CancellationTokenSource(HangLimit))
        {
            await notifier.FlushAsync(flush.Token);
        }

        Assert.Equal(Count, sent.Distinct().Count());
        Assert.Equal(Count, driver.Statistics.Confirmed);
        Assert.Equal(0, driver.Statistics.Dropped);

        // Every confirmed message is in the quorum queue; a listener takes them all.
        var seen = new ConcurrentDictionary<string, int>();
        await using var listener = CountingListener(cluster.Url, exchange, topic, seen);
        await listener.StartAsync();
        await Eventually.TrueAsync(() => seen.Count == Count, HangLimit, () => $"{seen.Count} of {Count} consumed; listener {listener.Statistics}; driver {driver.Statistics}");
        Assert.DoesNotContain(sent, id => !seen.ContainsKey(id));
        await Eventually.TrueAsync(() => listener.Statistics.Handled == seen.Values.Sum(), HangLimit, () => $"listener {listener.Statistics}");

        var duplicates = seen.Values.Sum() - Count;
        output.WriteLine(
            $"driver failover: {Count} notifications, node {node} stopped after {Count / 10} confirmed; without a connection {Seconds(log.Outages())}; "
            + $"published again {driver.Statistics.Republished} ({log.RepublishReasons()}); consumed {seen.Values.Sum()}, {duplicates} duplicates");
    }

    [Fact]
    public async Task When_the_listener_s_node_stops_it_consumes_on_through_another_and_no_message_is_lost()
    {
        var exchange = Names.Unique("vn-failover");
        var topic = Names.Unique("t");
        var log = new TimedLog();
        using var logging = LoggerFactory.Create(b => b.AddProvider(log).SetMinimumLevel(LogLevel.Debug));
        var seen = new ConcurrentDictionary<string, int>();
        await using var listener = CountingListener(cluster.Url, exchange, topic, seen, logging.CreateLogger<RabbitMQNotificationListener>());
        await listener.StartAsync();
        var node = cluster.NodeOf(log.ConnectedPort()!.Value);

        // The driver publishes through the other two nodes, so only the listener fails over.
        var options = new RabbitMQDriverOptions
        {
            TransportUrl = cluster.UrlWithout(node),
            ControlExchange = exchange,
            Broker = { QuorumQueue = true },
            ShutdownTimeout = HangLimit,
        };
        await using var driver = new RabbitMQNotificationDriver(options);
        using var notifier = new Notifier(Emitters.NotifierOptions(topic), [driver]);
        var sent = new ConcurrentQueue<string>();
        var emitting = Task.Run(() => EmitAsync(notifier, sent, log));

        await Eventually.TrueAsync(() => listener.Statistics.Handled >= Count / 10, HangLimit, () => $"listener {listener.Statistics}; driver {driver.Statistics}; log:\n{log.Tail()}");
        await cluster.StopNodeAsync(node);
        try
        {
            await Eventually.TrueAsync(() => log.Outages().Count == 1, HangLimit, () => $"no reconnection after node {node} stopped: listener {listener.Statistics}; log:\n{log.Tail()}");
            Assert.NotEqual(node, cluster.NodeOf(log.ConnectedPort()!.Value));
        }
        finally
        {
            await cluster.StartNodeAsync(node);
        }

        await emitting.WaitAsync(HangLimit);
        using (var flush = new CancellationTokenSource(HangLimit))
        {
            await notifier.FlushAsync(flush.Token);
        }

        Assert.Equal(Count, driver.Statistics.Confirmed);
        await Eventually.TrueAsync(() => seen.Count == Count, HangLimit, () => $"{seen.Count} of {Count} consumed; listener {listener.Statistics}; driver {driver.Statistics}; log:\n{log.Tail()}");
        Assert.DoesNotContain(sent, id => !seen.ContainsKey(id));

        var duplicates = seen.Values.Sum() - Count;
        output.WriteLine(
            $"listener failover: {Count} notifications, node {node} stopped after {Count / 10} handled; without a connection {Seconds(log.Outages())}; "
            + $"received {listener.Statistics.Received}, handled {seen.Values.Sum()}, {duplicates} duplicates");
    }

    /// <summary>
    /// Emits <see cref="Count"/> notifications without pause, except that the second half waits until the connection
    /// <paramref name="log"/> records is lost: however long the node takes to stop, half are published during the failover.
    /// </summary>
    private static async Task EmitAsync(Notifier notifier, ConcurrentQueue<string> sent, TimedLog log)
    {
        var payload = Emitters.PowerSetStart();
        for (var i = 0; i < Count; i++)
        {
            if (i == Count / 2)
            {
                await Eventually.TrueAsync(() => log.Entries.Any(e => e.Message.StartsWith("Lost the connection to", StringComparison.Ordinal)), HangLimit, () => "the connection was not lost");
            }

            var notification = Notification.Create(IronicEvents.Baremetal.Node.PowerSet.Start, payload, "ironic-conductor.test-host");
            sent.Enqueue(notification.Header.MessageId);
            await notifier.EmitAsync(notification);
        }
    }

    /// <summary>A listener on oslo's quorum queue of <paramref name="topic"/>'s info priority that counts each message id it handles.</summary>
    private static RabbitMQNotificationListener CountingListener(string url, string exchange, string topic, ConcurrentDictionary<string, int> seen, ILogger<RabbitMQNotificationListener>? logger = null)
    {
        var dispatcher = new NotificationDispatcher(Emitters.Reader).On(IronicEvents.Baremetal.Node.PowerSet.Start, (n, _) =>
        {
            seen.AddOrUpdate(n.Header.MessageId, 1, (_, c) => c + 1);
            return ValueTask.CompletedTask;
        });
        var options = new RabbitMQNotificationListenerOptions
        {
            TransportUrl = url,
            ControlExchange = exchange,
            Topics = [topic],
            Priorities = [NotificationPriority.Info],
            Broker = { QuorumQueue = true },
            Prefetch = 500,
            RecoveryInterval = TimeSpan.FromMilliseconds(500),
        };
        return new RabbitMQNotificationListener(options, Emitters.Reader, dispatcher, logger);
    }

    private static string Seconds(IEnumerable<TimeSpan> outages) =>
        string.Join(", ", outages.Select(o => o.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " s"));
}
