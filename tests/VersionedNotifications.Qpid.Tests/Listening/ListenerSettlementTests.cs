using VersionedNotifications.OpenStack.Glance;
using VersionedNotifications.Qpid.Tests.Infrastructure;
using GlanceEvents = VersionedNotifications.OpenStack.Glance.EventTypes;

namespace VersionedNotifications.Qpid.Tests.Listening;

/// <summary>What the listener settles with: accepted after the handler, released or rejected when it throws, and filters.</summary>
[Collection(QpidBrokerCollection.Name)]
public sealed class ListenerSettlementTests(QpidBroker broker)
{
    [Fact]
    public async Task Event_types_outside_the_filter_are_accepted_without_reaching_the_handler()
    {
        var exchange = Names.Unique("glance");
        var handled = 0;
        var dispatcher = new NotificationDispatcher(QpidEmitters.Reader).On(GlanceEvents.Image.Update, (_, _) =>
        {
            Interlocked.Increment(ref handled);
            return ValueTask.CompletedTask;
        });
        var options = QpidEmitters.ListenerOptions(broker, exchange, "notifications");
        options.EventTypes = ["image.delete"];
        await using var listener = new QpidNotificationListener(options, QpidEmitters.Reader, dispatcher);
        await listener.StartAsync();
        await SendOneAsync(exchange);

        await Eventually.TrueAsync(() => listener.Statistics.Skipped == 1, TimeSpan.FromMinutes(2), () => $"listener {listener.Statistics}");
        Assert.Equal(0, handled);
    }

    [Fact]
    public async Task Starting_against_a_closed_port_fails_with_the_url_and_the_reason()
    {
        var options = QpidEmitters.ListenerOptions(broker, "glance", "notifications");
        options.TransportUrl = "amqp://guest:secret@127.0.0.1:1/";
        await using var listener = new QpidNotificationListener(options, QpidEmitters.Reader, new NotificationDispatcher(QpidEmitters.Reader));
        var error = await Assert.ThrowsAsync<BrokerUnavailableException>(() => listener.StartAsync());
        Assert.StartsWith("Cannot listen on amqp://guest@127.0.0.1:1/: ", error.Message);
        Assert.DoesNotContain("secret", error.Message);
        Assert.Contains("refused", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    private async Task SendOneAsync(string exchange)
    {
        await using var driver = new QpidNotificationDriver(QpidEmitters.DriverOptions(broker, exchange));
        using var notifier = new Notifier(QpidEmitters.NotifierOptions("notifications"), [driver]);
        await notifier.EmitAsync(QpidEmitters.NewImageUpdate(QpidEmitters.ImageUpdate()));
        await notifier.FlushAsync(CancellationToken.None);
        Assert.Equal(1, driver.Statistics.Confirmed);
    }
}
