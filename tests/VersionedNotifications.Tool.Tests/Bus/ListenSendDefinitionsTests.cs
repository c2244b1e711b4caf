using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VersionedNotifications.Tool.Tests.Definitions;
using VersionedNotifications.Tool.Tests.Infrastructure;

namespace VersionedNotifications.Tool.Tests.Bus;

/// <summary>
/// vnotify listen and send on a real broker with the user's definitions (-d), over RabbitMQ (rabbit://) and over
/// AMQP 1.0 (amqp://, the same broker's AMQP 1.0 plugin).
/// </summary>
[Collection(ToolBrokerCollection.Name)]
public sealed partial class ListenSendDefinitionsTests(ToolBroker broker)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Listen_decodes_what_the_producer_sample_emits_with_its_definitions()
    {
        var exchange = Unique("shipping");
        var topic = Unique("shipping_notifications");
        await using var listen = PeerProcess.Vnotify("listen", "-d", RepositoryLayout.ProducerSampleDefinitions, "--url", broker.RabbitUrl, "--exchange", exchange, "--topic", topic, "--count", "2", "--timeout", "150");
        await listen.WaitForLineAsync(l => l.StartsWith("vnotify: listening on rabbit://", StringComparison.Ordinal), Patience, onStandardError: true);

        await using var producer = PeerProcess.Sample(
            "Producer", $"Notifications:TransportUrl={broker.RabbitUrl}", $"Notifications:ControlExchange={exchange}", $"Notifications:Topics={topic}", "count=2");
        Assert.True(await producer.WaitForExitAsync(Patience) == 0, producer.ToString());
        Assert.True(await listen.WaitForExitAsync(Patience) == 0, listen.ToString());

        Assert.Equal(2, listen.Lines.Count);
        Assert.All(listen.Lines, line => Assert.Matches(ShipmentLine(), line));
    }

    [Fact]
    public async Task Send_and_listen_round_trip_the_packaged_consumers_message_over_amqp()
    {
        var exchange = Unique("shop");
        var topic = Unique("shop_notifications");
        using var folder = new TemporaryFolder("amqp-consumer");
        var message = folder.Write("order.json", BrokenDefinitionsTests.OrderMessage);
        await using var listen = PeerProcess.Vnotify("listen", "-d", RepositoryLayout.PackageConsumerDefinitions, "--url", broker.AmqpUrl, "--exchange", exchange, "--topic", topic, "--count", "1", "--json", "--timeout", "150");
        await listen.WaitForLineAsync(l => l.StartsWith("vnotify: listening on amqp://", StringComparison.Ordinal), Patience, onStandardError: true);

        var send = Vnotify.Run("send", "-d", RepositoryLayout.PackageConsumerDefinitions, "--url", broker.AmqpUrl, "--exchange", exchange, "--topic", topic, message);

        Assert.True(send.ExitCode == 0, send.ToString());
        Assert.Equal($"SENT shop.order.place.end INFO -> {exchange}/{topic}.info\n", send.StandardOutput);
        Assert.True(await listen.WaitForExitAsync(Patience) == 0, listen.ToString());
        var received = JsonNode.Parse(Assert.Single(listen.Lines))!;
        var sent = JsonNode.Parse(BrokenDefinitionsTests.OrderMessage)!;
        Assert.True(JsonNode.DeepEquals(sent["payload"], received["payload"]), received.ToJsonString());
        Assert.Equal(sent["message_id"]!.GetValue<string>(), received["message_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Send_and_listen_round_trip_an_ironic_message_over_amqp_with_the_built_in_contracts()
    {
        var exchange = Unique("ironic");
        var topic = Unique("ironic_versioned_notifications");
        await using var listen = PeerProcess.Vnotify("listen", "--url", broker.AmqpUrl, "--exchange", exchange, "--topic", topic, "--priority", "info", "--count", "1", "--timeout", "150");
        await listen.WaitForLineAsync(l => l.StartsWith("vnotify: listening on amqp://", StringComparison.Ordinal), Patience, onStandardError: true);

        var send = Vnotify.Run("send", "--url", broker.AmqpUrl, "--exchange", exchange, "--topic", topic, Path.Combine(RepositoryLayout.Fixtures, "ironic", "baremetal.node.power_set.start.json"));

        Assert.True(send.ExitCode == 0, send.ToString());
        Assert.True(await listen.WaitForExitAsync(Patience) == 0, listen.ToString());
        Assert.Equal(
            "baremetal.node.power_set.start INFO ironic-conductor.hostname01 NodeSetPowerStatePayload 1.16 uuid=1be26c0b-03f2-4d2e-ae87-c02d7f33c123 power_state=power off to_power=power on provision_state=available",
            Assert.Single(listen.Lines));
        Assert.Contains($"unicast.{exchange}.{topic}.info", listen.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_with_the_samples_definitions_reaches_a_rabbit_listener_with_them()
    {
        var exchange = Unique("shipping");
        var topic = Unique("t");
        using var folder = new TemporaryFolder("rabbit-sample");
        var message = folder.Write("end.json", """{"message_id":"2b0c3e4d-5f60-4718-8293-a4b5c6d7e8f9","publisher_id":"shipping-api.host-1","event_type":"shipment.dispatch.end","priority":"INFO","payload":{"shipping_object.name":"ShipmentPayload","shipping_object.namespace":"shipping","shipping_object.version":"1.0","shipping_object.data":{"uuid":"0d3b3f1e-6a47-4c1b-9a51-3c2f8a7e5b10","order_id":"order-0042","carrier":"post","weight_kg":null,"tracking_url":"***"}},"timestamp":"2026-12-07 09:30:15.250000"}""");
        await using var listen = PeerProcess.Vnotify("listen", "-d", RepositoryLayout.ProducerSampleDefinitions, "--url", broker.RabbitUrl, "--exchange", exchange, "--topic", topic, "--count", "1", "--timeout", "150");
        await listen.WaitForLineAsync(l => l.StartsWith("vnotify: listening on rabbit://", StringComparison.Ordinal), Patience, onStandardError: true);

        var send = Vnotify.Run("send", "-d", RepositoryLayout.ProducerSampleDefinitions, "--url", broker.RabbitUrl, "--exchange", exchange, "--topic", topic, message);

        Assert.True(send.ExitCode == 0, send.ToString());
        Assert.True(await listen.WaitForExitAsync(Patience) == 0, listen.ToString());
        Assert.Equal("shipment.dispatch.end INFO shipping-api.host-1 ShipmentPayload 1.0 uuid=0d3b3f1e-6a47-4c1b-9a51-3c2f8a7e5b10", Assert.Single(listen.Lines));
    }

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    [GeneratedRegex(@"^shipment\.dispatch\.end INFO shipping-api\.\S+ ShipmentPayload 1\.1 uuid=[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex ShipmentLine();
}
