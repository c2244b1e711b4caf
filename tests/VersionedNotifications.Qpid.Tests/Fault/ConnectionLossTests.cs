using Microsoft.Extensions.Logging;
using VersionedNotifications.Qpid.Tests.Infrastructure;
using Xunit.Abstractions;
using GlanceEvents = VersionedNotifications.OpenStack.Glance.EventTypes;

namespace VersionedNotifications.Qpid.Tests.Fault;

/// <summary>
/// The broker stops in the middle of the stream (two thirds emitted without pause, a third accepted, more on the
/// wire unsettled; the last third emitted only once the broker is down) and starts again, cutting both
/// connections: both come back by themselves, the emitter is held back while the buffer is full, every message
/// emitted is accepted once the broker is back and none is dropped. On durable queues the listener sees every one
/// at least once; on oslo's default non-durable ones what the queues held dies with the broker, and what is sent
/// once the listener is back arrives. Each test writes sent / confirmed / received / lost / duplicated to the test
/// output. The suite sends 3,000; <c>VN_QPID_FAULT_COUNT</c> sets another.
/// </summary>
[Collection(QpidBrokerCollection.Name)]
public sealed class ConnectionLossTests(QpidBroker broker, ITestOutputHelper output)
{
    // Generous: these only catch a hang, the tests wait on conditions.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private static int Count => int.TryParse(Environment.GetEnvironmentVariable("VN_QPID_FAULT_COUNT"), out var count) && count >= 30 ? count : 3_000;

    [Fact]
    public async Task A_broker_restart_in_the_middle_of_the_stream_loses_nothing_that_was_accepted()
    {
        var (tally, driver, listener, logs) = await RunAsync(durable: true);
        await using (listener)
        await using (driver)
        {
            await Eventually.TrueAsync(() => tally.ReceivedCount == Count, Patience, () => $"{tally.Describe(driver.Statistics.Confirmed)}; listener {listener.Statistics}; log:\n{Tail(logs)}");
            output.WriteLine(tally.Describe(driver.Statistics.Confirmed) + $"; driver {driver.Statistics}; listener {listener.Statistics}");
            Assert.Empty(tally.Lost());
            Assert.Contains(logs.Entries, e => e.Category.EndsWith(nameof(QpidNotificationListener), StringComparison.Ordinal) && e.Message.Contains("lost the connection", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task On_oslo_s_default_non_durable_queues_a_restart_loses_only_what_the_broker_held_and_the_listener_receives_again()
    {
        var (tally, driver, listener, logs) = await RunAsync(durable: false);
        await using (listener)
        await using (driver)
        {
            // Sent until one arrives: the listener is back on queues of the new broker.
            using var notifier = new Notifier(QpidEmitters.NotifierOptions("notifications"), [driver]);
            var payload = QpidEmitters.ImageUpdate();
            var deadline = DateTime.UtcNow + Patience;
            string? last = null;
            while (last is null || !tally.WasReceived(last))
            {
                Assert.True(DateTime.UtcNow < deadline, $"Nothing sent after the restart arrived: {tally.Describe(driver.Statistics.Confirmed)}; listener {listener.Statistics}; log:\n{Tail(logs)}");
                var notification = QpidEmitters.NewImageUpdate(payload);
                last = notification.Header.MessageId;
                tally.Sent(last);
                await notifier.EmitAsync(notification);
                await Task.Delay(200);
            }

            output.WriteLine(tally.Describe(driver.Statistics.Confirmed) + $"; driver {driver.Statistics}; listener {listener.Statistics}");
            Assert.Equal(0, driver.Statistics.Dropped);
        }
    }

    /// <summary>A listener and a driver on the test's own exchange, across a broker stop and start; returns once everything emitted is accepted.</summary>
    private async Task<(OutageTally Tally, QpidNotificationDriver Driver, QpidNotificationListener Listener, RecordingLoggerProvider Logs)> RunAsync(bool durable)
    {
        var exchange = Names.Unique("glance");
        var logs = new RecordingLoggerProvider();
        var logging = LoggerFactory.Create(b => b.AddProvider(logs));
        var tally = new OutageTally();
        var dispatcher = new NotificationDispatcher(QpidEmitters.Reader).On(GlanceEvents.Image.Update, (n, _) =>
        {
            tally.Received(n.Header.MessageId);
            return ValueTask.CompletedTask;
        });
        var listenerOptions = QpidEmitters.ListenerOptions(broker, exchange, "notifications");
        listenerOptions.DurableQueues = durable;
        listenerOptions.Credit = 200;
        var listener = new QpidNotificationListener(listenerOptions, QpidEmitters.Reader, dispatcher, logging.CreateLogger<QpidNotificationListener>());
        await listener.StartAsync();

        var driverOptions = QpidEmitters.DriverOptions(broker, exchange);
        driverOptions.DurableQueues = durable;
        driverOptions.BufferCapacity = Math.Max(10, Count / 5);
        driverOptions.ShutdownTimeout = TimeSpan.FromMinutes(1);
        var driver = new QpidNotificationDriver(driverOptions, logging.CreateLogger<QpidNotificationDriver>());
        using var notifier = new Notifier(QpidEmitters.NotifierOptions("notifications"), [driver]);
        var payload = QpidEmitters.ImageUpdate();
        async Task EmitAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var notification = QpidEmitters.NewImageUpdate(payload);
                tally.Sent(notification.Header.MessageId);
                await notifier.EmitAsync(notification);
            }
        }

        // Two thirds go out without pause and the broker stops once a third is accepted, with more on the wire;
        // the last third is emitted only once it is down, so the outage falls in the middle of the stream
        // however fast the machine is, and the buffer fills.
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var emitting = Task.Run(async () =>
        {
            await EmitAsync(Count - (Count / 3));
            await stopped.Task;
            await EmitAsync(Count / 3);
        });
        await Eventually.TrueAsync(() => driver.Statistics.Confirmed >= Count / 3, Patience, () => $"driver {driver.Statistics}");
        await broker.StopServerAsync();
        stopped.SetResult();
        await Eventually.TrueAsync(() => driver.Statistics.Outstanding == driverOptions.BufferCapacity, Patience, () => $"the buffer does not fill while the broker is away: driver {driver.Statistics}");
        Assert.False(emitting.IsCompleted, "the emitter waits for room while the broker is away");
        await broker.StartServerAsync();

        var emitted = await Task.WhenAny(emitting, Task.Delay(Patience));
        Assert.True(emitted == emitting, $"The emitter still waits {Patience} after the broker came back: driver {driver.Statistics}; log:\n{Tail(logs)}");
        await emitting;
        using (var flush = new CancellationTokenSource(Patience))
        {
            try
            {
                await notifier.FlushAsync(flush.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Not accepted within {Patience}: driver {driver.Statistics}; log:\n{Tail(logs)}");
            }
        }

        Assert.Equal(Count, driver.Statistics.Confirmed);
        Assert.Equal(0, driver.Statistics.Dropped);
        Assert.True(driver.Statistics.Published >= Count, driver.Statistics.ToString());
        return (tally, driver, listener, logs);
    }

    private static string Tail(RecordingLoggerProvider logs) =>
        string.Join("\n", logs.Entries.TakeLast(30).Select(e => $"{e.Level} {e.Category}: {e.Message} {e.Exception?.GetType().Name} {e.Exception?.Message}"));
}
