using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using VersionedNotifications.Drivers;
using VersionedNotifications.Qpid.Tests.Infrastructure;

namespace VersionedNotifications.Qpid.Tests.Driver;

/// <summary>
/// The driver on the transport core: the statistics and metrics in the one vocabulary of every transport, one
/// retry owner, and the outcome of each message for a caller that must know (<c>vnotify send</c>).
/// </summary>
[Collection(QpidBrokerCollection.Name)]
public sealed class DeliveryCoreTests(QpidBroker broker)
{
    [Fact]
    public async Task An_accepted_message_is_counted_as_published_and_confirmed_on_the_qpid_instruments_and_the_driver_owns_its_retries()
    {
        var values = new ConcurrentDictionary<string, long>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == NotifierMetrics.MeterName && instrument.Name.StartsWith("versioned_notifications.qpid.", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, _, _) => values[instrument.Name] = value);
        meters.Start();

        await using var driver = new QpidNotificationDriver(QpidEmitters.DriverOptions(broker, Names.Unique("glance")));
        var reason = await driver.SendAndConfirmAsync(Outgoing("notifications"), CancellationToken.None);
        meters.RecordObservableInstruments();

        Assert.Null(reason);
        Assert.True(driver.RetriesDeliveries, "the driver's buffer sends again; the notifier must not retry it too");
        Assert.Equal(1, driver.Statistics.Published);
        Assert.Equal(1, driver.Statistics.Confirmed);
        Assert.Equal(0, driver.Statistics.Republished);
        Assert.Equal(0, driver.Statistics.Outstanding);
        Assert.Equal(1, values[TransportMetrics.InstrumentName(QpidMetrics.Transport, TransportMetrics.Published)]);
        Assert.Equal(1, values[TransportMetrics.InstrumentName(QpidMetrics.Transport, TransportMetrics.Confirmed)]);
        Assert.Equal(0, values["versioned_notifications.qpid.outstanding"]);
    }

    [Fact]
    public async Task A_message_the_peer_never_accepts_is_reported_not_sent_with_the_reason_and_counted_dropped()
    {
        // RabbitMQ's plugin refuses oslo's routable addresses by ending the session: the message is never accepted.
        var options = QpidEmitters.DriverOptions(broker, Names.Unique("glance"));
        options.Broker.Addressing = QpidAddressingMode.Routable;
        options.Retry = NotificationRetryPolicy.None;
        await using var driver = new QpidNotificationDriver(options);

        var reason = await driver.SendAndConfirmAsync(Outgoing("notifications"), CancellationToken.None);

        Assert.NotNull(reason);
        Assert.Contains("connection closed", reason, StringComparison.Ordinal);
        Assert.Equal(0, driver.Statistics.Confirmed);
        Assert.Equal(1, driver.Statistics.Dropped);
        Assert.Equal(0, driver.Statistics.Outstanding);
    }

    private static OutgoingNotification Outgoing(params string[] topics)
    {
        var notification = QpidEmitters.NewImageUpdate(QpidEmitters.ImageUpdate());
        return OutgoingNotification.Create(notification, topics);
    }
}
