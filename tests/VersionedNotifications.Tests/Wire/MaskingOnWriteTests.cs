using System.Text;
using System.Text.Json.Nodes;
using VersionedNotifications.OpenStack;
using VersionedNotifications.OpenStack.Ironic;
using VersionedNotifications.Tests.Infrastructure;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Tests.Wire;

/// <summary>Secret fields are masked when a payload is written, unless the writer is told not to.</summary>
public sealed class MaskingOnWriteTests
{
    private static readonly NotificationReader Reader = new(OpenStackJsonContext.Default);

    private static Notification<NodeCRUDPayload> NodeWithSecrets()
    {
        var message = Messages.Fixture("ironic", "baremetal.node.update.end.json");
        var data = Messages.Data(message);
        data["driver_info"] = new JsonObject
        {
            ["ipmi_address"] = "192.0.2.10",
            ["ipmi_username"] = "admin",
            ["ipmi_password"] = "hunter2",
            ["nested"] = new JsonObject { ["auth_token"] = "abc", ["port"] = 623 },
        };
        data["instance_info"] = new JsonObject
        {
            ["configdrive"] = "H4sIAAAA",
            ["root_gb"] = 10,
            ["kernel_args"] = "console=ttyS0 password=swordfish",
            ["image_url"] = "https://swift.example/v1/AUTH_x/images/img?temp_url_sig=abc&temp_url_expires=1",
        };
        var decoded = Assert.IsType<DecodedNotification>(Reader.Read(Messages.Bytes(message)));
        return Assert.IsType<Notification<NodeCRUDPayload>>(decoded.Notification);
    }

    [Fact]
    public void Secret_dictionaries_are_masked_under_secret_looking_keys_by_default()
    {
        var written = JsonNode.Parse(NotificationWriter.Write(NodeWithSecrets(), MessageFormat.MessagingV1))!;

        var data = written["payload"]!["ironic_object.data"]!;
        Assert.Equal("******", data["driver_info"]!["ipmi_password"]!.GetValue<string>());
        Assert.Equal("******", data["driver_info"]!["nested"]!["auth_token"]!.GetValue<string>());
        Assert.Equal(623, data["driver_info"]!["nested"]!["port"]!.GetValue<int>());
        Assert.Equal("admin", data["driver_info"]!["ipmi_username"]!.GetValue<string>());
        Assert.Equal("******", data["instance_info"]!["configdrive"]!.GetValue<string>());
        Assert.Equal("console=ttyS0 password=******", data["instance_info"]!["kernel_args"]!.GetValue<string>());
        Assert.Equal(10, data["instance_info"]!["root_gb"]!.GetValue<int>());
    }

    [Fact]
    public void Masked_keys_are_masked_whatever_their_names_say()
    {
        // image_url holds no secret-looking key name, but ironic masks it: masked_keys: [image_url].
        var written = JsonNode.Parse(NotificationWriter.Write(NodeWithSecrets(), MessageFormat.MessagingV1))!;

        Assert.Equal("******", written["payload"]!["ironic_object.data"]!["instance_info"]!["image_url"]!.GetValue<string>());
        Assert.Contains("temp_url_sig", Encoding.UTF8.GetString(NotificationWriter.Write(NodeWithSecrets(), MessageFormat.MessagingV1, new PayloadWriteOptions { MaskSecrets = false })));
    }

    [Fact]
    public void Masking_does_not_change_the_payload_in_memory()
    {
        var notification = NodeWithSecrets();

        NotificationWriter.Write(notification);

        Assert.Equal("hunter2", notification.Payload.DriverInfo!["ipmi_password"]!.GetValue<string>());
    }

    [Fact]
    public void Opting_out_is_explicit()
    {
        var written = Encoding.UTF8.GetString(NotificationWriter.Write(NodeWithSecrets(), MessageFormat.MessagingV1, new PayloadWriteOptions { MaskSecrets = false }));

        Assert.Contains("hunter2", written);
        Assert.Contains("swordfish", written);
    }

    [Fact]
    public void Fields_that_are_not_secret_are_never_masked()
    {
        // NodePayload has no secret field: ironic masks only the CRUD and provision payloads.
        var message = Messages.MaintenanceSetStart();
        Messages.Data(message)["properties"] = new JsonObject { ["password"] = "visible-by-design" };
        var notification = Assert.IsType<DecodedNotification>(Reader.Read(Messages.Bytes(message))).Notification;

        Assert.Contains("visible-by-design", Encoding.UTF8.GetString(NotificationWriter.Write(notification)));
    }

    [Fact]
    public void Options_made_with_with_do_not_inherit_what_the_original_wrote()
    {
        // Write with the unmasked options first, so that any state they cache exists.
        var unmasked = new PayloadWriteOptions { MaskSecrets = false };
        Assert.Contains("hunter2", Encoding.UTF8.GetString(NotificationWriter.Write(NodeWithSecrets(), MessageFormat.MessagingV1, unmasked)));

        var masked = unmasked with { MaskSecrets = true };
        Assert.DoesNotContain("hunter2", Encoding.UTF8.GetString(NotificationWriter.Write(NodeWithSecrets(), MessageFormat.MessagingV1, masked)));
        Assert.Contains("hunter2", Encoding.UTF8.GetString(NotificationWriter.Write(NodeWithSecrets(), MessageFormat.MessagingV1, PayloadWriteOptions.Default with { MaskSecrets = false })));
    }

    [Fact]
    public void Fields_of_a_newer_minor_are_masked_by_key_name_as_mask_dict_password_masks_a_dictionary()
    {
        // The contract cannot tell whether a field it does not know holds a secret; its name and content can.
        var message = Messages.MaintenanceSetStart();
        message["payload"]!["ironic_object.version"] = "1.99";
        var data = Messages.Data(message);
        data["bmc_info"] = new JsonObject { ["ipmi_password"] = "s3cret", ["address"] = "192.0.2.1" };
        data["bmc_password"] = "t0ken";
        data["bmc_notes"] = "reset with password=hunter2 then";
        data["bmc_ports"] = new JsonArray(623, 624);
        var notification = Assert.IsType<DecodedNotification>(Reader.Read(Messages.Bytes(message))).Notification;

        var masked = JsonNode.Parse(NotificationWriter.Write(notification, MessageFormat.MessagingV1))!["payload"]!["ironic_object.data"]!;
        var clear = JsonNode.Parse(NotificationWriter.Write(notification, MessageFormat.MessagingV1, new PayloadWriteOptions { MaskSecrets = false }))!["payload"]!["ironic_object.data"]!;

        Assert.Equal("""{"ipmi_password":"******","address":"192.0.2.1"}""", masked["bmc_info"]!.ToJsonString());
        Assert.Equal("******", masked["bmc_password"]!.GetValue<string>());
        Assert.Equal("reset with password=****** then", masked["bmc_notes"]!.GetValue<string>());
        Assert.Equal("[623,624]", masked["bmc_ports"]!.ToJsonString());
        Assert.Equal("""{"ipmi_password":"s3cret","address":"192.0.2.1"}""", clear["bmc_info"]!.ToJsonString());
        Assert.Equal("t0ken", clear["bmc_password"]!.GetValue<string>());
    }
}
