using System.Text.Json.Nodes;
using VersionedNotifications.OpenStack;
using VersionedNotifications.OpenStack.Ironic;
using VersionedNotifications.Tests.Infrastructure;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Tests.Wire;

/// <summary>Writing an object at an older minor version, from the definitions' <c>since</c> data.</summary>
public sealed class BackportTests
{
    private static readonly NotificationReader Reader = new(OpenStackJsonContext.Default);

    private static Notification Current(string file) =>
        Assert.IsType<DecodedNotification>(Reader.Read(Fixtures.Read("ironic", file))).Notification;

    [Fact]
    public void A_target_minor_drops_the_fields_added_after_it()
    {
        var written = JsonNode.Parse(NotificationWriter.Write(Current("baremetal.node.maintenance_set.start.json"), MessageFormat.MessagingV1, new PayloadWriteOptions { TargetVersion = "1.12" }))!;

        var payload = written["payload"]!;
        Assert.Equal("1.12", payload["ironic_object.version"]!.GetValue<string>());
        var data = payload["ironic_object.data"]!.AsObject();
        foreach (var dropped in new[] { "description", "retired", "retired_reason", "lessee", "boot_mode", "secure_boot" })
        {
            Assert.False(data.ContainsKey(dropped), dropped);
        }

        Assert.True(data.ContainsKey("owner"));
        Assert.True(data.ContainsKey("protected"));
        Assert.Equal(Messages.Data(Messages.MaintenanceSetStart()).Count - 6, data.Count);
    }

    [Fact]
    public void A_backported_payload_reads_back_as_that_version()
    {
        var bytes = NotificationWriter.Write(Current("baremetal.node.maintenance_set.start.json"), MessageFormat.MessagingV2, new PayloadWriteOptions { TargetVersion = "1.0" });

        var payload = ((Notification<NodePayload>)Assert.IsType<DecodedNotification>(Reader.Read(bytes)).Notification).Payload;

        Assert.Equal("1.0", payload.WireState!.Version);
        Assert.Contains("conductor_group", payload.WireState.AbsentFields);
        Assert.DoesNotContain("power_state", payload.WireState.AbsentFields);
    }

    [Theory]
    [InlineData("2.0", "major version 1")]
    [InlineData("0.9", "major version 1")]
    [InlineData("1.17", "from 1.0 to 1.16")]
    [InlineData("one.two", "not a major.minor version")]
    public void A_target_outside_the_history_is_refused(string target, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => NotificationWriter.Write(Current("baremetal.node.maintenance_set.start.json"), MessageFormat.MessagingV1, new PayloadWriteOptions { TargetVersion = target }));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void An_object_that_extends_another_backports_its_base_through_base_versions()
    {
        // NodeSetPowerStatePayload 1.10 carries NodePayload 1.10: what NodePayload added in 1.11 and later goes.
        var written = JsonNode.Parse(NotificationWriter.Write(Current("baremetal.node.power_set.start.json"), MessageFormat.MessagingV1, new PayloadWriteOptions { TargetVersion = "1.10" }))!;

        var payload = written["payload"]!;
        Assert.Equal("1.10", payload["ironic_object.version"]!.GetValue<string>());
        var data = payload["ironic_object.data"]!.AsObject();
        foreach (var dropped in new[] { "protected", "protected_reason", "owner", "description", "retired", "retired_reason", "lessee", "boot_mode", "secure_boot" })
        {
            Assert.False(data.ContainsKey(dropped), dropped);
        }

        Assert.True(data.ContainsKey("conductor_group"));
        Assert.True(data.ContainsKey("to_power"));
        var reread = Assert.IsType<DecodedNotification>(Reader.Read(System.Text.Encoding.UTF8.GetBytes(written.ToJsonString()))).Notification;
        Assert.Equal("1.10", ((Notification<NodeSetPowerStatePayload>)reread).Payload.WireState!.Version);
    }

    [Fact]
    public void A_base_version_that_lags_its_own_is_followed()
    {
        // NodeCRUDPayload 1.10 carries NodePayload 1.12: owner (1.12) stays, description (1.13) goes.
        var written = JsonNode.Parse(NotificationWriter.Write(Current("baremetal.node.create.end.json"), MessageFormat.MessagingV1, new PayloadWriteOptions { TargetVersion = "1.10" }))!;

        var data = written["payload"]!["ironic_object.data"]!.AsObject();
        Assert.True(data.ContainsKey("owner"));
        Assert.False(data.ContainsKey("description"));
    }

    [Fact]
    public void A_message_of_an_older_version_must_carry_what_its_base_version_had()
    {
        // At 1.10, NodeSetPowerStatePayload requires conductor_group (NodePayload 1.10) but not owner (1.12).
        var message = Messages.PowerSetStart();
        message["payload"]!["ironic_object.version"] = "1.10";
        var data = Messages.Data(message);
        foreach (var later in new[] { "protected", "protected_reason", "owner", "description", "retired", "retired_reason", "lessee", "boot_mode", "secure_boot" })
        {
            data.Remove(later);
        }

        Assert.IsType<DecodedNotification>(Reader.Read(Messages.Bytes(message)));
        data.Remove("conductor_group");
        var malformed = Assert.IsType<MalformedNotification>(Reader.Read(Messages.Bytes(message)));
        Assert.Equal("$.payload['ironic_object.data'].conductor_group", malformed.JsonPath);
    }

    [Fact]
    public void A_backport_leaves_out_fields_kept_from_a_newer_version()
    {
        var message = Messages.MaintenanceSetStart();
        message["payload"]!["ironic_object.version"] = "1.20";
        Messages.Data(message)["shard"] = "a";
        var notification = Assert.IsType<DecodedNotification>(Reader.Read(Messages.Bytes(message))).Notification;

        var written = JsonNode.Parse(NotificationWriter.Write(notification, MessageFormat.MessagingV1, new PayloadWriteOptions { TargetVersion = "1.16" }))!;

        Assert.Equal("1.16", written["payload"]!["ironic_object.version"]!.GetValue<string>());
        Assert.False(written["payload"]!["ironic_object.data"]!.AsObject().ContainsKey("shard"));
    }
}
