using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using VersionedNotifications.RabbitMQ.Tests.Infrastructure;
using Xunit.Abstractions;
using IronicEvents = VersionedNotifications.OpenStack.Ironic.EventTypes;

namespace VersionedNotifications.RabbitMQ.Tests.Fault;

/// <summary>
/// The broker stops in the middle of the publishes (two thirds emitted without pause, a third confirmed, more on
/// the wire unconfirmed; the last third emitted only once the broker is down) and starts again: the emitter is
/// held back while the buffer is full, every message emitted is confirmed once the broker is back and none is
/// dropped. On durable queues the consumer sees every one at least once; on oslo's default non-durable ones what
/// the queues held dies with the broker, and everything sent once the listener is back arrives. Each test writes
/// sent / confirmed / received / lost / duplicated to the test output. The suite sends 10,000 (about 10 s here);
/// <c>VN_FAULT_COUNT</c> sets another.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed partial class BrokerOutageTests(Broker broker, ITestOutputHelper output)
{
    // Generous: these only catch a hang, the tests wait on conditions.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private static int Count => int.TryParse(Environment.GetEnvironmentVariable("VN_FAULT_COUNT"), out var count) && count >= 30 ? count : 10_000;

    [Fact]
    public async Task A_broker_restart_in_the_middle_of_the_publishes_loses_no_message()
    {
        await using var outage = await Outage.RunAsync(broker, durable: true);
        await outage.WaitForAsync(outage.Tally.SentIds);
        output.WriteLine(outage.Describe());
        await outage.AssertArrivedAsync(outage.Tally.SentIds);
    }

    [Fact]
    public async Task On_oslo_s_default_non_durable_queues_a_restart_loses_only_what_the_broker_held_and_everything_sent_after_the_listener_is_back_arrives()
    {
        await using var outage = await Outage.RunAsync(broker, durable: false);
        await outage.SendUntilOneArrivesAsync();
        var sentAfterListenerBack = outage.Tally.SentIds.Skip(outage.SentBeforeListenerBack).ToArray();
        await outage.WaitForAsync(sentAfterListenerBack);
        output.WriteLine(outage.Describe() + $"; {sentAfterListenerBack.Length} sent after the listener was back");
        await outage.AssertArrivedAsync(sentAfterListenerBack);
    }

    /// <summary>One run: a listener on a pool queue and a driver on the test's own exchange, across a broker stop and start.</summary>
    private sealed partial class Outage : IAsyncDisposable
    {
        private readonly Broker _broker;
        private readonly string _topic;

        private Outage(Broker broker, string topic, RecordingLoggerProvider logs, ILoggerFactory logging, OutageTally tally)
        {
            _broker = broker;
            _topic = topic;
            Logs = logs;
            Logging = logging;
            Tally = tally;
        }

        public OutageTally Tally { get; }

        public RecordingLoggerProvider Logs { get; }

        /// <summary>How many were sent when the listener had declared its queue again after the restart.</summary>
        public int SentBeforeListenerBack { get; private set; }

        private ILoggerFactory Logging { get; }

        private RabbitMQNotificationListener Listener { get; set; } = null!;

        private RabbitMQNotificationDriver Driver { get; set; } = null!;

        private Notifier Notifier { get; set; } = null!;

        public static async Task<Outage> RunAsync(Broker broker, bool durable)
        {
            var logs = new RecordingLoggerProvider();
            var outage = new Outage(broker, Names.Unique("t"), logs, LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug)), new OutageTally());
            await outage.StartAsync(durable);
            return outage;
        }

        public async Task WaitForAsync(IReadOnlyCollection<string> ids)
        {
            var deadline = DateTime.UtcNow + Patience;
            while (ids.Any(id => !Tally.WasReceived(id)) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }

        /// <summary>Sends one more every 200 ms until one arrives, so that something is sent once the listener is back however late it comes.</summary>
        public async Task SendUntilOneArrivesAsync()
        {
            var deadline = DateTime.UtcNow + Patience;
            var sentBefore = Tally.SentCount;
            while (!Tally.SentIds.Skip(sentBefore).Any(Tally.WasReceived))
            {
                Assert.True(DateTime.UtcNow < deadline, $"Nothing sent after the restart arrived: {Describe()}; log:\n{Tail(Logs)}");
                await EmitAsync(1);
                await Task.Delay(200);
            }
        }

        public string Describe() => Tally.Describe(Driver.Statistics.Confirmed) + $"; driver {Driver.Statistics}; listener {Listener.Statistics}";

        /// <summary>Fails, naming the missing ones and whether the driver's own queue (oslo's <c>&lt;topic&gt;.info</c>) has them, unless every one of <paramref name="ids"/> arrived.</summary>
        public async Task AssertArrivedAsync(IReadOnlyCollection<string> ids)
        {
            var missing = ids.Where(id => !Tally.WasReceived(id)).ToArray();
            if (missing.Length == 0)
            {
                return;
            }

            var inTopicQueue = await IdsInQueueAsync(_topic + ".info");
            var sent = Tally.SentIds.ToList();
            Assert.Fail($"{missing.Length} of {ids.Count} never reached the listener's queue ({Describe()}); of those, {missing.Count(inTopicQueue.Contains)} are in queue {_topic}.info; "
                + $"their places in the stream: {string.Join(", ", missing.Take(20).Select(id => sent.IndexOf(id)))}; log:\n{Tail(Logs)}");
        }

        public async ValueTask DisposeAsync()
        {
            await Listener.DisposeAsync();
            Notifier.Dispose();
            await Driver.DisposeAsync();
            Logging.Dispose();
        }

        private async Task StartAsync(bool durable)
        {
            var exchange = Names.Unique("vn-fault");
            var dispatcher = new NotificationDispatcher(Emitters.Reader).On(IronicEvents.Baremetal.Node.PowerSet.Start, (n, _) =>
            {
                Tally.Received(n.Header.MessageId);
                return ValueTask.CompletedTask;
            });
            var listenerOptions = Emitters.ListenerOptions(_broker, exchange, _topic);
            listenerOptions.Pool = Names.Unique("consumer");
            listenerOptions.DurableQueues = durable;
            listenerOptions.Prefetch = 500;
            Listener = new RabbitMQNotificationListener(listenerOptions, Emitters.Reader, dispatcher, Logging.CreateLogger<RabbitMQNotificationListener>());
            await Listener.StartAsync();

            var driverOptions = Emitters.DriverOptions(_broker, exchange);
            driverOptions.DurableQueues = durable;
            driverOptions.BufferCapacity = Math.Max(10, Count / 5);
            driverOptions.ShutdownTimeout = TimeSpan.FromMinutes(2);
            Driver = new RabbitMQNotificationDriver(driverOptions, Logging.CreateLogger<RabbitMQNotificationDriver>());
            Notifier = new Notifier(Emitters.NotifierOptions(_topic), [Driver]);

            // Two thirds go out without pause; once a third is confirmed the broker stops (closing every connection)
            // while publishes are on the wire unconfirmed. The last third is emitted only once it is down, so the
            // outage falls in the middle of the stream however fast the machine is, and the buffer fills.
            var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var emitting = Task.Run(async () =>
            {
                await EmitAsync(Count - (Count / 3));
                await stopped.Task;
                await EmitAsync(Count / 3);
            });
            await Eventually.TrueAsync(() => Driver.Statistics.Confirmed >= Count / 3, Patience, () => $"driver {Driver.Statistics}");
            await _broker.StopServerAsync();
            stopped.SetResult();
            await Eventually.TrueAsync(() => Driver.Statistics.Outstanding == driverOptions.BufferCapacity, Patience, () => $"the buffer does not fill while the broker is away: driver {Driver.Statistics}");
            Assert.False(emitting.IsCompleted, "the emitter waits for room while the broker is away");

            await _broker.StartServerAsync();
            var listenerBack = Task.Run(async () =>
            {
                await Eventually.TrueAsync(() => Logs.Entries.Any(e => e.Category.EndsWith(nameof(RabbitMQNotificationListener), StringComparison.Ordinal) && e.Message.StartsWith("Reconnected to", StringComparison.Ordinal)), Patience, () => "the listener did not reconnect");
                SentBeforeListenerBack = Tally.SentCount;
            });
            var emitted = await Task.WhenAny(emitting, Task.Delay(Patience));
            Assert.True(emitted == emitting, $"The emitter still waits {Patience} after the broker came back: driver {Driver.Statistics}; log:\n{Tail(Logs)}");
            await emitting;
            using (var flush = new CancellationTokenSource(Patience))
            {
                try
                {
                    await Notifier.FlushAsync(flush.Token);
                }
                catch (OperationCanceledException)
                {
                    Assert.Fail($"Not confirmed within {Patience}: driver {Driver.Statistics}; log:\n{Tail(Logs)}");
                }
            }

            await listenerBack;
            Assert.Equal(Count, Tally.SentIds.Distinct().Count());
            Assert.Equal(Count, Notifier.Statistics.Emitted);
            Assert.Equal(Count, Driver.Statistics.Confirmed);
            Assert.Equal(0, Driver.Statistics.Dropped);
            Assert.Contains(Logs.Entries, e => e.Message.StartsWith("Lost the connection to", StringComparison.Ordinal));
        }

        private async Task EmitAsync(int howMany)
        {
            var payload = Emitters.PowerSetStart();
            for (var i = 0; i < howMany; i++)
            {
                var notification = Notification.Create(IronicEvents.Baremetal.Node.PowerSet.Start, payload, "ironic-conductor.test-host");
                Tally.Sent(notification.Header.MessageId);
                await Notifier.EmitAsync(notification);
            }
        }

        /// <summary>Takes every message from <paramref name="queue"/> and gives the distinct message ids in their bodies.</summary>
        private async Task<HashSet<string>> IdsInQueueAsync(string queue)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            await using var connection = await _broker.ConnectAsync();
            await using var channel = await connection.CreateChannelAsync();
            while (await channel.BasicGetAsync(queue, autoAck: true) is { } message)
            {
                if (MessageId().Match(Encoding.UTF8.GetString(message.Body.Span)) is { Success: true } match)
                {
                    ids.Add(match.Groups["id"].Value);
                }
            }

            return ids;
        }

        private static string Tail(RecordingLoggerProvider logs) =>
            string.Join("\n", logs.Entries.Where(e => !e.Message.Contains("publishing again")).TakeLast(30).Select(e => $"{e.Level} {e.Category}: {e.Message} {e.Exception?.GetType().Name} {e.Exception?.Message}"));

        // The v2 body carries the envelope as a JSON string, so its quotes are escaped.
        [GeneratedRegex("""message_id\\?"\s*:\s*\\?"(?<id>[0-9a-f-]{36})""")]
        private static partial Regex MessageId();
    }
}
