namespace VersionedNotifications.RabbitMQ;

/// <summary>
/// The settings of RabbitMQ alone (<c>Notifications:RabbitMQ:*</c>, oslo's <c>[oslo_messaging_rabbit]</c>): how the
/// queues are declared, which node of a cluster to try next, TLS and the connection's name. The driver's and the
/// listener's options each hold one as <c>Broker</c>. The defaults are oslo's.
/// </summary>
public sealed class RabbitMQBrokerOptions
{
    /// <summary>oslo's <c>amqp_auto_delete</c> (default <see langword="false"/>): whether the exchange and queues are declared auto-delete.</summary>
    public bool AutoDelete { get; set; }

    /// <summary>
    /// oslo's <c>[oslo_messaging_rabbit] rabbit_quorum_queue</c> (default <see langword="false"/>): declare the
    /// notification queues as quorum queues (<c>x-queue-type: quorum</c>), replicated over a cluster's nodes.
    /// As oslo does, it makes the exchange and queues durable whatever <c>DurableQueues</c> says, and it
    /// cannot be combined with <see cref="HaQueues"/>.
    /// </summary>
    public bool QuorumQueue { get; set; }

    /// <summary>oslo's <c>rabbit_quorum_delivery_limit</c> (default 0, no limit): a quorum queue drops a message redelivered more often (<c>x-delivery-limit</c>).</summary>
    public int QuorumDeliveryLimit { get; set; }

    /// <summary>oslo's <c>rabbit_quroum_max_memory_length</c> (spelled so in oslo.messaging 14; default 0, no limit): the messages a quorum queue keeps in memory (<c>x-max-in-memory-length</c>).</summary>
    public int QuorumMaxMemoryLength { get; set; }

    /// <summary>oslo's <c>rabbit_quroum_max_memory_bytes</c> (spelled so in oslo.messaging 14; default 0, no limit): the bytes a quorum queue keeps in memory (<c>x-max-in-memory-bytes</c>).</summary>
    public int QuorumMaxMemoryBytes { get; set; }

    /// <summary>
    /// oslo's <c>rabbit_ha_queues</c> (default <see langword="false"/>): declare the queues with <c>x-ha-policy: all</c>,
    /// as oslo does. RabbitMQ 3 ignores that argument; queues are mirrored only by a policy the operator sets
    /// (<c>rabbitmqctl set_policy HA '^(?!amq\.).*' '{"ha-mode": "all"}'</c>). It is declared so that a queue oslo
    /// declared first is declared alike.
    /// </summary>
    public bool HaQueues { get; set; }

    /// <summary>
    /// oslo's <c>kombu_failover_strategy</c> (default round-robin): which host of a multi-host transport URL to try
    /// next when the one connected to fails. Either way the hosts are first put in a random order, once per driver
    /// or listener, as oslo does, so services sharing one URL spread over the nodes.
    /// </summary>
    public RabbitMQFailoverStrategy FailoverStrategy { get; set; } = RabbitMQFailoverStrategy.RoundRobin;

    /// <summary>Connect with TLS (oslo's <c>[oslo_messaging_rabbit] ssl</c>); the server certificate must be valid for the host name.</summary>
    public bool UseTls { get; set; }

    /// <summary>The name the connection shows in the broker's management UI.</summary>
    public string? ConnectionName { get; set; }

    /// <summary>Adds one message per problem, naming the option, to <paramref name="errors"/>: with <paramref name="transportUrl"/>, and with these settings.</summary>
    internal void AddErrors(string transportUrl, List<string> errors)
    {
        if (!TransportUrl.TryParse(transportUrl, out _, out var error))
        {
            errors.Add("TransportUrl: " + error);
        }

        if (QuorumQueue && HaQueues)
        {
            errors.Add("QuorumQueue: cannot be combined with HaQueues; a queue is a quorum queue or a mirrored one, not both (oslo refuses rabbit_quorum_queue with rabbit_ha_queues too)");
        }

        AddNegativeError(errors, nameof(QuorumDeliveryLimit), QuorumDeliveryLimit);
        AddNegativeError(errors, nameof(QuorumMaxMemoryLength), QuorumMaxMemoryLength);
        AddNegativeError(errors, nameof(QuorumMaxMemoryBytes), QuorumMaxMemoryBytes);
        if (!Enum.IsDefined(FailoverStrategy))
        {
            errors.Add($"FailoverStrategy: {(int)FailoverStrategy} is not a failover strategy (round-robin or shuffle)");
        }
    }

    private static void AddNegativeError(List<string> errors, string option, int value)
    {
        if (value < 0)
        {
            errors.Add($"{option}: must be 0 (no limit) or more (got {value})");
        }
    }
}
