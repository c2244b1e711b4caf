using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;

namespace VersionedNotifications;

/// <summary>
/// The instruments of a listener on the <c>VersionedNotifications</c> meter, the same for every transport:
/// <c>versioned_notifications.&lt;transport&gt;.&lt;name&gt;</c> with the names below (<c>rabbitmq</c>, <c>amqp</c>).
/// </summary>
public static class ListenerMetrics
{
    /// <summary>Counter of messages received.</summary>
    public const string Received = "received";

    /// <summary>Counter of messages a typed handler took.</summary>
    public const string Handled = "handled";

    /// <summary>Counter of messages only the fallback handler took.</summary>
    public const string HandledByFallback = "handled_by_fallback";

    /// <summary>Counter of messages acknowledged unhandled on purpose (filters, no handler).</summary>
    public const string Skipped = "skipped";

    /// <summary>Counter of unreadable messages acknowledged after they were logged.</summary>
    public const string Discarded = "discarded";

    /// <summary>Counter of messages no typed handler could take, with the tag <c>reason</c> (an <see cref="UnreadableReason"/>).</summary>
    public const string Unreadable = "unreadable";

    /// <summary>Counter of messages given back to be delivered again.</summary>
    public const string Requeued = "requeued";

    /// <summary>Counter of messages refused for good.</summary>
    public const string Rejected = "rejected";

    /// <summary>Counter of messages copied to the dead-letter queue.</summary>
    public const string DeadLettered = "dead_lettered";

    /// <summary>The full instrument name of <paramref name="name"/> for <paramref name="transport"/>.</summary>
    public static string InstrumentName(string transport, string name) => $"versioned_notifications.{transport}.{name}";

    internal static void Register(Meter meter, string transport, NotificationListenerStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(meter);
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
