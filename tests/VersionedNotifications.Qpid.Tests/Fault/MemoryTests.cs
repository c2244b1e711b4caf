using VersionedNotifications.Qpid.Tests.Infrastructure;
using Xunit.Abstractions;
using GlanceEvents = VersionedNotifications.OpenStack.Glance.EventTypes;

namespace VersionedNotifications.Qpid.Tests.Fault;

/// <summary>
/// Memory stays flat over a long run, both ways: after a warm-up, N more round trips through the driver,
/// RabbitMQ and the listener (every message sent, accepted, received, read, settled) leave the live managed
/// heap where it was, within a small bound per message that anything kept per message (an outcome never
/// matched to its send, an unsettled delivery, a received message never disposed, a link's queue) would
/// exceed, plus a fixed allowance for what is bounded but may still grow after the warm-up (dictionaries and
/// queues at their largest, sized by the driver's BufferCapacity and the listener's Credit). The suite sends
/// 20,000; <c>VN_QPID_LEAK_COUNT=100000</c> runs a longer one.
/// </summary>
[Collection(QpidBrokerCollection.Name)]
public sealed class MemoryTests(QpidBroker broker, ITestOutputHelper output)
{
    private const int WarmUp = 5_000;

    // A message kept by mistake holds at least its body (about 2 KB here) and the objects around it.
    private const int AllowedBytesPerMessage = 24;

    private const long AllowedSlack = 2 * 1024 * 1024;

    private static int Count => int.TryParse(Environment.GetEnvironmentVariable("VN_QPID_LEAK_COUNT"), out var count) && count >= 1_000 ? count : 20_000;

    [Fact]
    public async Task Memory_stays_flat_over_many_round_trips()
    {
        var exchange = Names.Unique("glance");
        var handled = 0L;
        var dispatcher = new NotificationDispatcher(QpidEmitters.Reader).On(GlanceEvents.Image.Update, (_, _) =>
        {
            Interlocked.Increment(ref handled);
            return ValueTask.CompletedTask;
        });
        var listenerOptions = QpidEmitters.ListenerOptions(broker, exchange, "notifications");
        listenerOptions.Credit = 500;
        await using var listener = new QpidNotificationListener(listenerOptions, QpidEmitters.Reader, dispatcher);
        await listener.StartAsync();
        var driverOptions = QpidEmitters.DriverOptions(broker, exchange);
        driverOptions.BufferCapacity = 1_000;
        await using var driver = new QpidNotificationDriver(driverOptions);
        using var notifier = new Notifier(QpidEmitters.NotifierOptions("notifications"), [driver]);
        var payload = QpidEmitters.ImageUpdate();

        async Task RoundTripsAsync(int howMany)
        {
            var target = Interlocked.Read(ref handled) + howMany;
            for (var i = 0; i < howMany; i++)
            {
                await notifier.EmitAsync(QpidEmitters.NewImageUpdate(payload));
            }

            await notifier.FlushAsync(CancellationToken.None);
            // The listener counts a message as handled when it settles it, a moment after the handler returned:
            // both are waited for, so that nothing of the round is still on its way when the heap is measured.
            await Eventually.TrueAsync(
                () => Interlocked.Read(ref handled) == target && listener.Statistics.Handled == target,
                TimeSpan.FromMinutes(2),
                () => $"handler saw {Interlocked.Read(ref handled)} of {target}; driver {driver.Statistics}; listener {listener.Statistics}");
        }

        await RoundTripsAsync(WarmUp);
        var before = ProcessMemory.LiveManagedBytes();
        var rssBefore = ProcessMemory.ResidentBytes();

        var started = DateTime.UtcNow;
        await RoundTripsAsync(Count);
        var elapsed = DateTime.UtcNow - started;
        var after = ProcessMemory.LiveManagedBytes();
        var rssAfter = ProcessMemory.ResidentBytes();

        var growth = after - before;
        output.WriteLine($"{Count} round trips in {elapsed.TotalSeconds:F1} s; live managed heap {before / 1024} KiB -> {after / 1024} KiB ({growth / (double)Count:F2} B per message); RSS {rssBefore / 1024 / 1024} MiB -> {rssAfter / 1024 / 1024} MiB");
        Assert.True(driver.Statistics.Confirmed == WarmUp + Count, $"{WarmUp + Count} sent; driver {driver.Statistics}; listener {listener.Statistics}");
        Assert.True(listener.Statistics.Handled == WarmUp + Count, $"{WarmUp + Count} sent; driver {driver.Statistics}; listener {listener.Statistics}");
        Assert.True(
            growth < AllowedSlack + (long)AllowedBytesPerMessage * Count,
            $"the live managed heap grew by {growth} bytes over {Count} messages ({growth / (double)Count:F1} B each): something is kept per message");
    }
}
