using VersionedNotifications.OpenStack;
using VersionedNotifications.OpenStack.Glance;

namespace VersionedNotifications.Qpid.Tests.Infrastructure;

/// <summary>Real Glance payloads from the fixtures, and drivers and listeners on a test's own exchange (so on their own addresses).</summary>
internal static class QpidEmitters
{
    public static readonly NotificationReader Reader = new(OpenStackJsonContext.Default);

    public static ImagePayload ImageUpdate()
    {
        var decoded = Assert.IsType<DecodedNotification>(Reader.Read(Repository.ReadFixture("glance", "image.update.json")));
        return Assert.IsType<Notification<ImagePayload>>(decoded.Notification).Payload;
    }

    public static Notification<ImagePayload> NewImageUpdate(ImagePayload payload) =>
        Notification.Create(OpenStack.Glance.EventTypes.Image.Update, payload, "glance-api.test-host");

    public static QpidDriverOptions DriverOptions(QpidBroker broker, string exchange) => new()
    {
        TransportUrl = broker.AmqpUrl,
        ControlExchange = exchange,
        Retry = NotificationRetryPolicy.Forever with { InitialDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromSeconds(1) },
        RecoveryInterval = TimeSpan.FromMilliseconds(250),
    };

    public static NotifierOptions NotifierOptions(params string[] topics) => new()
    {
        Level = NotificationLevel.Debug,
        Topics = topics,
        PublisherId = "glance-api.test-host",
        Retry = NotificationRetryPolicy.None,
    };

    public static QpidNotificationListenerOptions ListenerOptions(QpidBroker broker, string exchange, params string[] topics) => new()
    {
        TransportUrl = broker.AmqpUrl,
        ControlExchange = exchange,
        Topics = topics,
        Priorities = [NotificationPriority.Info, NotificationPriority.Error],
        RequeueDelay = TimeSpan.FromMilliseconds(50),
        RecoveryInterval = TimeSpan.FromMilliseconds(250),
    };
}
