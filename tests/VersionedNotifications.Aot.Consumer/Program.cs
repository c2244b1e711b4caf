using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using VersionedNotifications;
using VersionedNotifications.OpenStack;
using VersionedNotifications.OpenStack.Ironic;
using VersionedNotifications.Wire;

// What a consumer does with the contracts, compiled ahead of time: write and read a notification,
// round-trip a payload through JsonSerializer, and read a message the real ironic code made.
var failures = new List<string>();
var reader = new NotificationReader(OpenStackJsonContext.Default);

var payload = new NodeSetPowerStatePayload
{
    Uuid = Guid.Parse("1be26c0b-03f2-4d2e-ae87-c02d7f33c123"),
    // oslo passes any string on in a uuid field; it must come back as it went.
    InstanceUuid = new Uuid("fake-instance-id"),
    Name = "node-7",
    Driver = "ipmi",
    PowerState = "power off",
    TargetPowerState = "power on",
    ToPower = "power on",
    ProvisionState = "available",
    Maintenance = false,
    ConsoleEnabled = false,
    Properties = new JsonObject { ["cpu_arch"] = "x86_64", ["cpus"] = 8, ["memory_mb"] = 4096 },
    Extra = new JsonObject(),
    CleanStep = new JsonObject(),
    DeployStep = new JsonObject(),
    Traits = ["CUSTOM_TRAIT1", "HW_CPU_X86_VMX"],
    CreatedAt = new DateTimeOffset(2016, 1, 26, 20, 41, 3, TimeSpan.Zero),
    UpdatedAt = new DateTimeOffset(2016, 1, 27, 20, 41, 3, TimeSpan.Zero),
    BootMode = "uefi",
    SecureBoot = false,
};

// A v2 body, written and read back.
var sent = Notification.Create(EventTypes.Baremetal.Node.PowerSet.Start, payload, "ironic-conductor.host");
var v2 = NotificationWriter.Write(sent, MessageFormat.MessagingV2);
if (reader.Read(v2) is DecodedNotification { Notification: Notification<NodeSetPowerStatePayload> received })
{
    Expect("v2 header", received.Header.MessageId == sent.Header.MessageId && received.Header.EventType == "baremetal.node.power_set.start" && received.Priority == NotificationPriority.Info);
    ExpectSame("v2 payload", Differences(payload, received.Payload));
    Expect("v2 uuid text", received.Payload.InstanceUuid is { Text: "fake-instance-id", Guid: null });
}
else
{
    failures.Add("v2: not read back as a NodeSetPowerStatePayload notification: " + reader.Read(v2));
}

// The payload alone, through the generated JSON context.
var json = JsonSerializer.Serialize(payload, OpenStackJsonContext.Default.NodeSetPowerStatePayload);
var deserialized = JsonSerializer.Deserialize(json, OpenStackJsonContext.Default.NodeSetPowerStatePayload);
ExpectSame("JsonSerializer payload", deserialized is null ? "nothing deserialized" : Differences(payload, deserialized));

// A real ironic message, read, written as v1 and read again.
using (var resource = typeof(Program).Assembly.GetManifestResourceStream("baremetal.node.power_set.end.json")!)
using (var copy = new MemoryStream())
{
    resource.CopyTo(copy);
    if (reader.Read(copy.ToArray()) is DecodedNotification { Notification: Notification<NodeSetPowerStatePayload> fixture } decoded)
    {
        Expect("fixture event type", ReferenceEquals(decoded.EventTypeInfo, EventTypes.Baremetal.Node.PowerSet.End));
        Expect("fixture payload", fixture.Payload.Uuid.Text == "1be26c0b-03f2-4d2e-ae87-c02d7f33c123"
            && fixture.Payload.Uuid.Guid == Guid.Parse("1be26c0b-03f2-4d2e-ae87-c02d7f33c123")
            && fixture.Payload.ToPower == "power on"
            && fixture.Payload.Traits is ["CUSTOM_TRAIT1", "HW_CPU_X86_VMX"]
            && fixture.Payload.Properties?["memory_mb"]?.GetValue<int>() == 4096
            && fixture.Payload.WireState is null);
        var v1 = NotificationWriter.Write(fixture, MessageFormat.MessagingV1, new PayloadWriteOptions { MaskSecrets = false });
        if (reader.Read(v1) is DecodedNotification { Notification: Notification<NodeSetPowerStatePayload> again })
        {
            Expect("fixture header", again.Header == fixture.Header);
            ExpectSame("fixture payload again", Differences(fixture.Payload, again.Payload));
        }
        else
        {
            failures.Add("fixture: not read back after writing it as v1: " + reader.Read(v1));
        }
    }
    else
    {
        failures.Add("fixture: not read as a NodeSetPowerStatePayload notification: " + reader.Read(copy.ToArray()));
    }
}

foreach (var failure in failures)
{
    Console.Error.WriteLine("FAILED " + failure);
}

if (failures.Count > 0)
{
    return 1;
}

Console.WriteLine("AOT round trip OK");
return 0;

void Expect(string what, bool holds) => ExpectSame(what, holds ? null : "does not hold");

void ExpectSame(string what, string? difference)
{
    if (difference is not null)
    {
        failures.Add($"{what}: {difference}");
    }
}

// Records compare lists and JSON objects by reference: compare those by content, the rest as the record does.
static string? Differences(NodeSetPowerStatePayload expected, NodeSetPowerStatePayload actual)
{
    if (!(expected.Traits ?? []).SequenceEqual(actual.Traits ?? []))
    {
        return "traits differ";
    }

    foreach (var (name, left, right) in new[]
    {
        ("properties", expected.Properties, actual.Properties),
        ("extra", expected.Extra, actual.Extra),
        ("clean_step", expected.CleanStep, actual.CleanStep),
        ("deploy_step", expected.DeployStep, actual.DeployStep),
    })
    {
        if (!JsonNode.DeepEquals(left, right))
        {
            return name + " differ";
        }
    }

    var scalarsExpected = expected with { Traits = null, Properties = null, Extra = null, CleanStep = null, DeployStep = null };
    var scalarsActual = actual with { Traits = null, Properties = null, Extra = null, CleanStep = null, DeployStep = null };
    return scalarsExpected == scalarsActual ? null : $"expected {scalarsExpected}, found {scalarsActual}";
}
