using System.Text.Json;
using System.Text.Json.Nodes;
using VersionedNotifications.RabbitMQ.Tests.Infrastructure;

namespace VersionedNotifications.RabbitMQ.Tests.Transport;

/// <summary>
/// The durability and arguments of the notification queues, for oslo's quorum and mirrored settings, compared with
/// what oslo.messaging 14.0.3's own code (Connection.durable, _get_queue_arguments) gives for the same settings.
/// </summary>
public sealed class RabbitMQQueueArgumentsTests
{
    private static readonly RabbitMQDriverOptions[] Settings =
    [
        new(),
        new() { DurableQueues = true },
        new() { Broker = { HaQueues = true } },
        new() { DurableQueues = true, Broker = { HaQueues = true } },
        new() { Broker = { QuorumQueue = true } },
        new() { Broker = { QuorumQueue = true, QuorumDeliveryLimit = 5 } },
        new() { Broker = { QuorumQueue = true, QuorumMaxMemoryLength = 1000 } },
        new() { Broker = { QuorumQueue = true, QuorumMaxMemoryBytes = 1_048_576 } },
        new() { DurableQueues = true, Broker = { QuorumQueue = true, QuorumDeliveryLimit = 3, QuorumMaxMemoryLength = 20, QuorumMaxMemoryBytes = int.MaxValue } },
        new() { Broker = { QuorumDeliveryLimit = 3, QuorumMaxMemoryLength = 20, QuorumMaxMemoryBytes = 4096 } },
    ];

    [Fact]
    public async Task Every_setting_declares_the_durability_and_arguments_oslo_declares()
    {
        await using var oslo = PeerProcess.Python("oslo_queue_arguments.py");
        await oslo.WriteLinesAsync(Settings.Select(OsloSettings));
        Assert.Equal(0, await oslo.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(Settings.Length, oslo.Lines.Count);

        for (var i = 0; i < Settings.Length; i++)
        {
            var theirs = JsonNode.Parse(oslo.Lines[i])!;
            var ours = new JsonObject
            {
                ["arguments"] = JsonSerializer.SerializeToNode(RabbitMQQueueArguments.For(Settings[i]) ?? new Dictionary<string, object?>()),
                ["durable"] = Settings[i].EffectiveDurable(),
            };
            Assert.True(JsonNode.DeepEquals(theirs, ours), $"settings {OsloSettings(Settings[i])}\noslo: {theirs}\nours: {ours}");
        }
    }

    [Fact]
    public void The_limits_are_sent_as_32_bit_integers_as_py_amqp_sends_oslo_s()
    {
        var arguments = RabbitMQQueueArguments.For(new RabbitMQDriverOptions { Broker = { QuorumQueue = true, QuorumDeliveryLimit = 3, QuorumMaxMemoryLength = 20, QuorumMaxMemoryBytes = 4096 } })!;
        Assert.All(new[] { "x-delivery-limit", "x-max-in-memory-length", "x-max-in-memory-bytes" }, name => Assert.IsType<int>(arguments[name]));
        Assert.Equal("quorum", arguments["x-queue-type"]);
    }

    [Fact]
    public async Task Quorum_with_mirrored_queues_is_refused_as_oslo_refuses_it()
    {
        var options = new RabbitMQDriverOptions { Broker = { QuorumQueue = true, HaQueues = true } };
        Assert.Contains(options.Validate(), e => e.StartsWith("QuorumQueue: cannot be combined with HaQueues", StringComparison.Ordinal));

        await using var oslo = PeerProcess.Python("oslo_queue_arguments.py");
        await oslo.WriteLinesAsync([OsloSettings(options)]);
        Assert.Equal(0, await oslo.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        Assert.Contains("quorum or HA (mirrored) not both", Assert.Single(oslo.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_limit_is_refused_with_its_name()
    {
        var errors = new RabbitMQDriverOptions { Broker = { QuorumQueue = true, QuorumDeliveryLimit = -1, QuorumMaxMemoryLength = -2, QuorumMaxMemoryBytes = -3 } }.Validate();
        Assert.Equal(
            ["QuorumDeliveryLimit: must be 0 (no limit) or more (got -1)", "QuorumMaxMemoryLength: must be 0 (no limit) or more (got -2)", "QuorumMaxMemoryBytes: must be 0 (no limit) or more (got -3)"],
            errors);
    }

    private static string OsloSettings(IRabbitMQConnectionOptions options) => new JsonObject
    {
        ["amqp_durable_queues"] = options.DurableQueues,
        ["rabbit_ha_queues"] = options.Broker.HaQueues,
        ["rabbit_quorum_queue"] = options.Broker.QuorumQueue,
        ["rabbit_quorum_delivery_limit"] = options.Broker.QuorumDeliveryLimit,
        ["rabbit_quroum_max_memory_length"] = options.Broker.QuorumMaxMemoryLength,
        ["rabbit_quroum_max_memory_bytes"] = options.Broker.QuorumMaxMemoryBytes,
    }.ToJsonString();
}
