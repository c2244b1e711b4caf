using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;

namespace VersionedNotifications;

/// <summary>
/// The instruments of a transport's driver and listener on the <c>VersionedNotifications</c> meter, the same
/// for every transport: <c>versioned_notifications.&lt;transport&gt;.&lt;name&gt;</c> (<see cref="InstrumentName"/>)
/// with the names below, the transport being <c>rabbitmq</c> or <c>qpid</c>.
/// </summary>
public static class TransportMetrics
{
    /// <summary>Driver: counter of attempts to publish.</summary>
    public const string Published = "published";

    /// <summary>Driver: counter of messages the broker confirmed.</summary>
    public const string Confirmed = "confirmed";

    /// <summary>Driver: counter of messages published again.</summary>
    public const string Republished = "republished";

    /// <summary>Driver: counter of messages given up.</summary>
    public const string Dropped = "dropped";

    /// <summary>Driver: gauge of messages waiting for a confirm.</summary>
    public const string Outstanding = "outstanding";

    /// <summary>Listener: counter of messages received.</summary>
    public const string Received = "received";

    /// <summary>Listener: counter of messages a typed handler took.</summary>
    public const string Handled = "handled";

    /// <summary>Listener: counter of messages only the fallback handler took.</summary>
    public const string HandledByFallback = "handled_by_fallback";

    /// <summary>Listener: counter of messages acknowledged unhandled on purpose (filters, no handler).</summary>
    public const string Skipped = "skipped";

    /// <summary>Listener: counter of unreadable messages acknowledged after they were logged.</summary>
    public const string Discarded = "discarded";

    /// <summary>Listener: counter of messages no typed handler could take, with the tag <c>reason</c> (an <see cref="UnreadableReason"/>).</summary>
    public const string Unreadable = "unreadable";

    /// <summary>Listener: counter of messages given back to be delivered again.</summary>
    public const string Requeued = "requeued";

    /// <summary>Listener: counter of messages refused for good.</summary>
    public const string Rejected = "rejected";

    /// <summary>Listener: counter of messages copied to the dead-letter queue.</summary>
    public const string DeadLettered = "dead_lettered";

    /// <summary>The full instrument name of <paramref name="name"/> for <paramref name="transport"/>.</summary>
    public static string InstrumentName(string transport, string name) => $"versioned_notifications.{transport}.{name}";

    internal static void RegisterDriver(Meter meter, string transport, NotificationDriverStatistics statistics)
    {
        void Counter(string name, Func<long> value, string description) =>
            meter.CreateObservableCounter(InstrumentName(transport, name), value, "{message}", description);

        Counter(Published, () => statistics.Published, "Attempts to publish.");
        Counter(Confirmed, () => statistics.Confirmed, "Messages the broker confirmed.");
        Counter(Republished, () => statistics.Republished, "Messages published again after the broker did not confirm them.");
        Counter(Dropped, () => statistics.Dropped, "Messages given up.");
        meter.CreateObservableGauge(InstrumentName(transport, Outstanding), () => statistics.Outstanding, "{message}", "Messages waiting for a confirm.");
    }

    internal static void RegisterListener(Meter meter, string transport, NotificationListenerStatistics statistics)
    {
        void Counter(string name, Func<long> value, string description) =>
            meter.CreateObservableCounter(InstrumentName(transport, name), value, "{message}", description);

        Counter(Received, () => statistics.Received, "Messages received.");
        Counter(Handled, () => statistics.Handled, "Messages a typed handler took.");
        Counter(HandledByFallback, () => statistics.HandledByFallback, "Messages only the fallback handler took.");
        Counter(Skipped, () => statistics.Skipped, "Messages acknowledged unhandled on purpose.");
        Counter(Discarded, () => statistics.Discarded, "Unreadable messages acknowledged after they were logged.");
        Counter(Requeued, () => statistics.Requeued, "Messages given back to be delivered again.");
        Counter(Rejected, () => statistics.Rejected, "Messages refused for good.");
        Counter(DeadLettered, () => statistics.DeadLettered, "Messages copied to the dead-letter queue.");
        meter.CreateObservableCounter(
            InstrumentName(transport, Unreadable),
            () => Enum.GetValues<UnreadableReason>().Select(reason => new Measurement<long>(statistics.UnreadableBy(reason), new KeyValuePair<string, object?>("reason", reason.ToString()))),
            "{message}",
            "Messages no typed handler could take, by reason.");
    }
}
