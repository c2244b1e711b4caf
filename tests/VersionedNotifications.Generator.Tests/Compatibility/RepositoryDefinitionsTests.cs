using System.Collections.Immutable;
using System.Text.RegularExpressions;
using VersionedNotifications.Generator.Checks;
using VersionedNotifications.Generator.Compatibility;
using VersionedNotifications.Generator.Model;
using VersionedNotifications.Generator.Parsing;
using VersionedNotifications.Generator.Tests.Infrastructure;

namespace VersionedNotifications.Generator.Tests.Compatibility;

/// <summary>
/// The definitions checked in under definitions/ (ironic 21.4.4, from the real code) against the
/// checked-in manifest, and the acceptance case of the microversion rules: ironic's real NodePayload
/// history from 1.0 to 1.16 replays with no error, and fails at 1.1 and 1.2, where ironic broke the
/// rule, as soon as the exceptions recording that are taken out.
/// </summary>
public sealed partial class RepositoryDefinitionsTests
{
    private static List<DefinitionFile> Definitions(Func<string, string>? edit = null) =>
        Directory.EnumerateFiles(Repository.PathOf("definitions"), "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => DefinitionParser.Parse(path, (edit ?? (t => t))(File.ReadAllText(path))))
            .Select(result =>
            {
                Assert.Empty(result.Diagnostics);
                return result.Value;
            })
            .ToList();

    private static ShippedManifest Manifest()
    {
        var path = Repository.PathOf("definitions", ShippedManifest.FileName);
        return ShippedManifest.Parse(path, File.ReadAllText(path));
    }

    [Fact]
    public void Checked_in_definitions_are_valid_and_match_the_shipped_manifest()
    {
        var files = Definitions();
        Assert.Empty(DefinitionChecker.Check(files.ToImmutableArray()).Diagnostics);
        Assert.Empty(Manifest().Errors);
        Assert.Empty(CompatibilityChecker.Check(files, Manifest()).Select(d => d.Message));
    }

    [Fact]
    public void Node_payload_history_is_complete_from_1_0_to_1_16()
    {
        var node = Definitions().SelectMany(f => f.Objects).Single(o => o.Name == "NodePayload");
        Assert.Equal(Enumerable.Range(0, 17).Select(minor => $"1.{minor}"), HistoryReplay.Versions(node).Select(v => v.ToString()));
        Assert.True(ObjectVersion.TryParse("1.0", out var first));
        Assert.True(ObjectVersion.TryParse("1.16", out var current));
        Assert.False(HistoryReplay.FieldsAt(node, first)["network_interface"].IsNullable);
        Assert.True(HistoryReplay.FieldsAt(node, current)["network_interface"].IsNullable);
        Assert.Contains("secure_boot", HistoryReplay.FieldsAt(node, current).Keys);
        Assert.DoesNotContain("secure_boot", HistoryReplay.FieldsAt(node, new ObjectVersion(1, 15)).Keys);
    }

    [Fact]
    public void Removing_Ironic_s_recorded_exceptions_fails_exactly_at_1_1_and_1_2()
    {
        var files = Definitions(CompatibilityHarness.RemoveExceptions);

        // Ironic's breaches only: nova's definitions record exceptions of their own (FlavorPayload 1.3, AggregatePayload 1.1).
        var breaches = CompatibilityChecker.Check(files, Manifest())
            .Where(d => d.Location.FilePath.Replace('\\', '/').Contains("/ironic/", StringComparison.Ordinal))
            .Select(d => (d.Descriptor.Id, d.Message))
            .ToList();

        Assert.All(breaches, b => Assert.Equal("VN0202", b.Id));
        var found = breaches.Select(b => Breach().Match(b.Message)).Select(m =>
        {
            Assert.True(m.Success, "unexpected breach");
            return $"{m.Groups["object"].Value} {m.Groups["version"].Value} {m.Groups["field"].Value}";
        }).Order(StringComparer.Ordinal);

        // The derived payloads repeat these exceptions in their histories for readers, but their
        // own fields never changed: the breach belongs to NodePayload, which owns the fields.
        Assert.Equal(["NodePayload 1.1 network_interface", "NodePayload 1.2 console_enabled", "NodePayload 1.2 maintenance"], found);
    }

    [GeneratedRegex(@"^(?<object>\w+) (?<version>1\.[12]) makes field '(?<field>\w+)' nullable compared with \k<object> 1\.[01],")]
    private static partial Regex Breach();
}
