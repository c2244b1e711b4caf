using System.Text;
using System.Text.Json.Nodes;
using VersionedNotifications.OpenStack;
using VersionedNotifications.OpenStack.Ironic;
using VersionedNotifications.Tests.Infrastructure;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Tests.Wire;

/// <summary>Reading other versions of an object: older and newer minors, other majors, other objects.</summary>
public sealed class VersionAwareReadingTests
{
    private static readonly NotificationReader Reader = new(OpenStackJsonContext.Default);

    [Fact]
    public void An_older_minor_reads_with_the_later_fields_absent_not_null()
    {
        // NodePayload 1.12 as ironic of that time sent it: no description (1.13) ... secure_boot (1.16).
        var message = Messages.MaintenanceSetStart();
        message["payload"]!["ironic_object.version"] = "1.12";
        var data = Messages.Data(message);
        foreach (var field in new[] { "description", "retired", "retired_reason", "lessee", "boot_mode", "secure_boot" })
        {
            Assert.True(data.Remove(field), field);
        }

        var decoded = Assert.IsType<DecodedNotification>(Reader.Read(Messages.Bytes(message)));
        var payload = Assert.IsType<Notification<NodePayload>>(decoded.Notification).Payload;

        Assert.Equal("1.12", payload.WireState!.Version);
        Assert.Equal(["boot_mode", "description", "lessee", "retired", "retired_reason", "secure_boot"], payload.WireState.AbsentFields.Order(StringComparer.Ordinal));
        Assert.True(payload.WireState.IsAbsent("secure_boot"));
        Assert.False(payload.WireState.IsAbsent("owner"));
        Assert.Null(payload.Description);

        // Re-encoding writes 1.12 again, without the absent fields.
        var written = NotificationWriter.Write(decoded.Notification, MessageFormat.MessagingV1);
        FixtureRoundTripTests.AssertSameJson(Messages.Bytes(message), written);
    }

    [Fact]
    public void A_null_is_not_an_absence()
    {
        var message = Messages.MaintenanceSetStart();
        Messages.Data(message)["description"] = null;

        var payload = ((Notification<NodePayload>)Assert.IsType<DecodedNotification>(Reader.Read(Messages.Bytes(message))).Notification).Payload;

        Assert.Null(payload.Description);
        Assert.Null(payload.WireState);
        Assert.Contains("\"description\": null", Encoding.UTF8.GetString(NotificationWriter.Write(Notification.Create(NotificationHeader.New("x", NotificationPriority.Info, "p"), payload), MessageFormat.MessagingV1)));
    }

    [Fact]
    public void A_newer_minor_keeps_the_unknown_fields_and_writes_them_back()
    {
        var message = Messages.PowerSetStart();
        message["payload"]!["ironic_object.version"] = "1.19";
        var data = Messages.Data(message);
        data["shard"] = "shard-a";
        data["firmware_interface"] = new JsonObject { ["name"] = "redfish", ["steps"] = new JsonArray(1, 2.5, null, true) };

        var decoded = Assert.IsType<DecodedNotification>(Reader.Read(Messages.Bytes(message)));
        var payload = ((Notification<NodeSetPowerStatePayload>)decoded.Notification).Payload;

        Assert.Equal("1.19", payload.WireState!.Version);
        Assert.Equal(["firmware_interface", "shard"], payload.WireState.ExtensionData.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("shard-a", payload.WireState.ExtensionData["shard"].GetString());
        FixtureRoundTripTests.AssertSameJson(Messages.Bytes(message), NotificationWriter.Write(decoded.Notification, MessageFormat.MessagingV1));
    }

    [Fact]
    public void Another_major_is_unsupported_and_keeps_the_raw_payload()
    {
        var message = Messages.PowerSetStart();
        message["payload"]!["ironic_object.version"] = "2.0";
        var bytes = Messages.Bytes(message);

        var result = Assert.IsType<UnsupportedNotification>(Reader.Read(bytes));

        Assert.Equal(UnsupportedReason.UnsupportedPayload, result.Reason);
        Assert.Equal("$.payload['ironic_object.version']", result.JsonPath);
        Assert.Contains("2.0", result.Detail);
        Assert.Equal("2.0", result.Payload.GetProperty("ironic_object.version").GetString());
        Assert.Equal("baremetal.node.power_set.start", result.Header.EventType);
        Assert.Equal(bytes, result.Message.ToArray());
    }

    [Fact]
    public void Another_object_than_the_event_type_declares_is_unsupported()
    {
        var message = Messages.PowerSetStart();
        message["payload"]!["ironic_object.name"] = "NodeFirmwarePayload";

        var result = Assert.IsType<UnsupportedNotification>(Reader.Read(Messages.Bytes(message)));

        Assert.Contains("NodeFirmwarePayload", result.Detail);
        Assert.Contains("NodeSetPowerStatePayload", result.Detail);
    }

    [Fact]
    public void An_unknown_event_type_is_unsupported_with_its_envelope_and_raw_payload()
    {
        var message = Messages.PowerSetStart();
        message["event_type"] = "baremetal.node.firmware_set.start";

        var result = Assert.IsType<UnsupportedNotification>(Reader.Read(Messages.Bytes(message)));

        Assert.Equal(UnsupportedReason.UnknownEventType, result.Reason);
        Assert.Equal("$.event_type", result.JsonPath);
        Assert.Equal("6cad4324-5243-4773-bf33-777791b18de6", result.Header.MessageId);
        Assert.Equal("NodeSetPowerStatePayload", result.Payload.GetProperty("ironic_object.name").GetString());
    }

    [Fact]
    public void An_alias_finds_its_event_type()
    {
        var message = Messages.Fixture("ironic", "baremetal.deploytemplate.create.end.json");
        message["event_type"] = "baremetal.deploy_template.create.end";

        var decoded = Assert.IsType<DecodedNotification>(Reader.Read(Messages.Bytes(message)));

        Assert.Equal("baremetal.deploytemplate.create.end", decoded.EventTypeInfo.Name);
        Assert.Equal("baremetal.deploy_template.create.end", decoded.Notification.EventType);
    }
}
