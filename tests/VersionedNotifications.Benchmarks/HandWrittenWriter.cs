using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using VersionedNotifications.OpenStack.Ironic;

namespace VersionedNotifications.Benchmarks;

/// <summary>
/// The practical ceiling: the power_set.start v2 body written field by field with Utf8JsonWriter,
/// reusing its buffers, knowing the message's shape in advance. What the generated code is held to.
/// </summary>
public sealed class HandWrittenWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ArrayBufferWriter<byte> _inner = new(4096);
    private readonly Utf8JsonWriter _innerWriter;
    private Utf8JsonWriter? _outerWriter;

    public HandWrittenWriter() => _innerWriter = new Utf8JsonWriter(_inner, Options);

    public void Write(IBufferWriter<byte> output, Notification<NodeSetPowerStatePayload> notification)
    {
        _inner.ResetWrittenCount();
        _innerWriter.Reset(_inner);
        var writer = _innerWriter;
        var header = notification.Header;
        writer.WriteStartObject();
        writer.WriteString("message_id"u8, header.MessageId);
        writer.WriteString("publisher_id"u8, header.PublisherId);
        writer.WriteString("event_type"u8, header.EventType);
        writer.WriteString("priority"u8, "INFO"u8);
        writer.WritePropertyName("payload"u8);
        writer.WriteStartObject();
        writer.WriteString("ironic_object.name"u8, "NodeSetPowerStatePayload"u8);
        writer.WriteString("ironic_object.namespace"u8, "ironic"u8);
        writer.WriteString("ironic_object.version"u8, "1.16"u8);
        writer.WritePropertyName("ironic_object.data"u8);
        writer.WriteStartObject();
        var payload = notification.Payload;
        writer.WriteString("uuid"u8, payload.Uuid.Text);
        writer.WriteString("name"u8, payload.Name);
        writer.WriteString("driver"u8, payload.Driver);
        if (payload.InstanceUuid is { } v1) { writer.WriteString("instance_uuid"u8, v1.Text); } else { writer.WriteNull("instance_uuid"u8); }
        writer.WriteString("power_state"u8, payload.PowerState);
        writer.WriteString("target_power_state"u8, payload.TargetPowerState);
        writer.WriteString("provision_state"u8, payload.ProvisionState);
        writer.WriteString("target_provision_state"u8, payload.TargetProvisionState);
        WriteDateTime(writer, "provision_updated_at"u8, payload.ProvisionUpdatedAt);
        if (payload.Maintenance is { } v2) { writer.WriteBoolean("maintenance"u8, v2); } else { writer.WriteNull("maintenance"u8); }
        writer.WriteString("maintenance_reason"u8, payload.MaintenanceReason);
        if (payload.ConsoleEnabled is { } v3) { writer.WriteBoolean("console_enabled"u8, v3); } else { writer.WriteNull("console_enabled"u8); }
        writer.WriteString("last_error"u8, payload.LastError);
        WriteObject(writer, "clean_step"u8, payload.CleanStep);
        WriteObject(writer, "properties"u8, payload.Properties);
        WriteObject(writer, "extra"u8, payload.Extra);
        WriteDateTime(writer, "inspection_started_at"u8, payload.InspectionStartedAt);
        WriteDateTime(writer, "inspection_finished_at"u8, payload.InspectionFinishedAt);
        writer.WriteString("network_interface"u8, payload.NetworkInterface);
        writer.WriteString("resource_class"u8, payload.ResourceClass);
        WriteDateTime(writer, "created_at"u8, payload.CreatedAt);
        WriteDateTime(writer, "updated_at"u8, payload.UpdatedAt);
        writer.WriteString("boot_interface"u8, payload.BootInterface);
        writer.WriteString("console_interface"u8, payload.ConsoleInterface);
        writer.WriteString("deploy_interface"u8, payload.DeployInterface);
        writer.WriteString("inspect_interface"u8, payload.InspectInterface);
        writer.WriteString("management_interface"u8, payload.ManagementInterface);
        writer.WriteString("power_interface"u8, payload.PowerInterface);
        writer.WriteString("raid_interface"u8, payload.RaidInterface);
        writer.WriteString("vendor_interface"u8, payload.VendorInterface);
        writer.WriteString("storage_interface"u8, payload.StorageInterface);
        writer.WriteString("rescue_interface"u8, payload.RescueInterface);
        WriteStrings(writer, "traits"u8, payload.Traits);
        writer.WriteString("fault"u8, payload.Fault);
        writer.WriteString("bios_interface"u8, payload.BiosInterface);
        WriteObject(writer, "deploy_step"u8, payload.DeployStep);
        writer.WriteString("conductor_group"u8, payload.ConductorGroup);
        if (payload.Protected is { } v4) { writer.WriteBoolean("protected"u8, v4); } else { writer.WriteNull("protected"u8); }
        writer.WriteString("protected_reason"u8, payload.ProtectedReason);
        writer.WriteString("owner"u8, payload.Owner);
        writer.WriteString("description"u8, payload.Description);
        if (payload.Retired is { } v5) { writer.WriteBoolean("retired"u8, v5); } else { writer.WriteNull("retired"u8); }
        writer.WriteString("retired_reason"u8, payload.RetiredReason);
        writer.WriteString("lessee"u8, payload.Lessee);
        writer.WriteString("boot_mode"u8, payload.BootMode);
        if (payload.SecureBoot is { } v6) { writer.WriteBoolean("secure_boot"u8, v6); } else { writer.WriteNull("secure_boot"u8); }
        writer.WriteString("to_power"u8, payload.ToPower);
        writer.WriteEndObject();
        writer.WriteEndObject();
        Span<byte> timestamp = stackalloc byte[32];
        writer.WriteString("timestamp"u8, timestamp[..FormatEnvelope(header.Timestamp, timestamp)]);
        writer.WriteString("_unique_id"u8, header.UniqueId);
        writer.WriteEndObject();
        writer.Flush();

        if (_outerWriter is null)
        {
            _outerWriter = new Utf8JsonWriter(output, Options);
        }
        else
        {
            _outerWriter.Reset(output);
        }

        _outerWriter.WriteStartObject();
        _outerWriter.WriteString("oslo.version"u8, "2.0"u8);
        _outerWriter.WriteString("oslo.message"u8, _inner.WrittenSpan);
        _outerWriter.WriteEndObject();
        _outerWriter.Flush();
    }

    private static void WriteDateTime(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DateTimeOffset? value)
    {
        if (value is not { } instant)
        {
            writer.WriteNull(name);
            return;
        }

        Span<byte> text = stackalloc byte[24];
        var utc = instant.UtcDateTime;
        utc.TryFormat(text, out var written, "yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        writer.WriteString(name, text[..written]);
    }

    private static int FormatEnvelope(DateTimeOffset value, Span<byte> text)
    {
        value.UtcDateTime.TryFormat(text, out var written, "yyyy-MM-dd HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture);
        return written;
    }

    private static void WriteObject(Utf8JsonWriter writer, ReadOnlySpan<byte> name, JsonObject? value)
    {
        writer.WritePropertyName(name);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteTo(writer);
        }
    }

    private static void WriteStrings(Utf8JsonWriter writer, ReadOnlySpan<byte> name, IReadOnlyList<string>? values)
    {
        writer.WritePropertyName(name);
        if (values is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartArray();
        for (var i = 0; i < values.Count; i++)
        {
            writer.WriteStringValue(values[i]);
        }

        writer.WriteEndArray();
    }
}
