using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using VersionedNotifications.RabbitMQ.Tests.Infrastructure;
using IronicEvents = VersionedNotifications.OpenStack.Ironic.EventTypes;

namespace VersionedNotifications.RabbitMQ.Tests.Fault;

/// <summary>
/// The broker stops in the middle of the publishes (a third confirmed, more on the wire unconfirmed, the
/// rest to come) and starts again: the emitter is held back while the buffer is full, every message emitted is confirmed once the
/// broker is back, none is dropped, and the consumer (a durable pool queue) sees every one at least once.
/// The suite sends 10,000 (the number, about 10 s here); <c>VN_FAULT_COUNT</c> sets another.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class BrokerOutageTests(Broker broker)
{
    private static int Count => int.TryParse(Environment.GetEnvironmentVariable("VN_FAULT_COUNT"), out var count) && count >= 30 ? count : 10_000;

    [Fact]
    public async Task A_broker_restart_in_the_middle_of_the_publishes_loses_no_message()
    {
        var exchange = Names.Unique("vn-fault");
        var topic = Names.Unique("t");
        var pool = Names.Unique("consumer");
        var logs = new RecordingLoggerProvider();
        using var logging = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        var seen = new ConcurrentDictionary<string, int>();
        var dispatcher = new NotificationDispatcher(Emitters.Reader).On(IronicEvents.Baremetal.Node.PowerSet.Start, (n, _) =>
        {
            seen.AddOrUpdate(n.Header.MessageId, 1, (_, c) => c + 1);
            return ValueTask.CompletedTask;
        });
        var listenerOptions = Emitters.ListenerOptions(broker, exchange, topic);
        listenerOptions.Pool = pool;
        listenerOptions.DurableQueues = true;
        listenerOptions.Prefetch = 500;
        await using var listener = new RabbitMQNotificationListener(listenerOptions, Emitters.Reader, dispatcher, logging.CreateLogger<RabbitMQNotificationListener>());
        await listener.StartAsync();

        var driverOptions = Emitters.DriverOptions(broker, exchange);
        driverOptions.DurableQueues = true;
        driverOptions.BufferCapacity = 2_000;
        driverOptions.ShutdownTimeout = TimeSpan.FromMinutes(2);
        await using var driver = new RabbitMQNotificationDriver(driverOptions, logging.CreateLogger<RabbitMQNotificationDriver>());
        using var notifier = new Notifier(Emitters.NotifierOptions(topic), [driver]);
        var payload = Emitters.PowerSetStart();
        var sent = new List<string>(Count);
        async Task EmitAsync(int howMany)
        {
            for (var i = 0; i < howMany; i++)
            {
                var notification = Notification.Create(IronicEvents.Baremetal.Node.PowerSet.Start, payload, "ironic-conductor.test-host");
                sent.Add(notification.Header.MessageId);
                await notifier.EmitAsync(notification);
            }
        }

        // The emitter runs without pause; once a third is confirmed the broker stops (a graceful stop, closing
        // every connection) while publishes are on the wire unconfirmed, so those must be published again; the
        // buffer fills and the emitter waits for room until the broker is back.
        var third = Count / 3;
        var emitting = Task.Run(() => EmitAsync(Count));
        await Eventually.TrueAsync(() => driver.Statistics.Confirmed >= third, TimeSpan.FromMinutes(1), () => $"driver {driver.Statistics}");
        await broker.StopServerAsync();
        var confirmedBeforeOutage = driver.Statistics.Confirmed;
        Assert.True(confirmedBeforeOutage < Count, "the broker stopped in the middle of the publishes");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(emitting.IsCompleted, "the emitter waits for room while the broker is away");
        Assert.Equal(driverOptions.BufferCapacity, driver.Statistics.Outstanding);
        var rest = emitting;
        await broker.StartServerAsync();
        var emitted = await Task.WhenAny(rest, Task.Delay(TimeSpan.FromMinutes(2)));
        Assert.True(emitted == rest, $"The emitter still waits 2 minutes after the broker came back: driver {driver.Statistics}; log:\n{Tail(logs)}");
        await rest;

        using (var flush = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            try
            {
                await notifier.FlushAsync(flush.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Not confirmed within 2 minutes: driver {driver.Statistics}; log:\n{Tail(logs)}");
            }
        }

        Assert.Equal(Count, sent.Distinct().Count());
        Assert.Equal(Count, notifier.Statistics.Emitted);
        Assert.Equal(Count, driver.Statistics.Confirmed);
        Assert.Equal(0, driver.Statistics.Dropped);
        Assert.Contains(logs.Entries, e => e.Message.StartsWith("Lost the connection to", StringComparison.Ordinal));
        await Eventually.TrueAsync(() => seen.Count == Count, TimeSpan.FromMinutes(2), () => $"{seen.Count} of {Count} arrived; driver {driver.Statistics}; listener {listener.Statistics}; log:\n{Tail(logs)}");
        Assert.DoesNotContain(sent, id => !seen.ContainsKey(id));
        Assert.True(listener.Statistics.Received >= Count, listener.Statistics.ToString());
    }

    private static string Tail(RecordingLoggerProvider logs) =>
        string.Join("\n", logs.Entries.Where(e => !e.Message.Contains("publishing again")).TakeLast(30).Select(e => $"{e.Level} {e.Category}: {e.Message} {e.Exception?.GetType().Name} {e.Exception?.Message}"));
}
