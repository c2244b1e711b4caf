namespace VersionedNotifications.RabbitMQ;

/// <summary>oslo's <c>[oslo_messaging_rabbit] kombu_failover_strategy</c>: the host tried after the one connected to fails.</summary>
public enum RabbitMQFailoverStrategy
{
    /// <summary><c>round-robin</c> (oslo's default): the next host of the list, and after the last the first again.</summary>
    RoundRobin,

    /// <summary><c>shuffle</c>: a host drawn at random from all of them each time (it can be the one that just failed).</summary>
    Shuffle,
}
