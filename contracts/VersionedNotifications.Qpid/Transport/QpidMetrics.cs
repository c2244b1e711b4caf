namespace VersionedNotifications.Qpid;

/// <summary>The AMQP 1.0 driver's and listener's instruments: <see cref="TransportMetrics"/>'s, named <c>versioned_notifications.qpid.*</c>.</summary>
public static class QpidMetrics
{
    /// <summary>The transport's word in instrument names.</summary>
    public const string Transport = "qpid";
}
