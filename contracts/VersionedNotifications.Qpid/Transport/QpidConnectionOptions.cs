using System;
using System.Collections.Generic;

namespace VersionedNotifications.Qpid;

/// <summary>
/// Where the AMQP 1.0 peer is and how notification addresses look on it; shared by the driver and the
/// listener. The defaults are oslo.messaging's (<c>[oslo_messaging_amqp]</c>), so both meet an OpenStack
/// service configured with <c>transport_url = amqp://...</c> on the same addresses.
/// </summary>
public abstract class QpidConnectionOptions
{
    /// <summary>oslo's <c>[DEFAULT] control_exchange</c> default.</summary>
    public const string DefaultControlExchange = "openstack";

    /// <summary>oslo's <c>transport_url</c>: <c>amqp://user:pass@host:5672/</c> (see <see cref="AmqpTransportUrl"/>); by default <c>localhost</c>, anonymously.</summary>
    public string TransportUrl { get; set; } = "amqp://";

    /// <summary>oslo's <c>control_exchange</c> (default <c>openstack</c>; glance sets <c>glance</c>, ironic <c>ironic</c>): part of every address.</summary>
    public string ControlExchange { get; set; } = DefaultControlExchange;

    /// <summary>oslo's <c>default_notification_exchange</c>: when set, the exchange part of the addresses instead of <see cref="ControlExchange"/>.</summary>
    public string? NotificationExchange { get; set; }

    /// <summary>oslo's <c>addressing_mode</c> (default <see cref="QpidAddressingMode.Dynamic"/>).</summary>
    public QpidAddressingMode Addressing { get; set; } = QpidAddressingMode.Dynamic;

    /// <summary>oslo's <c>group_request_prefix</c>, the first part of a legacy address (default <c>unicast</c>).</summary>
    public string GroupRequestPrefix { get; set; } = "unicast";

    /// <summary>oslo's <c>notify_address_prefix</c>, the first part of a routable address (default <c>openstack.org/om/notify</c>).</summary>
    public string NotifyAddressPrefix { get; set; } = "openstack.org/om/notify";

    /// <summary>oslo's <c>anycast_address</c>, the part after the prefix of a routable address (default <c>anycast</c>).</summary>
    public string AnycastAddress { get; set; } = "anycast";

    /// <summary>oslo's <c>pseudo_vhost</c> (default <see langword="true"/>): the transport URL's virtual host becomes part of every address.</summary>
    public bool PseudoVirtualHost { get; set; } = true;

    /// <summary>
    /// Ask for durable nodes (terminus durability <c>configuration</c>; default <see langword="false"/>, as oslo,
    /// which asks for none). RabbitMQ's AMQP 1.0 plugin then declares the queue behind an address durable, and
    /// with durable messages it outlives a broker restart. It must match what the other clients of the broker
    /// ask, or RabbitMQ refuses the link (PRECONDITION_FAILED).
    /// </summary>
    public bool DurableQueues { get; set; }

    /// <summary>The AMQP container id of the connection (default: a new one per connection).</summary>
    public string? ContainerId { get; set; }

    /// <summary>How long to wait before connecting again after a lost connection; doubled per failure up to 30 s (default 1 s; oslo's <c>connection_retry_interval</c>).</summary>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The AMQP idle timeout announced to the peer, so a silent peer is noticed (default 0: none, as oslo's <c>idle_timeout</c>).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.Zero;

    /// <summary>What is wrong with the connection options, one message per problem naming the option.</summary>
    public virtual IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!AmqpTransportUrl.TryParse(TransportUrl, out _, out var error))
        {
            errors.Add("TransportUrl: " + error);
        }

        if (string.IsNullOrWhiteSpace(ControlExchange))
        {
            errors.Add("ControlExchange: cannot be empty (oslo's default is 'openstack')");
        }

        if (NotificationExchange is not null && string.IsNullOrWhiteSpace(NotificationExchange))
        {
            errors.Add("NotificationExchange: cannot be blank; leave it unset to use ControlExchange");
        }

        if (!Enum.IsDefined(Addressing))
        {
            errors.Add($"Addressing: {(int)Addressing} is not a mode; use Dynamic, Legacy or Routable");
        }

        if (string.IsNullOrWhiteSpace(NotifyAddressPrefix))
        {
            errors.Add("NotifyAddressPrefix: cannot be empty (oslo's is 'openstack.org/om/notify')");
        }

        if (string.IsNullOrWhiteSpace(AnycastAddress))
        {
            errors.Add("AnycastAddress: cannot be empty (oslo's is 'anycast')");
        }

        if (RecoveryInterval <= TimeSpan.Zero)
        {
            errors.Add($"RecoveryInterval: must be positive (got {RecoveryInterval})");
        }

        if (IdleTimeout < TimeSpan.Zero || IdleTimeout.TotalMilliseconds > uint.MaxValue)
        {
            errors.Add($"IdleTimeout: must be zero (none) or positive (got {IdleTimeout})");
        }

        return errors;
    }
}
