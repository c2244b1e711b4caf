using System.Text.Json.Nodes;
using VersionedNotifications.OpenStack;
using VersionedNotifications.OpenStack.Nova;
using VersionedNotifications.Tests.Infrastructure;

namespace VersionedNotifications.Tests.Wire;

/// <summary>
/// Nova, the first service the contracts were not written for: what its own code sends (tests/fixtures/openstack/nova)
/// reads typed, with sparse objects, an older major, UUID text as sent and an older minor, and writes back unchanged.
/// </summary>
public sealed class NovaTests
{
    private static readonly NotificationReader Reader = new(OpenStackJsonContext.Default);

    private static T PayloadOf<T>(string file)
        where T : class =>
        Assert.IsType<Notification<T>>(Assert.IsType<DecodedNotification>(Reader.Read(Fixtures.Read("nova", file))).Notification).Payload;

    [Fact]
    public void A_sparse_object_tells_unset_fields_from_set_ones_and_writes_back_only_what_was_set()
    {
        var spec = PayloadOf<RequestSpecPayload>("scheduler.select_destinations.start.json");

        Assert.False(spec.ImageMeta.IsSet);
        var properties = spec.Image!.Properties;
        Assert.True(properties.HwNumaNodes.IsSet);
        Assert.False(properties.HwCpuPolicy.IsSet);
        Assert.Throws<InvalidOperationException>(() => properties.HwCpuPolicy.Value);

        var written = JsonNode.Parse(NotificationWriter.Write(
            Notification.Create(NotificationHeader.New("scheduler.select_destinations.start", NotificationPriority.Info, "nova-scheduler.host"), spec),
            MessageFormat.MessagingV1))!;
        var data = written["payload"]!["nova_object.data"]!["image"]!["nova_object.data"]!["properties"]!["nova_object.data"]!.AsObject();
        Assert.Equal(["hw_disk_bus", "hw_numa_nodes", "hw_video_model", "os_distro"], data.Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_producer_leaves_an_optional_field_out_until_it_sets_one()
    {
        var spec = PayloadOf<RequestSpecPayload>("scheduler.select_destinations.start.json");
        var header = NotificationHeader.New("scheduler.select_destinations.start", NotificationPriority.Info, "nova-scheduler.host");

        var unset = JsonNode.Parse(NotificationWriter.Write(Notification.Create(header, spec), MessageFormat.MessagingV1))!;
        var set = JsonNode.Parse(NotificationWriter.Write(Notification.Create(header, spec with { ImageMeta = null }), MessageFormat.MessagingV1))!;

        Assert.False(unset["payload"]!["nova_object.data"]!.AsObject().ContainsKey("image_meta"));
        Assert.True(set["payload"]!["nova_object.data"]!.AsObject().ContainsKey("image_meta"));
        Assert.Null(set["payload"]!["nova_object.data"]!["image_meta"]);
    }

    [Fact]
    public void An_older_major_reads_typed_and_keeps_what_the_current_major_removed()
    {
        var update = PayloadOf<InstanceUpdatePayload>("instance.update.v1.json");

        Assert.Equal("1.9", update.WireState!.Version);
        Assert.Equal("2.0", InstanceUpdatePayload.ObjectVersion);
        Assert.True(update.WireState.ExtensionData.ContainsKey("bandwidth"));
        Assert.False(string.IsNullOrEmpty(update.Uuid.Text));
    }

    [Fact]
    public void Uuid_fields_keep_the_text_nova_sent()
    {
        var action = PayloadOf<InstanceActionPayload>("instance.power_off.end.uuid-text.json");

        Assert.Equal("178B0921-8F85-4257-88B6-2E743B5A975C", action.Uuid.Text);
        Assert.Equal(Guid.Parse("178b0921-8f85-4257-88b6-2e743b5a975c"), action.Uuid.Guid);
    }

    [Fact]
    public void An_older_minor_reads_as_that_version()
    {
        var aggregate = PayloadOf<AggregatePayload>("aggregate.create.end.v1_0.json");

        Assert.Equal("1.0", aggregate.WireState!.Version);
    }
}
