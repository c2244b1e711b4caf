using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using VersionedNotifications.RabbitMQ.Tests.Infrastructure;

namespace VersionedNotifications.RabbitMQ.Tests.Transport;

/// <summary>The driver's and the listener's instruments: one registration, named versioned_notifications.rabbitmq.*.</summary>
[Collection(BrokerCollection.Name)]
public sealed class MetricsTests(Broker broker)
{
    [Fact]
    public async Task The_driver_and_the_listener_publish_one_vocabulary_under_the_transport_s_name()
    {
        var names = new ConcurrentDictionary<string, bool>();
        var unreadableReasons = new ConcurrentDictionary<string, bool>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == NotifierMetrics.MeterName && instrument.Name.StartsWith("versioned_notifications.rabbitmq.", StringComparison.Ordinal))
                {
                    names[instrument.Name] = true;
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            if (instrument.Name.EndsWith(".unreadable", StringComparison.Ordinal))
            {
                foreach (var tag in tags)
                {
                    unreadableReasons[$"{tag.Key}={tag.Value}"] = true;
                }
            }
        });
        meters.Start();

        await using var driver = new RabbitMQNotificationDriver(Emitters.DriverOptions(broker, Names.Unique("ex")));
        await using var listener = new RabbitMQNotificationListener(Emitters.ListenerOptions(broker, Names.Unique("ex"), "t"), Emitters.Reader, new NotificationDispatcher(Emitters.Reader));
        meters.RecordObservableInstruments();

        string[] driverNames = ["published", "confirmed", "republished", "dropped", "outstanding"];
        string[] listenerNames = ["received", "handled", "handled_by_fallback", "skipped", "discarded", "unreadable", "requeued", "rejected", "dead_lettered"];
        foreach (var name in driverNames.Concat(listenerNames))
        {
            Assert.True(names.ContainsKey(TransportMetrics.InstrumentName(RabbitMQMetrics.Transport, name)), $"versioned_notifications.rabbitmq.{name} in [{string.Join(", ", names.Keys.Order())}]");
        }

        Assert.All(Enum.GetNames<UnreadableReason>(), reason => Assert.True(unreadableReasons.ContainsKey("reason=" + reason), reason));
    }
}
