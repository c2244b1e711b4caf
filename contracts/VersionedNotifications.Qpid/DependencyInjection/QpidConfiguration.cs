using Microsoft.Extensions.Configuration;
using VersionedNotifications.Extensions.Hosting;

namespace VersionedNotifications.Qpid;

/// <summary>
/// The keys of the <c>Notifications</c> section the AMQP 1.0 driver and listener read: those of every transport
/// (<see cref="TransportSection{TDriver, TListener}"/>), and AMQP 1.0's own under <c>Qpid</c> (oslo's
/// <c>[oslo_messaging_amqp]</c>): <c>Addressing</c>, <c>NotificationExchange</c>, <c>GroupRequestPrefix</c>,
/// <c>NotifyAddressPrefix</c>, <c>AnycastAddress</c>, <c>PseudoVirtualHost</c>, <c>ContainerId</c>, <c>IdleTimeout</c>,
/// <c>Format</c>; and under <c>Listener</c>: <c>Credit</c>, <c>OnFailure</c>.
/// </summary>
internal static class QpidConfiguration
{
    /// <summary>The section of AMQP 1.0, with the keys of its own that it reads, and its binders.</summary>
    public static TransportSection<QpidDriverOptions, QpidNotificationListenerOptions> Section { get; } = new("Qpid", ["Addressing", "NotificationExchange", "GroupRequestPrefix", "NotifyAddressPrefix", "AnycastAddress", "PseudoVirtualHost", "ContainerId", "IdleTimeout", "Format"], BindDriver, BindListenerBroker, BindListener);

    private static void BindDriver(IConfiguration qpid, QpidDriverOptions options, List<string> errors)
    {
        BindBroker(qpid, options.Broker, errors);
        options.Format = ConfigurationValues.ReadEnum<MessageFormat>(qpid, "Format", errors) ?? options.Format;
    }

    private static void BindListenerBroker(IConfiguration qpid, QpidNotificationListenerOptions options, List<string> errors) => BindBroker(qpid, options.Broker, errors);

    private static void BindBroker(IConfiguration qpid, QpidBrokerOptions options, List<string> errors)
    {
        options.Addressing = ConfigurationValues.ReadEnum<QpidAddressingMode>(qpid, "Addressing", errors) ?? options.Addressing;
        options.NotificationExchange = ConfigurationValues.ReadString(qpid, "NotificationExchange") ?? options.NotificationExchange;
        options.GroupRequestPrefix = ConfigurationValues.ReadString(qpid, "GroupRequestPrefix") ?? options.GroupRequestPrefix;
        options.NotifyAddressPrefix = ConfigurationValues.ReadString(qpid, "NotifyAddressPrefix") ?? options.NotifyAddressPrefix;
        options.AnycastAddress = ConfigurationValues.ReadString(qpid, "AnycastAddress") ?? options.AnycastAddress;
        options.PseudoVirtualHost = ConfigurationValues.ReadBool(qpid, "PseudoVirtualHost", errors) ?? options.PseudoVirtualHost;
        options.ContainerId = ConfigurationValues.ReadString(qpid, "ContainerId") ?? options.ContainerId;
        options.IdleTimeout = ConfigurationValues.ReadDuration(qpid, "IdleTimeout", errors) ?? options.IdleTimeout;
    }

    private static void BindListener(IConfiguration listener, QpidNotificationListenerOptions options, List<string> errors)
    {
        options.Credit = ConfigurationValues.ReadInt(listener, "Credit", 1, ushort.MaxValue, errors) ?? options.Credit;
        options.OnFailure = ConfigurationValues.ReadEnum<QpidListenerFailureAction>(listener, "OnFailure", errors) ?? options.OnFailure;
    }
}
