using VersionedNotifications;
using VersionedNotifications.OpenStack.Glance;

namespace VersionedNotifications.Generator.Tests.OpenStack;

/// <summary>Glance's 33 event types and their plain-dict payloads, compiled from definitions/glance (glance 25.1.0).</summary>
public sealed class GlanceContractsTests
{
    [Fact]
    public void Every_Glance_event_type_is_there()
    {
        Assert.Equal(33, EventTypes.All.Count);
        Assert.Equal(
            ["image", "image.member", "metadef_namespace", "metadef_object", "metadef_property", "metadef_resource_type", "metadef_tag", "task"],
            EventTypes.All.Select(e => e.Name[..e.Name.LastIndexOf('.')]).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Only_image_upload_sends_a_text_message_and_only_at_error()
    {
        Assert.Equal([NotificationPriority.Error], EventTypes.Image.Upload.TextPriorities);
        Assert.All(EventTypes.All.Where(e => e.Name != "image.upload"), e => Assert.Empty(e.TextPriorities));
    }

    [Fact]
    public void Payloads_are_plain_dicts_and_image_delete_carries_the_image()
    {
        Assert.False(ImagePayload.ObjectInfo.IsVersioned);
        Assert.Equal("glance", ImagePayload.ObjectNamespace);
        Assert.Equal(typeof(ImagePayload), EventTypes.Image.Delete.PayloadType);
        Assert.Equal(typeof(ImageSendPayload), EventTypes.Image.Send.PayloadType);
        Assert.True(typeof(ImagePayload).IsAssignableFrom(typeof(ImagePreparePayload)));
    }
}
