using global::RabbitMQ.Client.Events;
using VersionedNotifications.Drivers;

namespace VersionedNotifications.RabbitMQ;

/// <summary>
/// The connection side of a <see cref="RabbitMQNotificationListener"/>: opens a session (connection, channel,
/// oslo's exchange and queues or a pool's or a private one, consumers, the dead-letter publisher), watches it,
/// and after a loss opens a new one, with a backoff, while the broker is away.
/// </summary>
internal sealed partial class RabbitMQListenerConnector(
    RabbitMQNotificationListenerOptions options,
    RabbitMQConnectionSupervisor connection,
    Func<RabbitMQListenerSession, string, BasicDeliverEventArgs, Task> handle,
    ILogger logger)
{
    // How often the connector checks that its connection still works, and how long an answer may take.
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(5);

    /// <summary>One connection with its channels, queues and consumers, declared and consuming.</summary>
    public async Task<RabbitMQListenerSession> OpenAsync(CancellationToken cancellationToken)
    {
        IChannel? consuming = null;
        DeadLetterPublisher? deadLetters = null;
        try
        {
            var opened = await connection.ConnectAsync(cancellationToken).ConfigureAwait(false);
            consuming = await opened.CreateChannelAsync(new CreateChannelOptions(false, false, null, (ushort)options.MaxConcurrency), cancellationToken).ConfigureAwait(false);
            await consuming.BasicQosAsync(0, options.Prefetch, false, cancellationToken).ConfigureAwait(false);
            await RabbitMQTopology.DeclareExchangeAsync(consuming, options, cancellationToken).ConfigureAwait(false);
            var queues = await DeclareQueuesAsync(consuming, cancellationToken).ConfigureAwait(false);
            if (options.Policy.OnHandlerFailure == SettleDecision.DeadLetter || options.Policy.OnUnreadable == SettleDecision.DeadLetter)
            {
                deadLetters = await DeadLetterPublisher.OpenAsync(opened, options.EffectiveDeadLetterQueue, cancellationToken).ConfigureAwait(false);
            }

            // One handler at a time handles deliveries in order, so one acknowledgement can cover several.
            var batch = options.MaxConcurrency == 1 ? Math.Max(1, options.Prefetch / 2) : 1;
            var session = new RabbitMQListenerSession(connection, consuming, deadLetters, queues, batch);
            foreach (var queue in queues)
            {
                var consumer = new AsyncEventingBasicConsumer(consuming);
                consumer.ReceivedAsync += (_, delivery) => handle(session, queue, delivery);
                session.ConsumerTags.Add(await consuming.BasicConsumeAsync(queue, false, consumer, cancellationToken).ConfigureAwait(false));
            }

            return session;
        }
        catch (Exception error)
        {
            await connection.CloseAsync(deadLetters?.Channel, consuming).ConfigureAwait(false);
            if (error is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            var refusal = (error as NotificationRefusedException)?.Message
                ?? RabbitMQRefusals.Explain(error, options, $"declare the exchange '{options.ControlExchange}' and the queues of the listener with durable={options.EffectiveDurable()}, auto_delete={options.Broker.AutoDelete}, quorum={options.Broker.QuorumQueue}");
            if (refusal is not null)
            {
                throw new BrokerRefusedException($"Cannot listen on {connection.Url}: {refusal}", error);
            }

            throw new BrokerUnavailableException($"Cannot listen on {connection.Url} (exchange '{options.ControlExchange}'): {Describe(error)}", error);
        }
    }

    /// <summary>The first session: a host that cannot be reached is passed over for the next, each tried once, before the listener gives up.</summary>
    public async Task<RabbitMQListenerSession> OpenFirstAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await OpenAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (BrokerUnavailableException) when (attempt < connection.HostCount)
            {
                // The supervisor moved on to the next host by the failover strategy.
            }
        }
    }

    /// <summary>
    /// Waits for the connection to drop and opens a new session, again and again (with a backoff) while the broker
    /// is away; <paramref name="reconnected"/> gets each new session. Returns when <paramref name="closing"/> fires.
    /// </summary>
    public async Task KeepConnectedAsync(RabbitMQListenerSession session, Action<RabbitMQListenerSession> reconnected, CancellationToken closing)
    {
        while (true)
        {
            try
            {
                await WatchAsync(session, closing).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            session.Dispose();
            connection.Abandon(session.DeadLetters?.Channel, session.Consuming);
            for (var failures = 1; ; failures++)
            {
                try
                {
                    await Task.Delay(connection.ReconnectDelay(failures), closing).ConfigureAwait(false);
                    session = await OpenAsync(closing).ConfigureAwait(false);
                    break;
                }
                catch (OperationCanceledException) when (closing.IsCancellationRequested)
                {
                    return;
                }
                catch (BrokerUnavailableException error)
                {
                    if (failures == 1)
                    {
                        LogReconnectFailed(logger, error.Message, connection.Url);
                    }
                }
            }

            reconnected(session);
            LogReconnected(logger, connection.Url, string.Join(", ", session.Queues));
        }
    }

    /// <summary>
    /// Waits until the session's connection is lost, asking the broker every 5 s whether its first queue is
    /// still there: a connection can stop working without the client noticing (a broker that stopped reading
    /// while shutting down), and a queue deleted under the consumer ends consuming without closing the
    /// connection. No answer within 5 s, or an error, gives the connection up.
    /// </summary>
    private static async Task WatchAsync(RabbitMQListenerSession session, CancellationToken closing)
    {
        while (true)
        {
            var check = Task.Delay(CheckInterval, closing);
            if (await Task.WhenAny(session.Lost, check).ConfigureAwait(false) == session.Lost)
            {
                return;
            }

            await check.ConfigureAwait(false); // throws when closing
            using var answer = CancellationTokenSource.CreateLinkedTokenSource(closing);
            answer.CancelAfter(CheckInterval);
            try
            {
                await session.Consuming.QueueDeclarePassiveAsync(session.Queues[0], answer.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (closing.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException)
            {
                session.GiveUp($"the broker did not answer a check within {CheckInterval.TotalSeconds:0} s");
            }
            catch (Exception error)
            {
                session.GiveUp($"checking queue '{session.Queues[0]}' failed: {Describe(error)}");
            }
        }
    }

    private async Task<IReadOnlyList<string>> DeclareQueuesAsync(IChannel channel, CancellationToken cancellationToken)
    {
        var keys = options.TopicsAndPriorities;
        if (options.PrivateQueue)
        {
            var declared = await channel.QueueDeclareAsync(string.Empty, false, true, true, null, false, false, cancellationToken).ConfigureAwait(false);
            await RabbitMQTopology.BindAsync(channel, options, declared.QueueName, keys, cancellationToken).ConfigureAwait(false);
            return [declared.QueueName];
        }

        if (options.Pool is { } pool)
        {
            await RabbitMQTopology.DeclareQueueAsync(channel, options, pool, keys, cancellationToken).ConfigureAwait(false);
            return [pool];
        }

        foreach (var key in keys)
        {
            await RabbitMQTopology.DeclareQueueAsync(channel, options, key, [key], cancellationToken).ConfigureAwait(false);
        }

        return keys;
    }

    private static string Describe(Exception error) =>
        error is global::RabbitMQ.Client.Exceptions.OperationInterruptedException { ShutdownReason: { } reason }
            ? $"the broker said {reason.ReplyCode} {reason.ReplyText}" + (reason.ReplyCode == 406 ? " (the exchange or a queue exists with other settings: set DurableQueues, AutoDelete and QuorumQueue as oslo's amqp_durable_queues, amqp_auto_delete and rabbit_quorum_queue are set there)" : string.Empty)
            : (error.InnerException is { } inner ? $"{error.Message} ({inner.Message})" : error.Message);

    [LoggerMessage(9, LogLevel.Warning, "Cannot reach {Url} yet ({Reason}); trying again")]
    private static partial void LogReconnectFailed(ILogger logger, string reason, string url);

    [LoggerMessage(10, LogLevel.Information, "Reconnected to {Url}; consuming again from {Queues}")]
    private static partial void LogReconnected(ILogger logger, string url, string queues);
}
