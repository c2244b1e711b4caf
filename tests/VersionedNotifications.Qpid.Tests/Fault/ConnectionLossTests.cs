using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using VersionedNotifications.Qpid.Tests.Infrastructure;
using VersionedNotifications.RabbitMQ.Tests.Infrastructure;
using GlanceEvents = VersionedNotifications.OpenStack.Glance.EventTypes;

namespace VersionedNotifications.Qpid.Tests.Fault;

/// <summary>
/// The broker restarts in the middle of the stream (a third accepted, the rest emitted while it is away),
/// cutting both connections: both come back by themselves, the emitter is held back while the buffer
/// is full, every message emitted is accepted once the broker is back, none is dropped, and the listener (on
/// durable queues, so what was accepted outlives the restart) sees every one at least once. The suite sends
/// 3,000; <c>VN_QPID_FAULT_COUNT</c> sets another.
/// </summary>
[Collection(QpidBrokerCollection.Name)]
public sealed class ConnectionLossTests(QpidBroker broker)
{
    private static int Count => int.TryParse(Environment.GetEnvironmentVariable("VN_QPID_FAULT_COUNT"), out var count) && count >= 30 ? count : 3_000;

    [Fact]
    public async Task A_broker_restart_in_the_middle_of_the_stream_loses_nothing_that_was_accepted()
    {
        var exchange = Names.Unique("glance");
        var logs = new RecordingLoggerProvider();
        using var logging = LoggerFactory.Create(b => b.AddProvider(logs));
        var seen = new ConcurrentDictionary<string, int>();
        var dispatcher = new NotificationDispatcher(QpidEmitters.Reader).On(GlanceEvents.Image.Update, (n, _) =>
        {
            seen.AddOrUpdate(n.Header.MessageId, 1, (_, c) => c + 1);
            return ValueTask.CompletedTask;
        });
        var listenerOptions = QpidEmitters.ListenerOptions(broker, exchange, "notifications");
        listenerOptions.DurableQueues = true;
        listenerOptions.Credit = 200;
        await using var listener = new QpidNotificationListener(listenerOptions, QpidEmitters.Reader, dispatcher, logging.CreateLogger<QpidNotificationListener>());
        await listener.StartAsync();

        var driverOptions = QpidEmitters.DriverOptions(broker, exchange);
        driverOptions.DurableQueues = true;
        driverOptions.BufferCapacity = 500;
        driverOptions.ShutdownTimeout = TimeSpan.FromMinutes(1);
        await using var driver = new QpidNotificationDriver(driverOptions, logging.CreateLogger<QpidNotificationDriver>());
        using var notifier = new Notifier(QpidEmitters.NotifierOptions("notifications"), [driver]);
        var payload = QpidEmitters.ImageUpdate();
        var sent = new List<string>(Count);
        async Task EmitAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var notification = QpidEmitters.NewImageUpdate(payload);
                sent.Add(notification.Header.MessageId);
                await notifier.EmitAsync(notification);
            }
        }

        // A third goes out and is accepted; the broker then goes away, and the rest is emitted while the connection
        // is down: the outage falls in the middle of the stream however fast or slow the machine is.
        await EmitAsync(Count / 3);
        await Eventually.TrueAsync(() => driver.Statistics.Confirmed >= Count / 3, TimeSpan.FromMinutes(1), () => $"driver {driver.Statistics}");
        var restart = broker.RestartAsync();
        await Eventually.TrueAsync(() => logs.Entries.Any(e => e.Message.Contains("lost the connection", StringComparison.Ordinal)), TimeSpan.FromMinutes(2), () => "no connection was lost");
        var emitting = EmitAsync(Count - (Count / 3));
        await restart;

        var emitted = await Task.WhenAny(emitting, Task.Delay(TimeSpan.FromMinutes(1)));
        Assert.True(emitted == emitting, $"The emitter still waits a minute after the broker came back: driver {driver.Statistics}; log:\n{Tail(logs)}");
        await emitting;
        using (var flush = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
        {
            try
            {
                await notifier.FlushAsync(flush.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Not accepted within a minute: driver {driver.Statistics}; log:\n{Tail(logs)}");
            }
        }

        Assert.Equal(Count, driver.Statistics.Confirmed);
        Assert.Equal(0, driver.Statistics.Dropped);
        Assert.True(driver.Statistics.Published >= Count, driver.Statistics.ToString());
        await Eventually.TrueAsync(() => seen.Count == Count, TimeSpan.FromMinutes(1), () => $"{seen.Count} of {Count} arrived; driver {driver.Statistics}; listener {listener.Statistics}; log:\n{Tail(logs)}");
        Assert.DoesNotContain(sent, id => !seen.ContainsKey(id));
        Assert.Contains(logs.Entries, e => e.Category.EndsWith(nameof(QpidNotificationListener), StringComparison.Ordinal) && e.Message.Contains("lost the connection", StringComparison.Ordinal));
    }

    private static string Tail(RecordingLoggerProvider logs) =>
        string.Join("\n", logs.Entries.TakeLast(30).Select(e => $"{e.Level} {e.Category}: {e.Message} {e.Exception?.GetType().Name} {e.Exception?.Message}"));
}
