namespace VersionedNotifications.RabbitMQ;

/// <summary>
/// oslo.messaging's notification topology, declared the same way by the driver and the listener: the control
/// exchange (a topic exchange), and queues bound to it by <c>&lt;topic&gt;.&lt;priority&gt;</c>, all with the
/// durability and auto-delete of <c>amqp_durable_queues</c> (or <c>rabbit_quorum_queue</c>) and <c>amqp_auto_delete</c>,
/// the queues with oslo's arguments (<see cref="RabbitMQQueueArguments"/>).
/// </summary>
internal static class RabbitMQTopology
{
    /// <summary>Declares the control exchange.</summary>
    public static Task DeclareExchangeAsync(IChannel channel, IRabbitMQConnectionOptions options, CancellationToken cancellationToken) =>
        channel.ExchangeDeclareAsync(options.ControlExchange, ExchangeType.Topic, options.EffectiveDurable(), options.Broker.AutoDelete, null, false, false, cancellationToken);

    /// <summary>Declares <paramref name="queue"/> as oslo declares its queues and binds it to every key of <paramref name="routingKeys"/>.</summary>
    public static async Task DeclareQueueAsync(IChannel channel, IRabbitMQConnectionOptions options, string queue, IEnumerable<string> routingKeys, CancellationToken cancellationToken)
    {
        await channel.QueueDeclareAsync(queue, options.EffectiveDurable(), false, options.Broker.AutoDelete, RabbitMQQueueArguments.For(options), false, false, cancellationToken).ConfigureAwait(false);
        await BindAsync(channel, options, queue, routingKeys, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Binds <paramref name="queue"/> to the control exchange by every key of <paramref name="routingKeys"/>.</summary>
    public static async Task BindAsync(IChannel channel, IRabbitMQConnectionOptions options, string queue, IEnumerable<string> routingKeys, CancellationToken cancellationToken)
    {
        foreach (var key in routingKeys)
        {
            await channel.QueueBindAsync(queue, options.ControlExchange, key, null, false, cancellationToken).ConfigureAwait(false);
        }
    }
}
