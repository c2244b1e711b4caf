using global::RabbitMQ.Client;
using System.Diagnostics;
using System.Globalization;
using VersionedNotifications.OpenStack.Ironic;
using VersionedNotifications.RabbitMQ;

namespace VersionedNotifications.Benchmarks;

/// <summary>
/// <c>rabbit --url URL [--count N]</c>: the sample message through a real RabbitMQ, as oslo.messaging's side
/// of the comparison does it (python/bench_ironic.py rabbit): N notifications emitted through the notifier
/// and the messagingv2 driver with publisher confirms, timed until the broker confirmed the last; then N
/// consumed from the queue oslo declares, by the listener with acknowledgements and the typed reader, timed
/// until the handler saw the last. The exchange and queue are this run's own and are deleted afterwards.
/// </summary>
internal static class RabbitMode
{
    public static async Task<int> RunAsync(string url, int count)
    {
        var sample = new SampleMessage();
        var payload = sample.Notification.Payload;
        var exchange = "vn-bench-" + Guid.NewGuid().ToString("N")[..8];
        const string Topic = "bench_notifications";

        // Warm-up: enough messages for tiered compilation to finish with the writer, the reader and the
        // client's paths (2,000 left the decode partly at tier 0 during the measured run).
        var warmUpCount = Math.Min(count, 20_000);
        await using (var warmUp = await PublishAsync(url, exchange, Topic, payload, warmUpCount))
        {
        }

        await ConsumeAsync(url, exchange, Topic, warmUpCount);

        var publish = Stopwatch.StartNew();
        await using (await PublishAsync(url, exchange, Topic, payload, count))
        {
            publish.Stop();
        }

        var consume = await ConsumeAsync(url, exchange, Topic, count);

        // The ceiling on this machine and broker: the same messages again, consumed by a bare RabbitMQ.Client
        // consumer with the same prefetch and one acknowledgement per 250, reading nothing.
        await using (await PublishAsync(url, exchange, Topic, payload, count))
        {
        }

        var raw = await ConsumeRawAsync(url, Topic + ".info", count);
        await DeleteAsync(url, exchange, Topic);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $$"""{"count": {{count}}, "bytes": {{sample.Body.Length}}, "publish_msgs_s": {{count / publish.Elapsed.TotalSeconds:0}}, "consume_msgs_s": {{count / consume.TotalSeconds:0}}, "raw_client_consume_msgs_s": {{count / raw.TotalSeconds:0}}, "publisher_confirms": true, "consumer_acks": true}"""));
        return 0;
    }

    /// <summary>Emits <paramref name="count"/> notifications and returns the driver once the broker confirmed them all.</summary>
    private static async Task<RabbitMQNotificationDriver> PublishAsync(string url, string exchange, string topic, NodeSetPowerStatePayload payload, int count)
    {
        var driver = new RabbitMQNotificationDriver(new RabbitMQDriverOptions { TransportUrl = url, ControlExchange = exchange });
        using var notifier = new Notifier(new NotifierOptions { Level = NotificationLevel.Info, Topics = [topic], PublisherId = "ironic-conductor.hostname01" }, [driver]);
        for (var i = 0; i < count; i++)
        {
            await notifier.EmitAsync(EventTypes.Baremetal.Node.PowerSet.Start, payload);
        }

        await notifier.FlushAsync();
        if (driver.Statistics.Confirmed != count || notifier.Statistics.Emitted != count)
        {
            throw new InvalidOperationException($"{count} emitted, but the driver says {driver.Statistics}");
        }

        return driver;
    }

    /// <summary>Consumes <paramref name="count"/> notifications from oslo's <c>&lt;topic&gt;.info</c> queue; the time from start to the last handled.</summary>
    private static async Task<TimeSpan> ConsumeAsync(string url, string exchange, string topic, int count)
    {
        var handled = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reader = new NotificationReader(VersionedNotifications.OpenStack.OpenStackJsonContext.Default);
        var dispatcher = new NotificationDispatcher(reader).On(EventTypes.Baremetal.Node.PowerSet.Start, (notification, _) =>
        {
            if (Interlocked.Increment(ref handled) == count)
            {
                done.TrySetResult();
            }

            return ValueTask.CompletedTask;
        });
        var options = new RabbitMQNotificationListenerOptions
        {
            TransportUrl = url,
            ControlExchange = exchange,
            Topics = [topic],
            Priorities = [NotificationPriority.Info],
            Prefetch = 500,
            MaxConcurrency = int.TryParse(Environment.GetEnvironmentVariable("VN_BENCH_CONCURRENCY"), out var c) ? c : 1,
        };
        var watch = Stopwatch.StartNew();
        await using var listener = new RabbitMQNotificationListener(options, reader, dispatcher);
        await listener.StartAsync();
        if (await Task.WhenAny(done.Task, Task.Delay(TimeSpan.FromMinutes(5))) != done.Task)
        {
            throw new TimeoutException($"{handled} of {count} consumed in 5 minutes: {listener.Statistics}");
        }

        var elapsed = watch.Elapsed;
        await listener.StopAsync();
        return elapsed;
    }

    private static async Task<TimeSpan> ConsumeRawAsync(string url, string queue, int count)
    {
        await using var connection = await Factory(url).CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.BasicQosAsync(0, 500, false);
        var received = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumer = new global::RabbitMQ.Client.Events.AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            var n = ++received;
            if (n % 250 == 0 || n == count)
            {
                await channel.BasicAckAsync(delivery.DeliveryTag, true);
            }

            if (n == count)
            {
                done.TrySetResult();
            }
        };
        var watch = Stopwatch.StartNew();
        await channel.BasicConsumeAsync(queue, false, consumer);
        await done.Task.WaitAsync(TimeSpan.FromMinutes(5));
        return watch.Elapsed;
    }

    private static global::RabbitMQ.Client.ConnectionFactory Factory(string url)
    {
        var parsed = TransportUrl.Parse(url);
        var host = parsed.Hosts[0];
        return new global::RabbitMQ.Client.ConnectionFactory
        {
            HostName = host.HostName,
            Port = host.Port,
            UserName = parsed.UserName,
            Password = parsed.Password,
            VirtualHost = parsed.EffectiveVirtualHost,
        };
    }

    private static async Task DeleteAsync(string url, string exchange, string topic)
    {
        await using var connection = await Factory(url).CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeleteAsync(topic + ".info", false, false);
        await channel.ExchangeDeleteAsync(exchange, false);
    }
}
