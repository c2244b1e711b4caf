using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using VersionedNotifications.OpenStack;
using VersionedNotifications.OpenStack.Ironic;
using IronicEvents = VersionedNotifications.OpenStack.Ironic.EventTypes;

namespace VersionedNotifications.TestSupport;

/// <summary>
/// The behaviour every transport owes, written once and run against each broker package by a subclass in its
/// test project: a typed round trip with the request context, settlement after the handler, a failing handler's
/// message given back or rejected, the poison set (each followed by a good message) and the one statistics
/// vocabulary. A subclass says only how to start a listener, send through its driver, and put raw bytes where
/// the listener reads.
/// </summary>
public abstract class TransportBehaviourTests
{
    // Generous: these only catch a hang, the tests wait on conditions.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    private readonly string _exchange = Names.Unique("vn-behaviour");
    private readonly string _topic = Names.Unique("topic");

    protected static NotificationReader Reader { get; } = new(OpenStackJsonContext.Default);

    /// <summary>Starts a listener on <paramref name="exchange"/> for <paramref name="topic"/>'s info messages.</summary>
    protected abstract Task<ListenerUnderTest> StartListenerAsync(string exchange, string topic, NotificationDispatcher dispatcher, HandlerFailureSettlement onFailure, ILoggerFactory logging);

    /// <summary>Sends <paramref name="notification"/> to <paramref name="topic"/> through a driver of its own, waits for the broker's confirm, and gives the driver's statistics.</summary>
    protected abstract Task<NotificationDriverStatistics> SendAsync(string exchange, string topic, Notification notification);

    /// <summary>Puts <paramref name="body"/> unchanged where the listener of <paramref name="topic"/>'s info messages reads, as a broken publisher would.</summary>
    protected abstract Task SendRawAsync(string exchange, string topic, byte[] body);

    [Fact]
    public async Task A_typed_notification_and_its_request_context_reach_the_handler_and_the_message_is_settled_after_it()
    {
        var context = new Dictionary<string, JsonElement> { ["request_id"] = JsonSerializer.SerializeToElement("req-" + Guid.NewGuid()) };
        var sent = Notification.Create(NotificationHeader.New(IronicEvents.Baremetal.Node.PowerSet.Start.Name, NotificationPriority.Info, "ironic-conductor.test-host") with { Context = context }, PowerSetStart());
        var received = new ConcurrentQueue<Notification<NodeSetPowerStatePayload>>();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var dispatcher = new NotificationDispatcher(Reader).On(IronicEvents.Baremetal.Node.PowerSet.Start, async (n, _) =>
        {
            received.Enqueue(n);
            await release.Task;
        });
        using var logging = LoggerFactory.Create(_ => { });
        await using var listener = await StartListenerAsync(_exchange, _topic, dispatcher, HandlerFailureSettlement.GiveBack, logging);

        var driver = await SendAsync(_exchange, _topic, sent);
        await Eventually.TrueAsync(() => !received.IsEmpty, Patience, () => $"listener {listener.Statistics}");

        // Settled only once the handler is done.
        Assert.Equal(0, listener.Statistics.Handled);
        release.SetResult();
        await Eventually.TrueAsync(() => listener.Statistics.Handled == 1, Patience, () => $"listener {listener.Statistics}");
        var got = Assert.Single(received);
        Assert.Equal(sent.Header.MessageId, got.Header.MessageId);
        Assert.Equal(sent.Payload.Uuid, got.Payload.Uuid);
        Assert.Equal(sent.Payload.ToPower, got.Payload.ToPower);
        Assert.Equal(context["request_id"].GetString(), got.Header.Context["request_id"].GetString());
        Assert.Equal(1, driver.Confirmed);
        Assert.Equal(1, listener.Statistics.Received);
    }

    [Fact]
    public async Task A_failing_handler_gives_the_message_back_and_it_comes_again_until_it_is_handled()
    {
        var attempts = 0;
        var dispatcher = new NotificationDispatcher(Reader).On(IronicEvents.Baremetal.Node.PowerSet.Start, (_, _) =>
            Interlocked.Increment(ref attempts) < 3 ? throw new InvalidOperationException("not yet") : ValueTask.CompletedTask);
        using var logging = LoggerFactory.Create(_ => { });
        await using var listener = await StartListenerAsync(_exchange, _topic, dispatcher, HandlerFailureSettlement.GiveBack, logging);

        await SendAsync(_exchange, _topic, NewPowerSetStart());

        await Eventually.TrueAsync(() => listener.Statistics.Handled == 1, Patience, () => $"listener {listener.Statistics}");
        Assert.Equal(2, listener.Statistics.Requeued);
        Assert.Equal(3, listener.Statistics.Received);
    }

    [Fact]
    public async Task A_failing_handler_with_Reject_settles_the_message_rejected_and_it_does_not_come_again()
    {
        var handled = new ConcurrentQueue<string>();
        var dispatcher = new NotificationDispatcher(Reader).On(IronicEvents.Baremetal.Node.PowerSet.Start, (n, _) =>
        {
            if (n.Header.PublisherId == "poison")
            {
                throw new InvalidOperationException("cannot handle it");
            }

            handled.Enqueue(n.Header.MessageId);
            return ValueTask.CompletedTask;
        });
        using var logging = LoggerFactory.Create(_ => { });
        await using var listener = await StartListenerAsync(_exchange, _topic, dispatcher, HandlerFailureSettlement.Reject, logging);

        await SendAsync(_exchange, _topic, Notification.Create(IronicEvents.Baremetal.Node.PowerSet.Start, PowerSetStart(), "poison"));
        await SendAsync(_exchange, _topic, NewPowerSetStart());

        // The good one comes after the failing one on the same queue: once it is handled, the failing one would have come again.
        await Eventually.TrueAsync(() => listener.Statistics.Handled == 1 && listener.Statistics.Rejected == 1, Patience, () => $"listener {listener.Statistics}");
        await listener.StopAsync();
        Assert.Equal(2, listener.Statistics.Received);
        Assert.Single(handled);
    }

    [Fact]
    public async Task Each_message_of_the_poison_set_is_logged_counted_by_reason_and_accepted_and_the_good_one_after_it_is_handled()
    {
        var poison = PoisonSet.Each();
        var handled = new ConcurrentQueue<string>();
        var dispatcher = new NotificationDispatcher(Reader).On(IronicEvents.Baremetal.Node.PowerSet.Start, (n, _) =>
        {
            handled.Enqueue(n.Header.MessageId);
            return ValueTask.CompletedTask;
        });
        var logs = new RecordingLoggerProvider();
        using var logging = LoggerFactory.Create(b => b.AddProvider(logs));
        await using var listener = await StartListenerAsync(_exchange, _topic, dispatcher, HandlerFailureSettlement.GiveBack, logging);

        foreach (var (_, body) in poison)
        {
            await SendRawAsync(_exchange, _topic, body);
            await SendAsync(_exchange, _topic, NewPowerSetStart());
        }

        await Eventually.TrueAsync(() => listener.Statistics.Handled == poison.Count && listener.Statistics.Discarded == poison.Count, Patience, () => $"listener {listener.Statistics}");
        await listener.StopAsync();
        Assert.Equal(2 * poison.Count, listener.Statistics.Received);
        Assert.Equal(0, listener.Statistics.Skipped);
        Assert.Equal(poison.Count, handled.Distinct().Count());
        var warnings = logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Message.StartsWith("Cannot read a message from", StringComparison.Ordinal)).Select(e => e.Message).ToArray();
        foreach (var (reason, _) in poison)
        {
            Assert.Equal(1, listener.Statistics.UnreadableBy(reason));
            Assert.Single(warnings, w => w.Contains($": {reason}, message id", StringComparison.Ordinal));
        }

        Assert.Contains(warnings, w => w.Contains("message id poison-newer-major", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("message id poison-unknown\\u001b[2J", StringComparison.Ordinal));
        Assert.All(logs.Entries, e => Assert.DoesNotContain(e.Message, c => char.IsControl(c)));
    }

    [Fact]
    public async Task Driver_and_listener_count_in_the_one_statistics_vocabulary()
    {
        var dispatcher = new NotificationDispatcher(Reader).On(IronicEvents.Baremetal.Node.PowerSet.Start, (_, _) => ValueTask.CompletedTask);
        using var logging = LoggerFactory.Create(_ => { });
        await using var listener = await StartListenerAsync(_exchange, _topic, dispatcher, HandlerFailureSettlement.GiveBack, logging);

        var driver = await SendAsync(_exchange, _topic, NewPowerSetStart());

        Assert.Equal("published 1, confirmed 1, republished 0, dropped 0, outstanding 0", driver.ToString());
        await Eventually.TrueAsync(() => listener.Statistics.Handled == 1, Patience, () => $"listener {listener.Statistics}");
        Assert.StartsWith("received 1, handled 1, ", listener.Statistics.ToString(), StringComparison.Ordinal);
    }

    private static NodeSetPowerStatePayload PowerSetStart() =>
        Assert.IsType<Notification<NodeSetPowerStatePayload>>(Assert.IsType<DecodedNotification>(Reader.Read(Repository.ReadFixture("ironic", "baremetal.node.power_set.start.json"))).Notification).Payload;

    private static Notification<NodeSetPowerStatePayload> NewPowerSetStart() =>
        Notification.Create(IronicEvents.Baremetal.Node.PowerSet.Start, PowerSetStart(), "ironic-conductor.test-host");
}

/// <summary>What a failing handler's message becomes, in the words both transports share.</summary>
public enum HandlerFailureSettlement
{
    /// <summary>Given back to the broker, to come again (RabbitMQ's requeue, AMQP 1.0's released).</summary>
    GiveBack,

    /// <summary>Rejected: it does not come again.</summary>
    Reject,
}

/// <summary>A started listener of the transport under test, with its statistics.</summary>
public sealed class ListenerUnderTest(INotificationListener listener, NotificationListenerStatistics statistics) : IAsyncDisposable
{
    public NotificationListenerStatistics Statistics { get; } = statistics;

    public Task StopAsync() => listener.StopAsync();

    public ValueTask DisposeAsync() => ((IAsyncDisposable)listener).DisposeAsync();
}
