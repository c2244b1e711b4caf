using System.Text.Json.Nodes;

namespace VersionedNotifications.Tool.Tests.Infrastructure;

/// <summary>The messages the real ironic, glance and nova code made (tests/fixtures/openstack), v1 envelopes.</summary>
internal static class OpenStackFixtures
{
    public sealed record Fixture(string Service, string Name, JsonObject Message)
    {
        public string EventType => (string)Message["event_type"]!;

        public string Priority => (string)Message["priority"]!;

        public JsonNode? Payload => Message["payload"];

        /// <summary>For a versioned payload (ironic's, nova's), the schema of exactly its object version.</summary>
        public string? ObjectVersionSchema => Payload is JsonObject payload && payload[Service + "_object.name"] is { } name
            ? $"{Service}/{name}/{payload[Service + "_object.version"]}.json"
            : null;

        public JsonObject Copy() => Message.DeepClone().AsObject();
    }

    public static IReadOnlyList<Fixture> All { get; } = new[] { "ironic", "glance", "nova" }
        .SelectMany(service => Directory.GetFiles(Path.Combine(RepositoryLayout.Fixtures, service), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path => new Fixture(service, Path.GetFileNameWithoutExtension(path), JsonNode.Parse(File.ReadAllText(path))!.AsObject())))
        .ToList();

    public static IEnumerable<Fixture> Ironic => All.Where(f => f.Service == "ironic");

    public static IEnumerable<Fixture> Glance => All.Where(f => f.Service == "glance");
}
