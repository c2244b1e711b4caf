using System;
using System.Diagnostics.Metrics;

namespace VersionedNotifications;

/// <summary>
/// The instruments a <see cref="Notifier"/> publishes on the meter named <see cref="MeterName"/>:
/// observable counters over its <see cref="NotifierStatistics"/>, so a metrics exporter (OpenTelemetry,
/// <c>dotnet-counters</c>) sees the same numbers as the code that holds the notifier.
/// </summary>
public static class NotifierMetrics
{
    /// <summary>The meter name shared by the notifier, the RabbitMQ driver and the listener.</summary>
    public const string MeterName = "VersionedNotifications";

    /// <summary>Counter of notifications every driver accepted.</summary>
    public const string Emitted = "versioned_notifications.notifier.emitted";

    /// <summary>Counter of notifications left out by the level or the disabled event types.</summary>
    public const string Filtered = "versioned_notifications.notifier.filtered";

    /// <summary>Counter of deliveries that failed for good.</summary>
    public const string Failed = "versioned_notifications.notifier.failed";

    /// <summary>Counter of deliveries tried again.</summary>
    public const string Retried = "versioned_notifications.notifier.retried";

    /// <summary>A meter from <paramref name="meterFactory"/>, or an own one when there is no factory.</summary>
    internal static Meter CreateMeter(IMeterFactory? meterFactory) =>
        meterFactory?.Create(MeterName) ?? new Meter(MeterName);

    internal static void Register(Meter meter, NotifierStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(meter);
        meter.CreateObservableCounter(Emitted, () => statistics.Emitted, "{notification}", "Notifications every driver accepted.");
        meter.CreateObservableCounter(Filtered, () => statistics.Filtered, "{notification}", "Notifications left out by the level or the disabled event types.");
        meter.CreateObservableCounter(Failed, () => statistics.Failed, "{delivery}", "Deliveries to a driver that failed for good.");
        meter.CreateObservableCounter(Retried, () => statistics.Retried, "{delivery}", "Deliveries tried again after a driver failed.");
    }
}
