using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using VersionedNotifications.Generator.Diagnostics;
using VersionedNotifications.Generator.Tests.Infrastructure;

namespace VersionedNotifications.Generator.Tests.Diagnostics;

/// <summary>The table of descriptors: stable IDs, help links derived from the ID, release tracking.</summary>
public sealed class DiagnosticDescriptorTests
{
    private const string HelpLinkBase = "https://github.com/VersionedNotifications/VersionedNotifications/blob/main/docs/diagnostics.md#";

    private static readonly IReadOnlyList<FieldInfo> DescriptorFields = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .ToList();

    private static readonly IReadOnlyList<DiagnosticDescriptor> Descriptors = DescriptorFields
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToList();

    [Fact]
    public void Every_documented_id_has_a_descriptor()
    {
        var expected = Enumerable.Range(1, 16).Concat(Enumerable.Range(200, 14)).Select(i => $"VN{i:0000}").Concat(["VN0100", "VN0101", "VN0999"]);
        Assert.Equal(expected.OrderBy(i => i, StringComparer.Ordinal), Descriptors.Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_descriptor_has_a_section_in_diagnostics_md()
    {
        var documented = Regex.Matches(File.ReadAllText(Repository.PathOf("docs", "diagnostics.md")), @"^## (VN\d{4})$", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value);
        Assert.Equal(Descriptors.Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal), documented.OrderBy(i => i, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_help_link_points_at_the_lower_case_id_in_diagnostics_md()
    {
        Assert.All(Descriptors, d => Assert.Equal(HelpLinkBase + d.Id.ToLowerInvariant(), d.HelpLinkUri));
    }

    [Fact]
    public void Every_descriptor_is_enabled_with_its_severity_a_title_and_a_known_category()
    {
        Assert.All(Descriptors, d =>
        {
            var expected = d.Id switch { "VN0200" => DiagnosticSeverity.Info, "VN0203" => DiagnosticSeverity.Warning, _ => DiagnosticSeverity.Error };
            Assert.Equal(expected, d.DefaultSeverity);
            Assert.True(d.IsEnabledByDefault, d.Id);
            Assert.False(string.IsNullOrWhiteSpace(d.Title.ToString(CultureInfo.InvariantCulture)), d.Id);
            Assert.Contains(d.Category, new[] { "VersionedNotifications.Definitions", "VersionedNotifications.Usage", "VersionedNotifications.Compatibility" });
        });
    }

    [Fact]
    public void Every_descriptor_is_tracked_in_analyzer_releases_unshipped()
    {
        var rows = UnshippedRows();

        Assert.All(Descriptors, d =>
        {
            Assert.True(rows.TryGetValue(d.Id, out var row), $"{d.Id} is not in AnalyzerReleases.Unshipped.md");
            Assert.Equal(d.Category, row.Category);
            Assert.Equal(d.DefaultSeverity.ToString(), row.Severity);
        });
        Assert.Equal(Descriptors.Count, rows.Count);
    }

    [Fact]
    public void Every_release_note_names_its_rule_by_its_descriptor_field()
    {
        var rows = UnshippedRows();

        Assert.All(DescriptorFields, field =>
        {
            var id = ((DiagnosticDescriptor)field.GetValue(null)!).Id;
            Assert.True(rows.TryGetValue(id, out var row), $"{id} is not in AnalyzerReleases.Unshipped.md");
            Assert.Equal(field.Name, row.Notes);
        });
    }

    /// <summary>The rows of AnalyzerReleases.Unshipped.md by rule ID: category, severity and notes.</summary>
    private static Dictionary<string, (string Category, string Severity, string Notes)> UnshippedRows() =>
        File.ReadAllLines(Path.Combine(Repository.Root, "generator", "VersionedNotifications.Generator", "AnalyzerReleases.Unshipped.md"))
            .Select(line => Regex.Match(line, @"^(VN\d{4})\s*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|\s*([^|]*?)\s*$"))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value, m => (Category: m.Groups[2].Value, Severity: m.Groups[3].Value, Notes: m.Groups[4].Value));
}
