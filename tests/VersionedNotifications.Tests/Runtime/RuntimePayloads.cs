using System.Text.Json.Nodes;
using VersionedNotifications.OpenStack;
using VersionedNotifications.OpenStack.Glance;
using VersionedNotifications.OpenStack.Ironic;
using VersionedNotifications.Tests.Infrastructure;

namespace VersionedNotifications.Tests.Runtime;

/// <summary>Payloads to emit, read from the messages the real ironic and glance code made.</summary>
internal static class RuntimePayloads
{
    public static readonly NotificationReader Reader = new(OpenStackJsonContext.Default);

    public static NodeSetPowerStatePayload PowerSetStart() => Read<NodeSetPowerStatePayload>(Messages.PowerSetStart());

    public static ImagePayload ImageUpdate() => Read<ImagePayload>(Messages.Fixture("glance", "image.update.json"));

    /// <summary>NodeCRUDPayload (baremetal.node.update.end) whose driver_info holds a password and a nested token.</summary>
    public static NodeCRUDPayload NodeWithSecrets()
    {
        var message = Messages.Fixture("ironic", "baremetal.node.update.end.json");
        Messages.Data(message)["driver_info"] = new JsonObject
        {
            ["ipmi_username"] = "admin",
            ["ipmi_password"] = "hunter2",
            ["nested"] = new JsonObject { ["auth_token"] = "abc" },
        };
        return Read<NodeCRUDPayload>(message);
    }

    private static TPayload Read<TPayload>(JsonObject message)
        where TPayload : class
    {
        var decoded = Assert.IsType<DecodedNotification>(Reader.Read(Messages.Bytes(message)));
        return Assert.IsType<Notification<TPayload>>(decoded.Notification).Payload;
    }
}
