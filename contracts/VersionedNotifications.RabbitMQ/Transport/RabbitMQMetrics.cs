using System.Diagnostics.Metrics;

namespace VersionedNotifications.RabbitMQ;

/// <summary>The instruments of the RabbitMQ driver and listener on the <c>VersionedNotifications</c> meter.</summary>
public static class RabbitMQMetrics
{
    /// <summary>Counter of publish attempts.</summary>
    public const string Published = "versioned_notifications.rabbitmq.published";

    /// <summary>Counter of messages the broker confirmed.</summary>
    public const string Confirmed = "versioned_notifications.rabbitmq.confirmed";

    /// <summary>Counter of messages published again.</summary>
    public const string Republished = "versioned_notifications.rabbitmq.republished";

    /// <summary>Counter of messages given up.</summary>
    public const string Dropped = "versioned_notifications.rabbitmq.dropped";

    /// <summary>Gauge of messages waiting for a confirm.</summary>
    public const string Outstanding = "versioned_notifications.rabbitmq.outstanding";

    /// <summary>Counter of messages a listener received.</summary>
    public const string Received = "versioned_notifications.listener.received";

    /// <summary>Counter of messages a listener's handlers took and acknowledged.</summary>
    public const string Handled = "versioned_notifications.listener.handled";

    /// <summary>Counter of messages a listener acknowledged without a typed handler (filtered out, or no handler).</summary>
    public const string Skipped = "versioned_notifications.listener.skipped";

    /// <summary>Counter of messages a handler failed on and that were requeued.</summary>
    public const string Requeued = "versioned_notifications.listener.requeued";

    /// <summary>Counter of messages a handler failed on and that were dead-lettered or rejected.</summary>
    public const string DeadLettered = "versioned_notifications.listener.dead_lettered";

    internal static void RegisterDriver(Meter meter, RabbitMQDriverStatistics statistics)
    {
        meter.CreateObservableCounter(Published, () => statistics.Published, "{message}", "Publish attempts.");
        meter.CreateObservableCounter(Confirmed, () => statistics.Confirmed, "{message}", "Messages the broker confirmed.");
        meter.CreateObservableCounter(Republished, () => statistics.Republished, "{message}", "Messages published again after a nack or a lost connection.");
        meter.CreateObservableCounter(Dropped, () => statistics.Dropped, "{message}", "Messages given up.");
        meter.CreateObservableGauge(Outstanding, () => statistics.Outstanding, "{message}", "Messages waiting for a confirm.");
    }

    internal static void RegisterListener(Meter meter, NotificationListenerStatistics statistics)
    {
        meter.CreateObservableCounter(Received, () => statistics.Received, "{message}", "Messages received.");
        meter.CreateObservableCounter(Handled, () => statistics.Handled, "{message}", "Messages handled and acknowledged.");
        meter.CreateObservableCounter(Skipped, () => statistics.Skipped, "{message}", "Messages acknowledged without a typed handler.");
        meter.CreateObservableCounter(Requeued, () => statistics.Requeued, "{message}", "Messages requeued after a handler failed.");
        meter.CreateObservableCounter(DeadLettered, () => statistics.DeadLettered, "{message}", "Messages dead-lettered after a handler failed.");
    }
}
