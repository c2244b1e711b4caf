using VersionedNotifications.Qpid.Tests.Infrastructure;
using VersionedNotifications.RabbitMQ.Tests.Infrastructure;
using Xunit.Abstractions;
using GlanceEvents = VersionedNotifications.OpenStack.Glance.EventTypes;

namespace VersionedNotifications.Qpid.Tests.Fault;

/// <summary>
/// Native memory stays flat over many messages, both ways: after a warm-up, N more round trips through the
/// driver, RabbitMQ and the listener (every delivery sent, settled, received, decoded, settled) leave malloc's
/// in-use bytes where they were, within a small bound per message that a leaked <c>pn_delivery_t</c>,
/// <c>pn_message_t</c> or encode buffer would exceed, plus a fixed allowance for Proton's bounded pools and
/// buffers. It found the listener's credit overrun (RabbitMQ sending its whole backlog, each message a pooled
/// <c>pn_delivery_t</c> kept for good). The suite sends 20,000 (a few seconds);
/// <c>VN_QPID_LEAK_COUNT=100000</c> runs the full count.
/// </summary>
[Collection(QpidBrokerCollection.Name)]
public sealed class LeakTests(QpidBroker broker, ITestOutputHelper output)
{
    // Enough for Proton's high-water marks to be reached before the first measurement (see AllowedSlack).
    private const int WarmUp = 10_000;

    // A leaked delivery (with its tag and disposition) is well over 100 bytes in Proton 0.37; a leaked message or buffer is far more.
    private const int AllowedBytesPerMessage = 24;

    // What is bounded but may still rise after the warm-up: Proton keeps freed deliveries (with their byte buffers,
    // about 2.5 KB each here) in a per-connection pool whose size is the most ever alive at once (bounded by the
    // driver's BufferCapacity and the listener's Credit), and its transports' read and write buffers double to
    // the largest burst seen (one doubling is 0.5-1 MB). Measured over 6 x 20,000 round trips after the warm-up,
    // malloc's in-use bytes stay within about 0.6 MB from the second round on; before the listener's credit fix
    // the same test grew 8-28 MB with the broker's backlog.
    private const long AllowedSlack = 4 * 1024 * 1024;

    private static int Count => int.TryParse(Environment.GetEnvironmentVariable("VN_QPID_LEAK_COUNT"), out var count) && count >= 1_000 ? count : 20_000;

    [Fact]
    public async Task Native_memory_stays_flat_over_many_round_trips()
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
            await Eventually.TrueAsync(() => Interlocked.Read(ref handled) == target, TimeSpan.FromMinutes(2), () => $"driver {driver.Statistics}; listener {listener.Statistics}");
        }

        await RoundTripsAsync(WarmUp);
        NativeMemory.Settle();
        var mallocBefore = NativeMemory.MallocInUse();
        var rssBefore = NativeMemory.ResidentBytes();

        var started = DateTime.UtcNow;
        await RoundTripsAsync(Count);
        var elapsed = DateTime.UtcNow - started;
        NativeMemory.Settle();
        var mallocAfter = NativeMemory.MallocInUse();
        var rssAfter = NativeMemory.ResidentBytes();

        var growth = mallocAfter - mallocBefore;
        output.WriteLine($"{Count} round trips in {elapsed.TotalSeconds:F1} s; malloc in use {mallocBefore / 1024} KiB -> {mallocAfter / 1024} KiB ({growth / (double)Count:F2} B per message); RSS {rssBefore / 1024 / 1024} MiB -> {rssAfter / 1024 / 1024} MiB");
        Assert.Equal(WarmUp + Count, driver.Statistics.Accepted);
        Assert.Equal(WarmUp + Count, listener.Statistics.Handled);
        Assert.True(
            growth < AllowedSlack + (long)AllowedBytesPerMessage * Count,
            $"malloc's in-use bytes grew by {growth} over {Count} messages ({growth / (double)Count:F1} B each): native memory leaks");
    }
}
