namespace VersionedNotifications.RabbitMQ;

/// <summary>What follows from a connection's options, as oslo's rabbit driver derives it.</summary>
internal static class RabbitMQConnectionRules
{
    /// <summary>Whether the exchange and queues are declared durable: <c>DurableQueues</c>, or always with a quorum queue (oslo's <c>Connection.durable</c>).</summary>
    public static bool EffectiveDurable(this IRabbitMQConnectionOptions options) => options.DurableQueues || options.Broker.QuorumQueue;

    /// <summary>The wait before reconnecting after <paramref name="failures"/> failed attempts in a row: <c>RecoveryInterval</c> times the count, at most 10 times and at most 30 s.</summary>
    public static TimeSpan ReconnectDelay(this IRabbitMQConnectionOptions options, int failures) =>
        TimeSpan.FromTicks(Math.Min(options.RecoveryInterval.Ticks * Math.Min(failures, 10), TimeSpan.FromSeconds(30).Ticks));
}
