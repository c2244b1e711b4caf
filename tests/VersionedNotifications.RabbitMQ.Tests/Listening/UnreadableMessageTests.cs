using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VersionedNotifications.RabbitMQ.Tests.Infrastructure;
using IronicEvents = VersionedNotifications.OpenStack.Ironic.EventTypes;

namespace VersionedNotifications.RabbitMQ.Tests.Listening;

/// <summary>
/// A poison set on a real broker, each followed by a good message: nothing a typed handler cannot take disappears
/// without a trace. Each is logged with its reason and message id (control bytes escaped), counted by reason, and
/// acknowledged or dead-lettered; the good message after each is handled.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class UnreadableMessageTests(Broker broker)
{
    private readonly string _exchange = Names.Unique("vn-ex");
    private readonly string _topic = Names.Unique("topic");

    private static IReadOnlyList<(UnreadableReason Reason, byte[] Body)> Poison()
    {
        var wrongTypes = Fixture();
        wrongTypes["message_id"] = "poison-wrong-types";
        wrongTypes["payload"]!["ironic_object.data"]!["power_state"] = 5;
        var newerMajor = Fixture();
        newerMajor["message_id"] = "poison-newer-major";
        newerMajor["payload"]!["ironic_object.version"] = "2.0";
        var unknown = Fixture();
        unknown["message_id"] = "poison-unknown\u001b[2J";
        unknown["event_type"] = "compute.instance.create.end\u001b[31m";
        return
        [
            (UnreadableReason.NotJson, Encoding.UTF8.GetBytes("not json at all \u001b[31m\u0007")),
            (UnreadableReason.NotUtf8, [0x7b, 0xff, 0xfe, 0x7d]),
            (UnreadableReason.NotAnEnvelope, Encoding.UTF8.GetBytes("""{"hello": "world"}""")),
            (UnreadableReason.WrongValues, Encoding.UTF8.GetBytes(wrongTypes.ToJsonString())),
            (UnreadableReason.UnknownEventType, Encoding.UTF8.GetBytes(unknown.ToJsonString())),
            (UnreadableReason.UnsupportedPayload, Encoding.UTF8.GetBytes(newerMajor.ToJsonString())),
            (UnreadableReason.TooLarge, Encoding.UTF8.GetBytes("{\"x\": \"" + new string('a', 20 * 1024 * 1024) + "\"}")),
        ];
    }

    [Fact]
    public async Task Without_a_fallback_each_is_logged_counted_by_reason_and_acknowledged_and_the_good_ones_are_handled()
    {
        var poison = Poison();
        var (listener, handled, logs) = await StartAsync(_ => { });
        await using (listener)
        {
            await PublishWithGoodAfterEachAsync(poison);
            await Eventually.TrueAsync(() => listener.Statistics.Received == 2 * poison.Count, TimeSpan.FromMinutes(1), () => listener.Statistics.ToString());
            await listener.StopAsync();
        }

        Assert.Equal(poison.Count, handled.Count);
        Assert.Equal(poison.Count, listener.Statistics.Handled);
        Assert.Equal(poison.Count, listener.Statistics.Discarded);
        Assert.Equal(0, listener.Statistics.Skipped);
        var warnings = logs.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToArray();
        Assert.Equal(poison.Count, warnings.Length);
        foreach (var (reason, _) in poison)
        {
            Assert.Equal(1, listener.Statistics.UnreadableBy(reason));
            Assert.Single(warnings, w => w.Contains($": {reason}, message id", StringComparison.Ordinal));
        }

        Assert.Contains(warnings, w => w.Contains("message id poison-wrong-types", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("message id poison-newer-major", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("message id poison-unknown\\u001b[2J", StringComparison.Ordinal));
        Assert.All(logs.Entries, e => Assert.DoesNotContain(e.Message, c => char.IsControl(c)));
        Assert.Equal(0u, await BrokerQueues.CountAsync(broker, _topic + ".info"));
    }

    [Fact]
    public async Task With_dead_lettering_each_is_kept_unchanged_with_its_reason_and_without_a_client_header()
    {
        var poison = Poison();
        var (listener, handled, _) = await StartAsync(o => o.OnUnreadable = UnreadableMessageAction.DeadLetter);
        await using (listener)
        {
            await PublishWithGoodAfterEachAsync(poison);
            await Eventually.TrueAsync(() => listener.Statistics.Received == 2 * poison.Count, TimeSpan.FromMinutes(1), () => listener.Statistics.ToString());
            await listener.StopAsync();
        }

        Assert.Equal(poison.Count, handled.Count);
        Assert.Equal(poison.Count, listener.Statistics.DeadLettered);
        foreach (var (reason, body) in poison)
        {
            var dead = await BrokerQueues.TakeAsync(broker, _topic + ".dead");
            var headers = dead.BasicProperties.Headers!;
            Assert.StartsWith(reason + ": ", Encoding.UTF8.GetString((byte[])headers["x-vn-error"]!));
            Assert.False(headers.ContainsKey("x-dotnet-pub-seq-no"), "the client's confirm-tracking header");
            Assert.True(body.AsSpan().SequenceEqual(dead.Body.Span), $"{reason}: the dead letter is the message unchanged");
        }
    }

    [Fact]
    public async Task Messages_a_fallback_takes_are_counted_as_handled_by_it_not_skipped()
    {
        var fallback = new ConcurrentQueue<NotificationReadResult>();
        var dispatcher = new NotificationDispatcher(Emitters.Reader).OnUnhandled((result, _) =>
        {
            fallback.Enqueue(result);
            return ValueTask.CompletedTask;
        });
        await using var listener = new RabbitMQNotificationListener(Emitters.ListenerOptions(broker, _exchange, _topic), Emitters.Reader, dispatcher);
        await listener.StartAsync();

        await BrokerQueues.PublishRawAsync(broker, _exchange, _topic + ".info", Encoding.UTF8.GetBytes("""{"hello": "world"}"""));
        await BrokerQueues.PublishRawAsync(broker, _exchange, _topic + ".info", Repository.ReadFixture("ironic", "baremetal.node.power_set.start.json"));
        await Eventually.TrueAsync(() => listener.Statistics.HandledByFallback == 2, TimeSpan.FromSeconds(30), () => listener.Statistics.ToString());

        Assert.Equal(2, fallback.Count);
        Assert.Equal(0, listener.Statistics.Skipped);
        Assert.Equal(1, listener.Statistics.UnreadableBy(UnreadableReason.NotAnEnvelope));
    }

    private static JsonNode Fixture() => JsonNode.Parse(Repository.ReadFixture("ironic", "baremetal.node.power_set.start.json"))!;

    private async Task<(RabbitMQNotificationListener Listener, ConcurrentQueue<string> Handled, RecordingLoggerProvider Logs)> StartAsync(Action<RabbitMQNotificationListenerOptions> configure)
    {
        var handled = new ConcurrentQueue<string>();
        var dispatcher = new NotificationDispatcher(Emitters.Reader).On(IronicEvents.Baremetal.Node.PowerSet.Start, (n, _) =>
        {
            handled.Enqueue(n.Header.MessageId);
            return ValueTask.CompletedTask;
        });
        var options = Emitters.ListenerOptions(broker, _exchange, _topic);
        options.Priorities = [NotificationPriority.Info];
        configure(options);
        var logs = new RecordingLoggerProvider();
        var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var listener = new RabbitMQNotificationListener(options, Emitters.Reader, dispatcher, factory.CreateLogger<RabbitMQNotificationListener>());
        await listener.StartAsync();
        return (listener, handled, logs);
    }

    private async Task PublishWithGoodAfterEachAsync(IEnumerable<(UnreadableReason Reason, byte[] Body)> poison)
    {
        var good = Repository.ReadFixture("ironic", "baremetal.node.power_set.start.json");
        foreach (var (_, body) in poison)
        {
            await BrokerQueues.PublishRawAsync(broker, _exchange, _topic + ".info", body);
            await BrokerQueues.PublishRawAsync(broker, _exchange, _topic + ".info", good);
        }
    }
}
