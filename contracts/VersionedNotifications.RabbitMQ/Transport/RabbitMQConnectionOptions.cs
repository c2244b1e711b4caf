using System;
using System.Collections.Generic;

namespace VersionedNotifications.RabbitMQ;

/// <summary>
/// Where the broker is and how oslo.messaging's topology on it looks; shared by the driver and the
/// listener. The defaults are oslo's, so both meet an OpenStack service on the same exchange and queues.
/// </summary>
public abstract class RabbitMQConnectionOptions
{
    /// <summary>oslo's <c>[DEFAULT] control_exchange</c> default.</summary>
    public const string DefaultControlExchange = "openstack";

    /// <summary>oslo's <c>transport_url</c>: <c>rabbit://user:pass@host:5672/vhost</c> (see <see cref="RabbitMQ.TransportUrl"/>); by default <c>localhost</c> as guest.</summary>
    public string TransportUrl { get; set; } = "rabbit://";

    /// <summary>The topic exchange notifications go through: oslo's <c>control_exchange</c> (default <c>openstack</c>; ironic sets <c>ironic</c>, glance <c>glance</c>).</summary>
    public string ControlExchange { get; set; } = DefaultControlExchange;

    /// <summary>
    /// oslo's <c>[oslo_messaging_rabbit] amqp_durable_queues</c> (default <see langword="false"/>): whether the
    /// exchange and queues are declared durable. It must match what the services on the broker declare,
    /// or the broker refuses the declaration (PRECONDITION_FAILED). Messages outlive a broker restart only
    /// in durable queues.
    /// </summary>
    public bool DurableQueues { get; set; }

    /// <summary>oslo's <c>amqp_auto_delete</c> (default <see langword="false"/>): whether the exchange and queues are declared auto-delete.</summary>
    public bool AutoDelete { get; set; }

    /// <summary>
    /// oslo's <c>[oslo_messaging_rabbit] rabbit_quorum_queue</c> (default <see langword="false"/>): declare the
    /// notification queues as quorum queues (<c>x-queue-type: quorum</c>), replicated over a cluster's nodes.
    /// As oslo does, it makes the exchange and queues durable whatever <see cref="DurableQueues"/> says, and it
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
    /// oslo's <c>kombu_failover_strategy</c> (default round-robin): which host of a multi-host
    /// <see cref="TransportUrl"/> to try next when the one connected to fails. Either way the hosts are first put in a
    /// random order, once per driver or listener, as oslo does, so services sharing one URL spread over the nodes.
    /// </summary>
    public RabbitMQFailoverStrategy FailoverStrategy { get; set; } = RabbitMQFailoverStrategy.RoundRobin;

    /// <summary>Whether the exchange and queues are declared durable: <see cref="DurableQueues"/>, or always with <see cref="QuorumQueue"/> (oslo's <c>Connection.durable</c>).</summary>
    internal bool EffectiveDurable => DurableQueues || QuorumQueue;

    /// <summary>Connect with TLS (oslo's <c>[oslo_messaging_rabbit] ssl</c>); the server certificate must be valid for the host name.</summary>
    public bool UseTls { get; set; }

    /// <summary>The name the connection shows in the broker's management UI.</summary>
    public string? ConnectionName { get; set; }

    /// <summary>How long to wait between attempts to reach the broker (default 1 s; oslo's <c>rabbit_retry_interval</c>).</summary>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait before reconnecting after <paramref name="failures"/> failed attempts in a row: <see cref="RecoveryInterval"/> times the count, at most 10 times and at most 30 s.</summary>
    internal TimeSpan ReconnectDelay(int failures) =>
        TimeSpan.FromTicks(Math.Min(RecoveryInterval.Ticks * Math.Min(failures, 10), TimeSpan.FromSeconds(30).Ticks));

    /// <summary>What is wrong with the connection options, one message per problem naming the option.</summary>
    public virtual IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!RabbitMQ.TransportUrl.TryParse(TransportUrl, out _, out var error))
        {
            errors.Add("TransportUrl: " + error);
        }

        if (string.IsNullOrWhiteSpace(ControlExchange))
        {
            errors.Add("ControlExchange: cannot be empty (oslo's default is 'openstack')");
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

        if (RecoveryInterval <= TimeSpan.Zero)
        {
            errors.Add($"RecoveryInterval: must be positive (got {RecoveryInterval})");
        }

        return errors;
    }

    private static void AddNegativeError(List<string> errors, string option, int value)
    {
        if (value < 0)
        {
            errors.Add($"{option}: must be 0 (no limit) or more (got {value})");
        }
    }
}
