using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using VersionedNotifications.RabbitMQ.Tests.Infrastructure;
using VersionedNotifications.RabbitMQ.Tests.Interop;
using GlanceEvents = VersionedNotifications.OpenStack.Glance.EventTypes;
using IronicEvents = VersionedNotifications.OpenStack.Ironic.EventTypes;

namespace VersionedNotifications.RabbitMQ.Tests.Cluster;

/// <summary>
/// Both ways with the real oslo.messaging 14.0.3 on the three-node cluster, both sides given its multi-host URL and
/// <c>rabbit_quorum_queue = true</c> with each quorum limit set: our listener declares the quorum queues first and
/// oslo's Notifier declares them again, then oslo's listener first and our driver again. RabbitMQ refuses a queue
/// declared again with other arguments, so each side's declaration being accepted shows the arguments are oslo's.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterInteropTests(RabbitMQCluster cluster)
{
    private const int DeliveryLimit = 5;
    private const int MaxMemoryLength = 1000;
    private const int MaxMemoryBytes = 1_048_576;

    private static readonly string[] OsloQuorumArguments =
        ["--quorum", "--delivery-limit", $"{DeliveryLimit}", "--max-memory-length", $"{MaxMemoryLength}", "--max-memory-bytes", $"{MaxMemoryBytes}"];

    [Fact]
    public async Task Oslo_s_notifier_with_quorum_queues_sends_to_our_listener_on_the_queues_it_declared()
    {
        var exchange = Names.Unique("ironic");
        var topic = Names.Unique("ironic_versioned_notifications");
        var received = new ConcurrentQueue<string>();
        var dispatcher = new NotificationDispatcher(Emitters.Reader).OnUnhandled((result, _) =>
        {
            received.Enqueue(result is DecodedNotification decoded ? decoded.Notification.EventType : result.ToString()!);
            return ValueTask.CompletedTask;
        });
        var options = new RabbitMQNotificationListenerOptions { TransportUrl = cluster.Url, ControlExchange = exchange, Topics = [topic] };
        WithQuorumLimits(options);
        await using var listener = new RabbitMQNotificationListener(options, Emitters.Reader, dispatcher);
        await listener.StartAsync();

        await using var oslo = PeerProcess.Python("oslo_notify.py", ["--url", cluster.Url, "--exchange", exchange, "--topic", topic, .. OsloQuorumArguments]);
        await oslo.WriteLinesAsync([OsloInteropTests.OsloRequest("ironic", "baremetal.node.power_set.start.json"), OsloInteropTests.OsloRequest("glance", "image.update.json")]);
        Assert.Equal(0, await oslo.WaitForExitAsync(TimeSpan.FromMinutes(2)));
        Assert.Contains("SENT 2", oslo.Lines);

        await Eventually.TrueAsync(() => received.Count == 2, TimeSpan.FromMinutes(1), () => $"{string.Join(", ", received)}; listener {listener.Statistics}; oslo {oslo}");
        Assert.Equal(["baremetal.node.power_set.start", "image.update"], received.Order(StringComparer.Ordinal));
        await AssertQuorumQueueAsync(topic + ".info");
    }

    [Fact]
    public async Task Our_driver_with_quorum_queues_sends_to_oslo_s_listener_on_the_queues_it_declared()
    {
        var exchange = Names.Unique("ironic");
        var topic = Names.Unique("ironic_versioned_notifications");
        await using var oslo = PeerProcess.Python("oslo_listen.py", ["--url", cluster.Url, "--exchange", exchange, "--topic", topic, "--count", "2", "--timeout", "120", .. OsloQuorumArguments]);
        await oslo.WaitForLineAsync(line => line == "READY", TimeSpan.FromMinutes(2));

        var options = new RabbitMQDriverOptions { TransportUrl = cluster.Url, ControlExchange = exchange, Retry = NotificationRetryPolicy.None };
        WithQuorumLimits(options);
        await using var driver = new RabbitMQNotificationDriver(options);
        using var notifier = new Notifier(Emitters.NotifierOptions(topic), [driver]);
        await notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Start, Emitters.PowerSetStart());
        await notifier.EmitAsync(GlanceEvents.Image.Update, Emitters.ImageUpdate());
        await notifier.FlushAsync();

        Assert.Equal(2, driver.Statistics.Confirmed);
        Assert.Equal(0, await oslo.WaitForExitAsync(TimeSpan.FromMinutes(2)));
        var seen = oslo.Lines.Where(l => l.StartsWith('{')).Select(l => JsonNode.Parse(l)!["event_type"]!.GetValue<string>());
        Assert.Equal(["baremetal.node.power_set.start", "image.update"], seen.Order(StringComparer.Ordinal));
        await AssertQuorumQueueAsync(topic + ".info");
    }

    private static void WithQuorumLimits(IRabbitMQConnectionOptions options)
    {
        options.Broker.QuorumQueue = true;
        options.Broker.QuorumDeliveryLimit = DeliveryLimit;
        options.Broker.QuorumMaxMemoryLength = MaxMemoryLength;
        options.Broker.QuorumMaxMemoryBytes = MaxMemoryBytes;
    }

    /// <summary>
    /// The queue is a quorum queue with oslo's limits: declared again with exactly those arguments it is accepted, declared
    /// as a classic queue it is refused (what tells a queue's type without the management plugin).
    /// </summary>
    private async Task AssertQuorumQueueAsync(string queue)
    {
        await using var connection = await cluster.ConnectAsync(1);
        await using (var channel = await connection.CreateChannelAsync())
        {
            var quorum = new Dictionary<string, object?>
            {
                ["x-queue-type"] = "quorum",
                ["x-delivery-limit"] = DeliveryLimit,
                ["x-max-in-memory-length"] = MaxMemoryLength,
                ["x-max-in-memory-bytes"] = MaxMemoryBytes,
            };
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: quorum);
        }

        await AssertRefusedAsync(connection, queue, new() { ["x-queue-type"] = "classic" });

        // The limits are compared too: a side declaring another one would be refused, so the declarations above agreed on them.
        await AssertRefusedAsync(connection, queue, new() { ["x-queue-type"] = "quorum", ["x-delivery-limit"] = DeliveryLimit + 1, ["x-max-in-memory-length"] = MaxMemoryLength, ["x-max-in-memory-bytes"] = MaxMemoryBytes });
    }

    private static async Task AssertRefusedAsync(IConnection connection, string queue, Dictionary<string, object?> arguments)
    {
        await using var channel = await connection.CreateChannelAsync();
        var refused = await Assert.ThrowsAsync<OperationInterruptedException>(() => channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: arguments));
        Assert.Equal((ushort)406, refused.ShutdownReason?.ReplyCode);
        Assert.Contains("inequivalent arg", refused.ShutdownReason?.ReplyText, StringComparison.Ordinal);
    }
}
