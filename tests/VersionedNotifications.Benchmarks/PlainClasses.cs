using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace VersionedNotifications.Benchmarks;

// The same message as plain classes, for reflection-based System.Text.Json: what a .NET shop
// writes by hand without this project. Wire names come from attributes; the versioned wrapper and
// the oslo body are classes of their own.

public sealed class PlainBody
{
    [JsonPropertyName("oslo.version")]
    public string Version { get; set; } = "2.0";

    [JsonPropertyName("oslo.message")]
    public string Message { get; set; } = null!;
}

public sealed class PlainEnvelope
{
    [JsonPropertyName("message_id")]
    public string MessageId { get; set; } = null!;

    [JsonPropertyName("publisher_id")]
    public string PublisherId { get; set; } = null!;

    [JsonPropertyName("event_type")]
    public string EventType { get; set; } = null!;

    [JsonPropertyName("priority")]
    public string Priority { get; set; } = null!;

    [JsonPropertyName("payload")]
    public PlainVersionedPayload Payload { get; set; } = null!;

    [JsonPropertyName("timestamp")]
    public string Timestamp { get; set; } = null!;

    [JsonPropertyName("_unique_id")]
    public string? UniqueId { get; set; }
}

public sealed class PlainVersionedPayload
{
    [JsonPropertyName("ironic_object.name")]
    public string Name { get; set; } = null!;

    [JsonPropertyName("ironic_object.namespace")]
    public string Namespace { get; set; } = null!;

    [JsonPropertyName("ironic_object.version")]
    public string Version { get; set; } = null!;

    [JsonPropertyName("ironic_object.data")]
    public PlainNodeData Data { get; set; } = null!;
}

public sealed class PlainNodeData
{
    [JsonPropertyName("uuid")]
    public Guid Uuid { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("driver")]
    public string? Driver { get; set; }

    [JsonPropertyName("instance_uuid")]
    public Guid? InstanceUuid { get; set; }

    [JsonPropertyName("power_state")]
    public string? PowerState { get; set; }

    [JsonPropertyName("target_power_state")]
    public string? TargetPowerState { get; set; }

    [JsonPropertyName("provision_state")]
    public string? ProvisionState { get; set; }

    [JsonPropertyName("target_provision_state")]
    public string? TargetProvisionState { get; set; }

    [JsonPropertyName("provision_updated_at")]
    public DateTimeOffset? ProvisionUpdatedAt { get; set; }

    [JsonPropertyName("maintenance")]
    public bool? Maintenance { get; set; }

    [JsonPropertyName("maintenance_reason")]
    public string? MaintenanceReason { get; set; }

    [JsonPropertyName("console_enabled")]
    public bool? ConsoleEnabled { get; set; }

    [JsonPropertyName("last_error")]
    public string? LastError { get; set; }

    [JsonPropertyName("clean_step")]
    public JsonObject? CleanStep { get; set; }

    [JsonPropertyName("properties")]
    public JsonObject? Properties { get; set; }

    [JsonPropertyName("extra")]
    public JsonObject? Extra { get; set; }

    [JsonPropertyName("inspection_started_at")]
    public DateTimeOffset? InspectionStartedAt { get; set; }

    [JsonPropertyName("inspection_finished_at")]
    public DateTimeOffset? InspectionFinishedAt { get; set; }

    [JsonPropertyName("network_interface")]
    public string? NetworkInterface { get; set; }

    [JsonPropertyName("resource_class")]
    public string? ResourceClass { get; set; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; set; }

    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; set; }

    [JsonPropertyName("boot_interface")]
    public string? BootInterface { get; set; }

    [JsonPropertyName("console_interface")]
    public string? ConsoleInterface { get; set; }

    [JsonPropertyName("deploy_interface")]
    public string? DeployInterface { get; set; }

    [JsonPropertyName("inspect_interface")]
    public string? InspectInterface { get; set; }

    [JsonPropertyName("management_interface")]
    public string? ManagementInterface { get; set; }

    [JsonPropertyName("power_interface")]
    public string? PowerInterface { get; set; }

    [JsonPropertyName("raid_interface")]
    public string? RaidInterface { get; set; }

    [JsonPropertyName("vendor_interface")]
    public string? VendorInterface { get; set; }

    [JsonPropertyName("storage_interface")]
    public string? StorageInterface { get; set; }

    [JsonPropertyName("rescue_interface")]
    public string? RescueInterface { get; set; }

    [JsonPropertyName("traits")]
    public List<string>? Traits { get; set; }

    [JsonPropertyName("fault")]
    public string? Fault { get; set; }

    [JsonPropertyName("bios_interface")]
    public string? BiosInterface { get; set; }

    [JsonPropertyName("deploy_step")]
    public JsonObject? DeployStep { get; set; }

    [JsonPropertyName("conductor_group")]
    public string? ConductorGroup { get; set; }

    [JsonPropertyName("protected")]
    public bool? Protected { get; set; }

    [JsonPropertyName("protected_reason")]
    public string? ProtectedReason { get; set; }

    [JsonPropertyName("owner")]
    public string? Owner { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("retired")]
    public bool? Retired { get; set; }

    [JsonPropertyName("retired_reason")]
    public string? RetiredReason { get; set; }

    [JsonPropertyName("lessee")]
    public string? Lessee { get; set; }

    [JsonPropertyName("boot_mode")]
    public string? BootMode { get; set; }

    [JsonPropertyName("secure_boot")]
    public bool? SecureBoot { get; set; }

    [JsonPropertyName("to_power")]
    public string? ToPower { get; set; }
}
