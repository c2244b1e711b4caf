using System.Text.Json.Nodes;
using VersionedNotifications.RabbitMQ.Tests.Infrastructure;

namespace VersionedNotifications.RabbitMQ.Tests.Tool;

/// <summary>vnotify send and vnotify listen, run as a user runs them, against the real broker.</summary>
[Collection(BrokerCollection.Name)]
public sealed class ListenSendCommandTests(Broker broker)
{
    private static readonly string[] Files =
    [
        Repository.Fixture("ironic", "baremetal.node.power_set.start.json"),
        Repository.Fixture("ironic", "baremetal.node.create.error.json"),
        Repository.Fixture("glance", "image.upload.error-text.json"),
    ];

    [Fact]
    public async Task What_send_publishes_listen_prints_decoded()
    {
        var exchange = Names.Unique("ironic");
        var topic = Names.Unique("ironic_versioned_notifications");
        await using var listen = PeerProcess.Vnotify("listen", "--url", broker.Url, "--exchange", exchange, "--topic", topic, "--count", "3", "--timeout", "60");
        await listen.WaitForLineAsync(l => l.StartsWith("vnotify: listening on rabbit://guest:***@", StringComparison.Ordinal), TimeSpan.FromMinutes(1), onStandardError: true);

        await using var send = PeerProcess.Vnotify(["send", "--url", broker.Url, "--exchange", exchange, "--topic", topic, .. Files]);
        Assert.Equal(0, await send.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(0, await listen.WaitForExitAsync(TimeSpan.FromMinutes(1)));

        Assert.Equal(
            [
                $"SENT baremetal.node.power_set.start INFO -> {exchange}/{topic}.info",
                $"SENT baremetal.node.create.error ERROR -> {exchange}/{topic}.error",
                $"SENT image.upload ERROR -> {exchange}/{topic}.error",
            ],
            send.Lines);
        var lines = listen.Lines.Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(3, lines.Length);
        Assert.Equal("baremetal.node.create.error ERROR ironic-api.hostname02 NodeCRUDPayload 1.14 uuid=1be26c0b-03f2-4d2e-ae87-c02d7f33c123 provision_state=enroll", lines[0]);
        Assert.Equal("baremetal.node.power_set.start INFO ironic-conductor.hostname01 NodeSetPowerStatePayload 1.16 uuid=1be26c0b-03f2-4d2e-ae87-c02d7f33c123 power_state=power off to_power=power on provision_state=available", lines[1]);
        Assert.StartsWith("image.upload ERROR image.localhost text - \"Failed to upload image data", lines[2]);
    }

    [Fact]
    public async Task Listen_json_prints_each_message_as_the_contracts_write_it()
    {
        var exchange = Names.Unique("ironic");
        var topic = Names.Unique("t");
        await using var listen = PeerProcess.Vnotify("listen", "--url", broker.Url, "--exchange", exchange, "--topic", topic, "--priority", "info", "--count", "1", "--json", "--timeout", "60");
        await listen.WaitForLineAsync(l => l.StartsWith("vnotify: listening", StringComparison.Ordinal), TimeSpan.FromMinutes(1), onStandardError: true);

        await using var send = PeerProcess.Vnotify("send", "--url", broker.Url, "--exchange", exchange, "--topic", topic, Files[0]);
        Assert.Equal(0, await send.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(0, await listen.WaitForExitAsync(TimeSpan.FromMinutes(1)));

        var printed = JsonNode.Parse(Assert.Single(listen.Lines))!;
        var fixture = JsonNode.Parse(File.ReadAllBytes(Files[0]))!;
        Assert.True(JsonNode.DeepEquals(fixture["payload"], printed["payload"]));
        Assert.Equal(fixture["message_id"]!.GetValue<string>(), printed["message_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Send_fails_a_broken_file_and_sends_the_rest()
    {
        var exchange = Names.Unique("ironic");
        var topic = Names.Unique("t");
        var broken = Path.Combine(Path.GetTempPath(), Names.Unique("broken") + ".json");
        var fixture = JsonNode.Parse(File.ReadAllBytes(Files[0]))!;
        fixture["payload"]!["ironic_object.data"]!["power_state"] = 5;
        await File.WriteAllTextAsync(broken, fixture.ToJsonString());
        try
        {
            await using var send = PeerProcess.Vnotify("send", "--url", broker.Url, "--exchange", exchange, "--topic", topic, broken, Files[1]);

            Assert.Equal(1, await send.WaitForExitAsync(TimeSpan.FromMinutes(1)));
            Assert.Equal($"FAIL {broken}: $.payload['ironic_object.data'].power_state: expected a string, found the number 5", send.Lines[0]);
            Assert.StartsWith("SENT baremetal.node.create.error ERROR", send.Lines[1]);
            Assert.Equal(1u, await BrokerQueues.CountAsync(broker, topic + ".error"));
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public async Task Send_does_not_print_SENT_for_what_the_broker_refused()
    {
        // The exchange exists durable, as oslo with amqp_durable_queues = true declares it; send declares it non-durable.
        var exchange = Names.Unique("ironic");
        await using (var connection = await broker.ConnectAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.ExchangeDeclareAsync(exchange, global::RabbitMQ.Client.ExchangeType.Topic, durable: true, autoDelete: false);
        }

        await using var send = PeerProcess.Vnotify(["send", "--url", broker.Url, "--exchange", exchange, "--topic", Names.Unique("t"), .. Files]);

        Assert.Equal(1, await send.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(Files.Length, send.Lines.Count);
        Assert.All(send.Lines, line => Assert.StartsWith("NOT SENT ", line));
        Assert.Contains("amqp_durable_queues", send.Lines[0]);
    }

    [Fact]
    public async Task Send_over_amqp_does_not_print_SENT_when_the_broker_refuses_the_credentials_and_ends_at_once()
    {
        var refusedUrl = "amqp://guest:wrong@" + broker.Url[(broker.Url.IndexOf('@', StringComparison.Ordinal) + 1)..];

        await using var send = PeerProcess.Vnotify(["send", "--url", refusedUrl, "--exchange", Names.Unique("ironic"), "--topic", Names.Unique("t"), .. Files]);

        // Without the refusal the driver connected again for ever and send never ended.
        Assert.Equal(1, await send.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(Files.Length, send.Lines.Count);
        Assert.All(send.Lines, line => Assert.StartsWith("NOT SENT ", line));
        Assert.Contains("amqp:unauthorized-access", send.Lines[0]);
        Assert.Contains("TransportUrl", send.Lines[0]);
    }

    [Theory]
    [InlineData("listen")]
    [InlineData("send")]
    public async Task An_unreachable_broker_exits_1_naming_the_url_without_the_password(string command)
    {
        var arguments = command == "listen" ? new[] { "listen", "--url", "rabbit://nova:secret@127.0.0.1:1/", "--timeout", "20" } : new[] { "send", "--url", "rabbit://nova:secret@127.0.0.1:1/", "--timeout", "20", Files[0] };
        await using var run = PeerProcess.Vnotify(arguments);

        Assert.Equal(1, await run.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        Assert.Contains("rabbit://nova:***@127.0.0.1:1/", run.Error);
        Assert.DoesNotContain("secret", run.Error + string.Join('\n', run.Lines));
    }

    [Theory]
    [InlineData("listen", "ftp://h/", "vnotify: --url: the scheme 'ftp' is neither rabbit:// (RabbitMQ) nor amqp:// (AMQP 1.0)")]
    [InlineData("send", "rabbit://h:99999/", "vnotify: --url: host 1: the port '99999' of h is not a number from 1 to 65535")]
    public async Task A_bad_url_is_a_usage_error(string command, string url, string message)
    {
        string[] arguments = command == "send" ? [command, "--url", url, Files[0]] : [command, "--url", url];
        await using var run = PeerProcess.Vnotify(arguments);

        Assert.Equal(2, await run.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(message, run.Error.Trim());
    }
}
