using System.Diagnostics.Metrics;

namespace VersionedNotifications.Qpid;

/// <summary>The AMQP 1.0 driver's and listener's instruments: <see cref="TransportMetrics"/>'s, named <c>versioned_notifications.qpid.*</c>.</summary>
public static class QpidMetrics
{
    /// <summary>The transport's word in instrument names.</summary>
    public const string Transport = "qpid";

    /// <summary>Counter of messages a listener received.</summary>
    public const string Received = "versioned_notifications.qpid.listener.received";

    /// <summary>Counter of messages a listener's handlers took and accepted.</summary>
    public const string Handled = "versioned_notifications.qpid.listener.handled";

    /// <summary>Counter of messages a listener accepted without a typed handler (filtered out, or no handler).</summary>
    public const string Skipped = "versioned_notifications.qpid.listener.skipped";

    /// <summary>Counter of messages a handler failed on that were released to the peer.</summary>
    public const string Released = "versioned_notifications.qpid.listener.released";

    /// <summary>Counter of messages a handler failed on that were rejected.</summary>
    public const string Rejected = "versioned_notifications.qpid.listener.rejected";

    internal static void RegisterListener(Meter meter, QpidNotificationListenerStatistics statistics)
    {
        meter.CreateObservableCounter(Received, () => statistics.Received, "{message}", "Messages received.");
        meter.CreateObservableCounter(Handled, () => statistics.Handled, "{message}", "Messages handled and accepted.");
        meter.CreateObservableCounter(Skipped, () => statistics.Skipped, "{message}", "Messages accepted without a typed handler.");
        meter.CreateObservableCounter(Released, () => statistics.Released, "{message}", "Messages released after a handler failed.");
        meter.CreateObservableCounter(Rejected, () => statistics.Rejected, "{message}", "Messages rejected after a handler failed.");
    }
}
