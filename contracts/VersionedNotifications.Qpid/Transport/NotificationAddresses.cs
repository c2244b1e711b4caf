namespace VersionedNotifications.Qpid;

/// <summary>
/// The AMQP 1.0 address of a notification topic and priority, formed as oslo.messaging's amqp1 driver forms
/// it (oslo_messaging/_drivers/amqp1_driver/addressing.py, <c>anycast_address</c> of a notification target):
/// the parts joined by <c>.</c> (legacy) or <c>/</c> (routable), empty parts left out. The exchange is oslo's
/// <c>default_notification_exchange</c>, else <c>control_exchange</c>; the virtual host is the transport URL's
/// path when <see cref="QpidBrokerOptions.PseudoVirtualHost"/> is on.
/// </summary>
internal sealed class NotificationAddresses(IQpidConnectionOptions options, QpidAddressingMode mode, string? virtualHost)
{
    /// <summary>The mode the addresses follow, <see cref="QpidAddressingMode.Dynamic"/> resolved.</summary>
    public QpidAddressingMode Mode { get; } = mode;

    /// <summary>Resolves <see cref="QpidAddressingMode.Dynamic"/> for a peer that calls itself <paramref name="product"/> in its open frame.</summary>
    public static QpidAddressingMode Resolve(QpidAddressingMode configured, string? product) => configured switch
    {
        QpidAddressingMode.Dynamic when product is null or "qpid-cpp" or "RabbitMQ" => QpidAddressingMode.Legacy,
        QpidAddressingMode.Dynamic => QpidAddressingMode.Routable,
        _ => configured,
    };

    /// <summary>The address of <paramref name="topicAndPriority"/> (<c>notifications.info</c>).</summary>
    public string For(string topicAndPriority)
    {
        var vhost = options.Broker.PseudoVirtualHost ? virtualHost : null;
        var exchange = options.Broker.NotificationExchange ?? options.ControlExchange;
        return Mode == QpidAddressingMode.Routable
            ? Join('/', options.Broker.NotifyAddressPrefix, options.Broker.AnycastAddress, vhost, exchange, topicAndPriority)
            : Join('.', options.Broker.GroupRequestPrefix, vhost, exchange, topicAndPriority);
    }

    private static string Join(char separator, params string?[] parts) =>
        string.Join(separator, Array.FindAll(parts, part => !string.IsNullOrEmpty(part)));
}
