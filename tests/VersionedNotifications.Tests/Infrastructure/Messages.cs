using System.Text.Json;
using System.Text.Json.Nodes;

namespace VersionedNotifications.Tests.Infrastructure;

/// <summary>Real fixtures edited as JSON trees, to make the wire variants the tests need.</summary>
internal static class Messages
{
    public static JsonObject Fixture(string service, string file) => JsonNode.Parse(Fixtures.Read(service, file))!.AsObject();

    /// <summary>The power_set.start fixture (NodeSetPowerStatePayload 1.16).</summary>
    public static JsonObject PowerSetStart() => Fixture("ironic", "baremetal.node.power_set.start.json");

    /// <summary>The maintenance_set.start fixture (plain NodePayload 1.16, which declares all its fields itself).</summary>
    public static JsonObject MaintenanceSetStart() => Fixture("ironic", "baremetal.node.maintenance_set.start.json");

    public static JsonObject Data(JsonObject message) => message["payload"]!["ironic_object.data"]!.AsObject();

    public static byte[] Bytes(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node);

    /// <summary>The message as an oslo v2 body, the envelope carried as a JSON string.</summary>
    public static byte[] V2(JsonObject envelope)
    {
        var body = new JsonObject
        {
            ["oslo.version"] = "2.0",
            ["oslo.message"] = envelope.ToJsonString(),
        };
        return Bytes(body);
    }
}
