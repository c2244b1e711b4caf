using global::RabbitMQ.Client;
using System.Diagnostics;
using System.Globalization;
using VersionedNotifications.OpenStack.Ironic;
using VersionedNotifications.RabbitMQ;

namespace VersionedNotifications.Benchmarks;

/// <summary>
/// <c>rabbit --url URL [--count N] [--emitters E] [--consumers C] [--payload-bytes B]</c>: the sample message
/// through a real RabbitMQ, as oslo.messaging's side of the comparison does it (python/bench_ironic.py rabbit):
/// N notifications emitted through the notifier and the messagingv2 driver with publisher confirms by E tasks at
/// once, timed until the broker confirmed the last; then N consumed from the queue oslo declares by C listeners
/// (each its own connection) with acknowledgements and the typed reader, timed until a handler saw the last.
/// Beside each, the ceiling of this machine and broker: the bare RabbitMQ.Client publishing the same body on one
/// channel with publisher confirms, and consuming with the same prefetch and one acknowledgement per 250, reading
/// nothing. Each side consumes what it published (the queue holds exactly N when a consumer starts), ours first.
/// The exchange and queue are this run's own and are deleted afterwards.
/// </summary>
internal static class RabbitMode
{
    public static async Task<int> RunAsync(string url, int count, int emitters, int consumers, int payloadBytes)
    {
        var notification = payloadBytes > 0 ? ScaledSample.Make(payloadBytes) : new SampleMessage().Notification;
        var payload = notification.Payload;
        var body = NotificationWriter.Write(notification);
        var exchange = "vn-bench-" + Guid.NewGuid().ToString("N")[..8];
        const string Topic = "bench_notifications";

        // Warm-up: enough messages for tiered compilation to finish with the writer, the reader and the
        // client's paths (2,000 left the decode partly at tier 0 during the measured run).
        var warmUpCount = Math.Min(count, 20_000);
        await using (await PublishAsync(url, exchange, Topic, payload, warmUpCount, emitters))
        {
        }

        await ConsumeAsync(url, exchange, Topic, warmUpCount, consumers);
        await PublishRawAsync(url, exchange, Topic, body, warmUpCount);
        await ConsumeRawAsync(url, Topic + ".info", warmUpCount);

        // Processor time of this process per message beside each rate: what a side costs, which the load of a shared
        // machine moves far less than the rates (the broker's own time is not in it).
        var publish = Stopwatch.StartNew();
        var cpu = Environment.CpuUsage.TotalTime;
        var switches = ContextSwitches();
        await using (await PublishAsync(url, exchange, Topic, payload, count, emitters))
        {
            publish.Stop();
        }

        var publishCpu = Environment.CpuUsage.TotalTime - cpu;
        var publishSwitches = ContextSwitches() - switches;
        cpu = Environment.CpuUsage.TotalTime;
        var consume = await ConsumeAsync(url, exchange, Topic, count, consumers);
        var consumeCpu = Environment.CpuUsage.TotalTime - cpu;
        cpu = Environment.CpuUsage.TotalTime;
        switches = ContextSwitches();
        var rawPublish = await PublishRawAsync(url, exchange, Topic, body, count);
        var rawPublishCpu = Environment.CpuUsage.TotalTime - cpu;
        var rawPublishSwitches = ContextSwitches() - switches;
        cpu = Environment.CpuUsage.TotalTime;
        var rawConsume = await ConsumeRawAsync(url, Topic + ".info", count);
        var rawConsumeCpu = Environment.CpuUsage.TotalTime - cpu;
        await DeleteAsync(url, exchange, Topic);
        double MicrosecondsEach(TimeSpan time) => time.TotalMicroseconds / count;

        var publishRate = count / publish.Elapsed.TotalSeconds;
        var consumeRate = count / consume.TotalSeconds;
        const double MB = 1024 * 1024;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $$"""{"mode": "rabbit", "count": {{count}}, "bytes": {{body.Length}}, "emitters": {{emitters}}, "consumers": {{consumers}}, "publish_msgs_s": {{publishRate:0}}, "publish_mb_s": {{publishRate * body.Length / MB:0.0}}, "raw_client_publish_msgs_s": {{count / rawPublish.TotalSeconds:0}}, "consume_msgs_s": {{consumeRate:0}}, "consume_mb_s": {{consumeRate * body.Length / MB:0.0}}, "raw_client_consume_msgs_s": {{count / rawConsume.TotalSeconds:0}}, "publish_cpu_us_per_msg": {{MicrosecondsEach(publishCpu):0.0}}, "raw_client_publish_cpu_us_per_msg": {{MicrosecondsEach(rawPublishCpu):0.0}}, "publish_context_switches_per_msg": {{(double)publishSwitches / count:0.00}}, "raw_client_publish_context_switches_per_msg": {{(double)rawPublishSwitches / count:0.00}}, "consume_cpu_us_per_msg": {{MicrosecondsEach(consumeCpu):0.0}}, "raw_client_consume_cpu_us_per_msg": {{MicrosecondsEach(rawConsumeCpu):0.0}}, "publisher_confirms": true, "consumer_acks": true}"""));
        return 0;
    }

    /// <summary>The context switches of this process's threads so far (Linux; 0 elsewhere): how often work was handed from one thread to another.</summary>
    private static long ContextSwitches()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        long total = 0;
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                foreach (var line in File.ReadLines(Path.Combine(task, "status")))
                {
                    if (line.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal) || line.StartsWith("nonvoluntary_ctxt_switches:", StringComparison.Ordinal))
                    {
                        total += long.Parse(line.AsSpan(line.IndexOf(':') + 1).Trim(), CultureInfo.InvariantCulture);
                    }
                }
            }
            catch (IOException)
            {
                // The thread ended while it was read.
            }
        }

        return total;
    }

    /// <summary>Emits <paramref name="count"/> notifications from <paramref name="emitters"/> tasks at once and returns the driver once the broker confirmed them all.</summary>
    private static async Task<RabbitMQNotificationDriver> PublishAsync(string url, string exchange, string topic, NodeSetPowerStatePayload payload, int count, int emitters)
    {
        var driver = new RabbitMQNotificationDriver(new RabbitMQDriverOptions { TransportUrl = url, ControlExchange = exchange });
        using var notifier = new Notifier(new NotifierOptions { Level = NotificationLevel.Info, Topics = [topic], PublisherId = "ironic-conductor.hostname01" }, [driver]);
        await Task.WhenAll(Enumerable.Range(0, emitters).Select(emitter => Task.Run(async () =>
        {
            for (var i = emitter; i < count; i += emitters)
            {
                await notifier.EmitAsync(EventTypes.Baremetal.Node.PowerSet.Start, payload);
            }
        })));

        await notifier.FlushAsync();
        if (driver.Statistics.Confirmed != count || notifier.Statistics.Emitted != count)
        {
            throw new InvalidOperationException($"{count} emitted, but the driver says {driver.Statistics}");
        }

        return driver;
    }

    /// <summary>
    /// Publishes <paramref name="body"/> <paramref name="count"/> times with the bare client on one channel with
    /// publisher confirms, to the exchange and routing key oslo's notifier uses (which <see cref="PublishAsync"/>
    /// declared); the time until the broker confirmed the last. Up to 256 publishes await their confirms at once,
    /// as in our driver.
    /// </summary>
    private static async Task<TimeSpan> PublishRawAsync(string url, string exchange, string topic, byte[] body, int count)
    {
        await using var connection = await Factory(url).CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: false));
        ulong confirmed = 0;
        var nacked = 0;
        var window = new SemaphoreSlim(256);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Confirm(ulong tag, bool multiple)
        {
            // RabbitMQ confirms one channel's publishes in order, so the highest tag says how many are confirmed.
            var before = confirmed;
            confirmed = Math.Max(confirmed, tag);
            var released = multiple ? (int)(confirmed - before) : 1;
            if (released > 0)
            {
                window.Release(released);
            }

            if (confirmed == (ulong)count)
            {
                done.TrySetResult();
            }
        }

        channel.BasicAcksAsync += (_, args) =>
        {
            Confirm(args.DeliveryTag, args.Multiple);
            return Task.CompletedTask;
        };
        channel.BasicNacksAsync += (_, args) =>
        {
            Interlocked.Increment(ref nacked);
            Confirm(args.DeliveryTag, args.Multiple);
            return Task.CompletedTask;
        };
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await window.WaitAsync();
            await channel.BasicPublishAsync(exchange, topic + ".info", false, new BasicProperties
            {
                ContentType = "application/json",
                ContentEncoding = "utf-8",
                DeliveryMode = DeliveryModes.Persistent,
            }, body);
        }

        await done.Task.WaitAsync(TimeSpan.FromMinutes(5));
        var elapsed = watch.Elapsed;
        if (nacked > 0)
        {
            throw new InvalidOperationException($"the broker refused {nacked} of the bare client's publishes");
        }

        return elapsed;
    }

    /// <summary>Consumes <paramref name="count"/> notifications from oslo's <c>&lt;topic&gt;.info</c> queue; the time from start to the last handled.</summary>
    private static async Task<TimeSpan> ConsumeAsync(string url, string exchange, string topic, int count, int consumers)
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
        var listeners = Enumerable.Range(0, consumers).Select(_ => new RabbitMQNotificationListener(options, reader, dispatcher)).ToList();
        try
        {
            foreach (var listener in listeners)
            {
                await listener.StartAsync();
            }

            if (await Task.WhenAny(done.Task, Task.Delay(TimeSpan.FromMinutes(5))) != done.Task)
            {
                throw new TimeoutException($"{handled} of {count} consumed in 5 minutes: {string.Join("; ", listeners.Select(listener => listener.Statistics))}");
            }

            var elapsed = watch.Elapsed;
            foreach (var listener in listeners)
            {
                await listener.StopAsync();
            }

            return elapsed;
        }
        finally
        {
            foreach (var listener in listeners)
            {
                await listener.DisposeAsync();
            }
        }
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
