using System.Diagnostics.Metrics;

namespace VersionedNotifications.Qpid;

/// <summary>The instruments of the AMQP 1.0 driver and listener on the <c>VersionedNotifications</c> meter.</summary>
public static class QpidMetrics
{
    /// <summary>Counter of send attempts.</summary>
    public const string Sent = "versioned_notifications.qpid.sent";

    /// <summary>Counter of messages the peer accepted.</summary>
    public const string Accepted = "versioned_notifications.qpid.accepted";

    /// <summary>Counter of messages sent again.</summary>
    public const string Resent = "versioned_notifications.qpid.resent";

    /// <summary>Counter of messages given up.</summary>
    public const string Dropped = "versioned_notifications.qpid.dropped";

    /// <summary>Gauge of messages waiting for the peer's acceptance.</summary>
    public const string Outstanding = "versioned_notifications.qpid.outstanding";

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

    internal static void RegisterDriver(Meter meter, QpidDriverStatistics statistics)
    {
        meter.CreateObservableCounter(Sent, () => statistics.Sent, "{message}", "Send attempts.");
        meter.CreateObservableCounter(Accepted, () => statistics.Accepted, "{message}", "Messages the peer accepted.");
        meter.CreateObservableCounter(Resent, () => statistics.Resent, "{message}", "Messages sent again after the peer did not accept them.");
        meter.CreateObservableCounter(Dropped, () => statistics.Dropped, "{message}", "Messages given up.");
        meter.CreateObservableGauge(Outstanding, () => statistics.Outstanding, "{message}", "Messages waiting for the peer's acceptance.");
    }

    internal static void RegisterListener(Meter meter, QpidNotificationListenerStatistics statistics)
    {
        meter.CreateObservableCounter(Received, () => statistics.Received, "{message}", "Messages received.");
        meter.CreateObservableCounter(Handled, () => statistics.Handled, "{message}", "Messages handled and accepted.");
        meter.CreateObservableCounter(Skipped, () => statistics.Skipped, "{message}", "Messages accepted without a typed handler.");
        meter.CreateObservableCounter(Released, () => statistics.Released, "{message}", "Messages released after a handler failed.");
        meter.CreateObservableCounter(Rejected, () => statistics.Rejected, "{message}", "Messages rejected after a handler failed.");
    }
}
