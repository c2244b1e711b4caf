using VersionedNotifications.OpenStack;
using VersionedNotifications.OpenStack.Glance;
using VersionedNotifications.OpenStack.Ironic;

namespace VersionedNotifications.RabbitMQ.Tests.Infrastructure;

/// <summary>Real payloads from the fixtures, and notifiers and listeners on a test's own exchange.</summary>
internal static class Emitters
{
    public static readonly NotificationReader Reader = new(OpenStackJsonContext.Default);

    public static NodeSetPowerStatePayload PowerSetStart() => Payload<NodeSetPowerStatePayload>("ironic", "baremetal.node.power_set.start.json");

    public static ImagePayload ImageUpdate() => Payload<ImagePayload>("glance", "image.update.json");

    public static TPayload Payload<TPayload>(string service, string file)
        where TPayload : class
    {
        var decoded = Assert.IsType<DecodedNotification>(Reader.Read(Repository.ReadFixture(service, file)));
        return Assert.IsType<Notification<TPayload>>(decoded.Notification).Payload;
    }

    public static RabbitMQDriverOptions DriverOptions(Broker broker, string exchange) => new()
    {
        TransportUrl = broker.Url,
        ControlExchange = exchange,
        Retry = NotificationRetryPolicy.Forever with { InitialDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromSeconds(1) },
        RecoveryInterval = TimeSpan.FromMilliseconds(500),
    };

    public static NotifierOptions NotifierOptions(params string[] topics) => new()
    {
        Level = NotificationLevel.Debug,
        Topics = topics,
        PublisherId = "ironic-conductor.test-host",
        Retry = NotificationRetryPolicy.None,
    };

    public static RabbitMQNotificationListenerOptions ListenerOptions(Broker broker, string exchange, params string[] topics) => new()
    {
        TransportUrl = broker.Url,
        ControlExchange = exchange,
        Topics = topics,
        RequeueDelay = TimeSpan.FromMilliseconds(50),
        RecoveryInterval = TimeSpan.FromMilliseconds(500),
    };
}
