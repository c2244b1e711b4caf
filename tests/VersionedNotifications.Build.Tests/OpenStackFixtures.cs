using System.Text.Json.Nodes;

namespace VersionedNotifications.Build.Tests;

/// <summary>The messages the real ironic and glance code made (tests/fixtures/openstack), and copies of them made into other forms.</summary>
internal static class OpenStackFixtures
{
    public static string Folder { get; } = Path.Combine(RepositoryLayout.Root, "tests", "fixtures", "openstack");

    /// <summary>Every fixture as a path relative to the repository root, ironic first, in ordinal order.</summary>
    public static IReadOnlyList<string> All { get; } = new[] { "ironic", "glance", "nova" }
        .SelectMany(service => Directory.GetFiles(Path.Combine(Folder, service), "*.json").Order(StringComparer.Ordinal))
        .Select(path => Path.GetRelativePath(RepositoryLayout.Root, path))
        .ToList();

    public static string PathOf(string service, string name) => Path.Combine(Folder, service, name + ".json");

    public static JsonObject Load(string service, string name) => JsonNode.Parse(File.ReadAllText(PathOf(service, name)))!.AsObject();

    /// <summary>The oslo v2 body around <paramref name="envelope"/>, as oslo.messaging's messagingv2 driver sends it.</summary>
    public static string AsMessagingV2(JsonObject envelope) =>
        new JsonObject { ["oslo.version"] = "2.0", ["oslo.message"] = envelope.ToJsonString() }.ToJsonString();
}
