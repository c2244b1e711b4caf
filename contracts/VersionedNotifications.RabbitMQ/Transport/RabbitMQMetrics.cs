using System.Diagnostics.Metrics;

namespace VersionedNotifications.RabbitMQ;

/// <summary>The instruments of the RabbitMQ driver on the <c>VersionedNotifications</c> meter; the listener's are <see cref="ListenerMetrics"/>'s.</summary>
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

    /// <summary>The transport's word in instrument names: <c>versioned_notifications.rabbitmq.*</c>, the listener's too (see <see cref="ListenerMetrics"/>).</summary>
    public const string Transport = "rabbitmq";

    internal static void RegisterDriver(Meter meter, RabbitMQDriverStatistics statistics)
    {
        meter.CreateObservableCounter(Published, () => statistics.Published, "{message}", "Publish attempts.");
        meter.CreateObservableCounter(Confirmed, () => statistics.Confirmed, "{message}", "Messages the broker confirmed.");
        meter.CreateObservableCounter(Republished, () => statistics.Republished, "{message}", "Messages published again after a nack or a lost connection.");
        meter.CreateObservableCounter(Dropped, () => statistics.Dropped, "{message}", "Messages given up.");
        meter.CreateObservableGauge(Outstanding, () => statistics.Outstanding, "{message}", "Messages waiting for a confirm.");
    }
}
