using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using VersionedNotifications.RabbitMQ.Tests.Infrastructure;

namespace VersionedNotifications.RabbitMQ.Tests.Samples;

/// <summary>
/// The samples of samples/ run against the real broker with the real oslo.messaging on the other side:
/// ironic's notifications sent by oslo's Notifier reach IronicConsumer's typed handlers; what Producer
/// emits reaches oslo's notification listener with its secrets masked.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class SampleTests(Broker broker)
{
    [Fact]
    public async Task IronicConsumer_prints_what_oslo_sends_as_ironic_does()
    {
        var exchange = Names.Unique("ironic");
        var topic = Names.Unique("ironic_versioned_notifications");
        await using var consumer = PeerProcess.Sample(
            "IronicConsumer",
            $"Notifications:TransportUrl={broker.Url}",
            $"Notifications:ControlExchange={exchange}",
            $"Notifications:Listener:Topics={topic}",
            $"Notifications:Listener:Pool={Names.Unique("sample")}",
            "count=4");
        await consumer.WaitForLineAsync(l => l.Contains($"exchange '{exchange}'", StringComparison.Ordinal), TimeSpan.FromMinutes(1));

        await using (var oslo = PeerProcess.Python("oslo_notify.py", "--url", broker.Url, "--exchange", exchange, "--topic", topic))
        {
            await oslo.WriteLinesAsync(
                new[] { "baremetal.node.power_set.start.json", "baremetal.node.power_set.end.json", "baremetal.node.provision_set.end.json", "baremetal.node.create.end.json" }
                    .Select(file => OsloRequest("ironic", file)));
            Assert.Equal(0, await oslo.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        }

        Assert.True(await consumer.WaitForExitAsync(TimeSpan.FromMinutes(1)) == 0, consumer.ToString());
        var printed = consumer.Lines.Where(l => l.StartsWith("baremetal.", StringComparison.Ordinal)).ToArray();
        Assert.Equal(
            [
                "baremetal.node.power_set.start from ironic-conductor.hostname01: node 1be26c0b-03f2-4d2e-ae87-c02d7f33c123: power power off -> power on requested",
                "baremetal.node.power_set.end from ironic-conductor.hostname01: node 1be26c0b-03f2-4d2e-ae87-c02d7f33c123: power is power on",
                "baremetal.node.provision_set.end from ironic-conductor.hostname01: node 1be26c0b-03f2-4d2e-ae87-c02d7f33c123: provision deploying -> active on 'done'",
                "baremetal.node.create.end: not followed here",
            ],
            printed);
    }

    [Fact]
    public async Task Producer_emits_its_own_notifications_to_oslo_s_listener_with_secrets_masked()
    {
        var exchange = Names.Unique("shipping");
        var topic = Names.Unique("shipping_notifications");
        await using var oslo = PeerProcess.Python("oslo_listen.py", "--url", broker.Url, "--exchange", exchange, "--topic", topic, "--count", "2", "--timeout", "60");
        await oslo.WaitForLineAsync(l => l == "READY", TimeSpan.FromMinutes(1));

        await using (var producer = PeerProcess.Sample(
            "Producer",
            $"Notifications:TransportUrl={broker.Url}",
            $"Notifications:ControlExchange={exchange}",
            $"Notifications:Topics={topic}",
            "count=2"))
        {
            Assert.True(await producer.WaitForExitAsync(TimeSpan.FromMinutes(1)) == 0, producer.ToString());
            Assert.Contains("2 shipment(s) dispatched", producer.Lines);
        }

        Assert.True(await oslo.WaitForExitAsync(TimeSpan.FromMinutes(1)) == 0, oslo.ToString());
        var received = oslo.Lines.Where(l => l.StartsWith('{')).Select(l => JsonNode.Parse(l)!).ToArray();
        Assert.Equal(2, received.Length);
        foreach (var notification in received)
        {
            // shipment.*.start is disabled by the sample's configuration: only the end of each dispatch is sent.
            Assert.Equal("info", notification["priority"]!.GetValue<string>());
            Assert.Equal("shipment.dispatch.end", notification["event_type"]!.GetValue<string>());
            Assert.StartsWith("shipping-api.", notification["publisher_id"]!.GetValue<string>(), StringComparison.Ordinal);
            var payload = notification["payload"]!;
            Assert.Equal("ShipmentPayload", payload["shipping_object.name"]!.GetValue<string>());
            Assert.Equal("1.1", payload["shipping_object.version"]!.GetValue<string>());
            Assert.Equal("******", payload["shipping_object.data"]!["tracking_url"]!.GetValue<string>());
        }

        Assert.Equal(["order-0001", "order-0002"], received.Select(n => n["payload"]!["shipping_object.data"]!["order_id"]!.GetValue<string>()).Order());
    }

    [Theory]
    [InlineData("Producer")]
    [InlineData("IronicConsumer")]
    public async Task A_wrong_setting_is_one_line_and_exit_code_2(string sample)
    {
        await using var process = PeerProcess.Sample(sample, $"Notifications:TransportUrl={broker.Url}", "Notifications:Drivers=rabit");

        Assert.True(await process.WaitForExitAsync(TimeSpan.FromMinutes(2)) == 2, process.ToString());
        var lines = process.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines, l => l.StartsWith("configuration: ", StringComparison.Ordinal) && l.Contains("rabit", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Producer")]
    [InlineData("IronicConsumer")]
    public async Task A_missing_broker_is_one_line_and_exit_code_1_after_the_bounded_wait(string sample)
    {
        var port = UnusedPort();
        await using var process = PeerProcess.Sample(sample, $"Notifications:TransportUrl=rabbit://guest:guest@127.0.0.1:{port}/", "BrokerWait=2");

        // The wait is 2 s; the limit only catches a sample that never ends.
        Assert.True(await process.WaitForExitAsync(TimeSpan.FromMinutes(2)) == 1, process.ToString());
        var lines = process.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith($"broker: Cannot connect to rabbit://guest:***@127.0.0.1:{port}/: ", line, StringComparison.Ordinal);
        Assert.EndsWith("(tried for 2 s)", line.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain(process.Lines, l => l.StartsWith("dispatched", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_Producer_with_only_the_log_driver_waits_for_no_broker()
    {
        await using var process = PeerProcess.Sample("Producer", $"Notifications:TransportUrl=rabbit://guest:guest@127.0.0.1:{UnusedPort()}/", "Notifications:Drivers=log", "BrokerWait=600", "count=1");

        // A wait for the broker would last 600 s; the limit only catches a sample that never ends.
        Assert.True(await process.WaitForExitAsync(TimeSpan.FromMinutes(2)) == 0, process.ToString());
        Assert.Contains("1 shipment(s) dispatched", process.Lines);
    }

    /// <summary>A port nobody listens on: taken from the system, then given back.</summary>
    private static int UnusedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private static string OsloRequest(string service, string file)
    {
        var fixture = JsonNode.Parse(Repository.ReadFixture(service, file))!;
        return new JsonObject
        {
            ["event_type"] = fixture["event_type"]!.GetValue<string>(),
            ["priority"] = fixture["priority"]!.GetValue<string>(),
            ["publisher_id"] = fixture["publisher_id"]!.GetValue<string>(),
            ["payload"] = fixture["payload"]!.DeepClone(),
        }.ToJsonString();
    }
}
