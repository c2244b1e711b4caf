using System.Collections.Concurrent;
using System.Text;
using VersionedNotifications.OpenStack.Ironic;
using VersionedNotifications.RabbitMQ.Tests.Infrastructure;
using GlanceEvents = VersionedNotifications.OpenStack.Glance.EventTypes;
using IronicEvents = VersionedNotifications.OpenStack.Ironic.EventTypes;

namespace VersionedNotifications.RabbitMQ.Tests.Listening;

/// <summary>The listener on a real broker: typed dispatch, ack after success, dead-letter/requeue/reject on failure, filters, prefetch, queues.</summary>
[Collection(BrokerCollection.Name)]
public sealed class NotificationListenerTests(Broker broker) : IAsyncLifetime
{
    private readonly string _exchange = Names.Unique("vn-ex");
    private readonly string _topic = Names.Unique("topic");
    private RabbitMQNotificationDriver _driver = null!;
    private Notifier _notifier = null!;

    public Task InitializeAsync()
    {
        _driver = new RabbitMQNotificationDriver(Emitters.DriverOptions(broker, _exchange));
        _notifier = new Notifier(Emitters.NotifierOptions(_topic), [_driver]);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _notifier.Dispose();
        await _driver.DisposeAsync();
    }

    private RabbitMQNotificationListener Listener(NotificationDispatcher dispatcher, Action<RabbitMQNotificationListenerOptions>? configure = null)
    {
        var options = Emitters.ListenerOptions(broker, _exchange, _topic);
        configure?.Invoke(options);
        return new RabbitMQNotificationListener(options, Emitters.Reader, dispatcher);
    }

    private async Task EmitPowerSetAsync(int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            await _notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Start, Emitters.PowerSetStart());
        }

        await _notifier.FlushAsync();
    }

    [Fact]
    public async Task A_pool_queue_deleted_under_the_listener_is_declared_again_and_consumed()
    {
        // Deleting a queue cancels its consumer but leaves the connection open: only the listener's own
        // check of its queue (every 5 s) notices, and it starts again on a new connection.
        var pool = Names.Unique("pool");
        var seen = 0;
        var dispatcher = new NotificationDispatcher(Emitters.Reader).On(IronicEvents.Baremetal.Node.PowerSet.Start, (_, _) =>
        {
            Interlocked.Increment(ref seen);
            return ValueTask.CompletedTask;
        });
        await using var listener = Listener(dispatcher, o => o.Pool = pool);
        await listener.StartAsync();
        await EmitPowerSetAsync();
        await Eventually.TrueAsync(() => seen == 1, TimeSpan.FromMinutes(2), () => listener.Statistics.ToString());

        await using (var connection = await broker.ConnectAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.QueueDeleteAsync(pool, false, false);
        }

        // After the check's 5 s and a reconnect, the pool queue is there again and consumed (the limit only catches a hang).
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (!await BrokerQueues.ExistsAsync(broker, pool))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The pool queue was not declared again within 2 minutes: {listener.Statistics}");
            await Task.Delay(100);
        }

        await EmitPowerSetAsync(2);
        await Eventually.TrueAsync(() => seen == 3, TimeSpan.FromMinutes(2), () => $"{seen} seen; {listener.Statistics}");
    }

    [Fact]
    public async Task A_failing_handler_sends_the_message_unchanged_to_the_dead_letter_queue()
    {
        var dispatcher = new NotificationDispatcher(Emitters.Reader).On(IronicEvents.Baremetal.Node.PowerSet.Start, (_, _) => throw new InvalidOperationException("node 42 is gone"));
        await using var listener = Listener(dispatcher);
        await listener.StartAsync();

        await EmitPowerSetAsync();
        await Eventually.TrueAsync(() => listener.Statistics.DeadLettered == 1, TimeSpan.FromMinutes(2), () => listener.Statistics.ToString());
        await listener.StopAsync();

        var dead = await BrokerQueues.TakeAsync(broker, _topic + ".dead");
        var headers = dead.BasicProperties.Headers!;
        Assert.Equal("System.InvalidOperationException: node 42 is gone", Encoding.UTF8.GetString((byte[])headers["x-vn-error"]!));
        Assert.Equal(_topic + ".info", Encoding.UTF8.GetString((byte[])headers["x-vn-queue"]!));
        Assert.Equal(_exchange, Encoding.UTF8.GetString((byte[])headers["x-vn-exchange"]!));
        Assert.Equal("application/json", dead.BasicProperties.ContentType);
        Assert.False(headers.ContainsKey("x-dotnet-pub-seq-no"), "the client's confirm-tracking header");
        Assert.IsType<DecodedNotification>(Emitters.Reader.Read(dead.Body.ToArray()));
        Assert.Equal(0u, await BrokerQueues.CountAsync(broker, _topic + ".info"));
    }

    [Fact]
    public async Task Filters_acknowledge_other_event_types_and_publishers_without_handling_them()
    {
        var handled = new ConcurrentQueue<string>();
        var dispatcher = new NotificationDispatcher(Emitters.Reader)
            .OnPayload<NodeSetPowerStatePayload>((n, _) =>
            {
                handled.Enqueue(n.EventType + " " + n.Header.PublisherId);
                return ValueTask.CompletedTask;
            });
        await using var listener = Listener(dispatcher, o =>
        {
            o.EventTypes = ["baremetal.node.power_set.end", "*.error"];
            o.Publishers = ["ironic-conductor.*"];
        });
        await listener.StartAsync();

        var payload = Emitters.PowerSetStart();
        await _notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Start, payload);
        await _notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.End, payload);
        await _notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Error, payload);
        await _notifier.EmitAsync(Notification.Create(NotificationHeader.New("baremetal.node.power_set.end", NotificationPriority.Info, "ironic-api.host"), payload));
        await _notifier.FlushAsync();
        await Eventually.TrueAsync(() => listener.Statistics.Received == 4 && listener.Statistics.Skipped + listener.Statistics.Handled == 4, TimeSpan.FromMinutes(2), () => listener.Statistics.ToString());

        Assert.Equal(["baremetal.node.power_set.end ironic-conductor.test-host", "baremetal.node.power_set.error ironic-conductor.test-host"], handled.Order(StringComparer.Ordinal));
        Assert.Equal(2, listener.Statistics.Skipped);
    }

    [Fact]
    public async Task Prefetch_bounds_the_messages_handed_over_before_acknowledgement()
    {
        var gate = new TaskCompletionSource();
        var dispatcher = new NotificationDispatcher(Emitters.Reader).On(IronicEvents.Baremetal.Node.PowerSet.Start, async (_, _) => await gate.Task);
        await using var listener = Listener(dispatcher, o =>
        {
            o.Prefetch = 3;
            o.MaxConcurrency = 5;
        });
        await EmitPowerSetAsync(10);
        await listener.StartAsync();

        await Eventually.TrueAsync(() => listener.Statistics.Received == 3, TimeSpan.FromMinutes(2), () => listener.Statistics.ToString());
        await Task.Delay(500);
        Assert.Equal(3, listener.Statistics.Received);

        gate.SetResult();
        await Eventually.TrueAsync(() => listener.Statistics.Handled == 10, TimeSpan.FromMinutes(2), () => listener.Statistics.ToString());
    }

    [Fact]
    public async Task Malformed_and_unknown_messages_reach_the_fallback_with_their_bytes()
    {
        var fallback = new ConcurrentQueue<NotificationReadResult>();
        var dispatcher = new NotificationDispatcher(Emitters.Reader).OnUnhandled((result, _) =>
        {
            fallback.Enqueue(result);
            return ValueTask.CompletedTask;
        });
        await using var listener = Listener(dispatcher);
        await listener.StartAsync();

        await BrokerQueues.PublishRawAsync(broker, _exchange, _topic + ".info", Encoding.UTF8.GetBytes("{\"oslo.version\": \"2.0\", \"oslo.message\": \"{not json\"}"));
        await BrokerQueues.PublishRawAsync(broker, _exchange, _topic + ".warn", Encoding.UTF8.GetBytes("""{"message_id": "m", "publisher_id": "p.h", "event_type": "compute.instance.create.end", "priority": "WARN", "payload": {}, "timestamp": "2024-01-02 03:04:05"}"""));
        await Eventually.TrueAsync(() => fallback.Count == 2, TimeSpan.FromMinutes(2), () => listener.Statistics.ToString());

        var results = fallback.ToArray();
        Assert.Contains(results, r => r is MalformedNotification { JsonPath: "$['oslo.message']" });
        Assert.Contains(results, r => r is UnsupportedNotification { Reason: UnsupportedReason.UnknownEventType });
        Assert.All(results, r => Assert.False(r.Message.IsEmpty));
        // Counted once acknowledged, a moment after the fallback returned.
        await Eventually.TrueAsync(() => listener.Statistics.HandledByFallback == 2, TimeSpan.FromMinutes(2), () => listener.Statistics.ToString());
        Assert.Equal(0, listener.Statistics.Skipped);
    }

    [Fact]
    public async Task Stopping_waits_for_the_running_handler()
    {
        var started = new TaskCompletionSource();
        var finished = false;
        var dispatcher = new NotificationDispatcher(Emitters.Reader).On(IronicEvents.Baremetal.Node.PowerSet.Start, async (_, _) =>
        {
            started.SetResult();
            await Task.Delay(300, CancellationToken.None);
            finished = true;
        });
        await using var listener = Listener(dispatcher);
        await listener.StartAsync();
        await EmitPowerSetAsync();
        await started.Task.WaitAsync(TimeSpan.FromMinutes(2));

        await listener.StopAsync();

        Assert.True(finished);
        Assert.Equal(1, listener.Statistics.Handled);
    }

    [Fact]
    public async Task A_private_queue_sees_everything_and_takes_nothing_from_oslo_s_queues()
    {
        var seen = 0;
        var dispatcher = new NotificationDispatcher(Emitters.Reader).OnUnhandled((_, _) =>
        {
            Interlocked.Increment(ref seen);
            return ValueTask.CompletedTask;
        });
        await using var listener = Listener(dispatcher, o => o.PrivateQueue = true);
        await listener.StartAsync();

        await EmitPowerSetAsync();
        await _notifier.EmitTextAsync(GlanceEvents.Image.Upload, NotificationPriority.Error, "upload failed");
        await _notifier.FlushAsync();
        await Eventually.TrueAsync(() => Volatile.Read(ref seen) == 2, TimeSpan.FromMinutes(2), () => listener.Statistics.ToString());

        Assert.StartsWith("amq.gen-", Assert.Single(listener.Queues));
        Assert.Equal(1u, await BrokerQueues.CountAsync(broker, _topic + ".info"));
        Assert.Equal(1u, await BrokerQueues.CountAsync(broker, _topic + ".error"));
    }

    [Fact]
    public async Task Listeners_of_one_pool_share_its_messages()
    {
        var pool = Names.Unique("pool");
        var first = 0;
        var second = 0;
        await using var a = Listener(new NotificationDispatcher(Emitters.Reader).OnUnhandled((_, _) => { Interlocked.Increment(ref first); return ValueTask.CompletedTask; }), o => o.Pool = pool);
        await using var b = Listener(new NotificationDispatcher(Emitters.Reader).OnUnhandled((_, _) => { Interlocked.Increment(ref second); return ValueTask.CompletedTask; }), o => o.Pool = pool);
        await a.StartAsync();
        await b.StartAsync();

        await EmitPowerSetAsync(20);
        await Eventually.TrueAsync(() => Volatile.Read(ref first) + Volatile.Read(ref second) == 20, TimeSpan.FromMinutes(2), () => $"{first} + {second}");

        Assert.Equal([pool], a.Queues);
        Assert.True(first > 0 && second > 0, $"{first} + {second}");
    }

    [Fact]
    public async Task Starting_against_no_broker_names_the_url_without_the_password()
    {
        var listener = new RabbitMQNotificationListener(
            new RabbitMQNotificationListenerOptions { TransportUrl = "rabbit://nova:secret@127.0.0.1:1/", ControlExchange = _exchange },
            Emitters.Reader,
            new NotificationDispatcher(Emitters.Reader));

        var error = await Assert.ThrowsAsync<BrokerUnavailableException>(() => listener.StartAsync());

        Assert.StartsWith("Cannot listen on rabbit://nova:***@127.0.0.1:1/ (exchange '", error.Message);
        Assert.DoesNotContain("secret", error.Message);
    }
}
