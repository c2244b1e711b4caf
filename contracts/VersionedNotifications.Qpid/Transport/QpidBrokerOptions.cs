namespace VersionedNotifications.Qpid;

/// <summary>
/// The settings of AMQP 1.0 alone (<c>Notifications:Qpid:*</c>, oslo's <c>[oslo_messaging_amqp]</c>): how notification
/// addresses are formed, the container id and the idle timeout. The driver's and the listener's options each hold one
/// as <c>Broker</c>. The defaults are oslo.messaging's, so both meet an OpenStack service configured with
/// <c>transport_url = amqp://...</c> on the same addresses.
/// </summary>
public sealed class QpidBrokerOptions
{
    /// <summary>oslo's <c>default_notification_exchange</c>: when set, the exchange part of the addresses instead of the control exchange.</summary>
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

    /// <summary>The AMQP container id of the connection (default: a new one per connection).</summary>
    public string? ContainerId { get; set; }

    /// <summary>The AMQP idle timeout announced to the peer, so a silent peer is noticed (default 0: none, as oslo's <c>idle_timeout</c>).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.Zero;

    /// <summary>Adds one message per problem, naming the option, to <paramref name="errors"/>: with <paramref name="transportUrl"/>, and with these settings.</summary>
    internal void AddErrors(string transportUrl, List<string> errors)
    {
        if (!AmqpTransportUrl.TryParse(transportUrl, out _, out var error))
        {
            errors.Add("TransportUrl: " + error);
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

        if (IdleTimeout < TimeSpan.Zero || IdleTimeout.TotalMilliseconds > uint.MaxValue)
        {
            errors.Add($"IdleTimeout: must be zero (none) or positive (got {IdleTimeout})");
        }
    }
}
