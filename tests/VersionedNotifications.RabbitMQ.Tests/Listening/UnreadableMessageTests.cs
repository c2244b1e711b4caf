using System.Collections.Concurrent;
using System.Text;
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

    [Fact]
    public async Task With_dead_lettering_each_is_kept_unchanged_with_its_reason_and_without_a_client_header()
    {
        var poison = PoisonSet.Each();
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
        await Eventually.TrueAsync(() => listener.Statistics.HandledByFallback == 2, TimeSpan.FromMinutes(2), () => listener.Statistics.ToString());

        Assert.Equal(2, fallback.Count);
        Assert.Equal(0, listener.Statistics.Skipped);
        Assert.Equal(1, listener.Statistics.UnreadableBy(UnreadableReason.NotAnEnvelope));
    }

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
