using System.Text.RegularExpressions;
using System.Xml.Linq;
using VersionedNotifications.Tool.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace VersionedNotifications.Tool.Tests;

/// <summary>
/// IntelliSense and the reference say the same thing: every description in the definitions is the
/// XML documentation of the generated member (VersionedNotifications.OpenStack.xml, built with these
/// tests) and appears, word for word, on the committed page of its service.
/// </summary>
public sealed partial class XmlDocsTests
{
    private static readonly Lazy<Dictionary<string, string>> XmlSummaries = new(() =>
        XDocument.Load(Path.Combine(AppContext.BaseDirectory, "VersionedNotifications.OpenStack.xml"))
            .Descendants("member")
            .Where(m => m.Element("summary") is not null)
            .ToDictionary(m => (string)m.Attribute("name")!, m => Normalize(m.Element("summary")!.Value), StringComparer.Ordinal));

    [Fact]
    public void Descriptions_are_the_xml_docs_of_the_generated_members_and_are_on_the_pages()
    {
        var checkedCount = 0;
        var problems = new List<string>();
        foreach (var (service, member, description, eventType) in Descriptions())
        {
            checkedCount++;
            var expected = Normalize(description);
            var expectedSummary = eventType is null ? expected : Normalize(eventType + ": " + description);
            if (!XmlSummaries.Value.TryGetValue(member, out var summary))
            {
                problems.Add($"{member}: no XML documentation");
            }
            else if (summary != expectedSummary)
            {
                problems.Add($"{member}: XML says \"{summary}\", the definitions \"{expected}\"");
            }

            if (!Page(service).Contains(expected, StringComparison.Ordinal))
            {
                problems.Add($"{member}: the description is not on docs/notifications/{service}.md: \"{expected}\"");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        // Every object, field, enum and event type of the definitions that has a description: 398 today.
        Assert.True(checkedCount >= 398, $"only {checkedCount} descriptions were checked");
    }

    /// <summary>
    /// Every (service, XML member id, description) of the definitions: objects, fields, enums and event
    /// types; for an event type also its name, with which its XML summary starts.
    /// </summary>
    private static IEnumerable<(string Service, string Member, string Description, string? EventType)> Descriptions()
    {
        foreach (var file in Directory.GetFiles(RepositoryLayout.Definitions, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(file)));
            var root = (YamlMappingNode)stream.Documents[0].RootNode;
            var service = Scalar(root, "namespace")!;
            var csharp = Scalar(root, "csharp_namespace")!;
            foreach (var (name, node) in Mapping(root, "objects"))
            {
                var type = csharp + "." + (Scalar(node, "csharp_name") ?? Pascal(name));
                if (Scalar(node, "description") is { } description)
                {
                    yield return (service, "T:" + type, description, null);
                }

                var baseName = Scalar(node, "extends");
                foreach (var (field, fieldNode) in Mapping(node, "fields"))
                {
                    // A removed field generates no property; a re-declared one is the base's property.
                    if (Scalar(fieldNode, "removed") is not null || (baseName is not null && InheritsField(root, baseName, field)))
                    {
                        continue;
                    }

                    if (fieldNode is YamlMappingNode && Scalar(fieldNode, "description") is { } fieldDescription)
                    {
                        yield return (service, "P:" + type + "." + (Scalar(fieldNode, "csharp_name") ?? Pascal(field)), fieldDescription, null);
                    }
                }
            }

            foreach (var (name, node) in Mapping(root, "enums"))
            {
                if (Scalar(node, "description") is { } description)
                {
                    yield return (service, "T:" + csharp + "." + (Scalar(node, "csharp_name") ?? Pascal(name)), description, null);
                }
            }

            foreach (var (name, node) in Mapping(root, "event_types"))
            {
                if (Scalar(node, "description") is not { } description)
                {
                    continue;
                }

                IEnumerable<string?> statuses = ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode("statuses"), out var statusNode)
                    ? statusNode is YamlSequenceNode list ? list.Children.Select(s => ((YamlScalarNode)s).Value) : ((YamlMappingNode)statusNode).Children.Keys.Select(k => ((YamlScalarNode)k).Value)
                    : new string?[] { null };
                foreach (var status in statuses)
                {
                    var eventType = status is null ? name : name + "." + status;
                    yield return (service, "F:" + csharp + ".EventTypes." + string.Join('.', eventType.Split('.').Select(Pascal)), description, eventType);
                }
            }
        }
    }

    /// <summary>Whether the object <paramref name="name"/> of the same file, or one of its bases, declares <paramref name="field"/>.</summary>
    private static bool InheritsField(YamlMappingNode root, string name, string field)
    {
        for (var current = name; current is not null;)
        {
            var node = Mapping(root, "objects").FirstOrDefault(o => o.Name == current).Node;
            if (node is null)
            {
                return false;
            }

            if (Mapping(node, "fields").Any(f => f.Name == field))
            {
                return true;
            }

            current = Scalar(node, "extends");
        }

        return false;
    }

    private static readonly Dictionary<string, string> Pages = new(StringComparer.Ordinal);

    private static string Page(string service)
    {
        lock (Pages)
        {
            if (!Pages.TryGetValue(service, out var text))
            {
                text = MarkdownPages.PlainText(Path.Combine(RepositoryLayout.Notifications, service + ".md"));
                Pages.Add(service, text);
            }

            return text;
        }
    }

    private static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>The naming rule of docs/definitions.md: split at every character that is not a letter or digit, raise each part's first letter.</summary>
    private static string Pascal(string name) =>
        string.Concat(NonWord().Split(name).Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    private static string? Scalar(YamlNode node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    private static IEnumerable<(string Name, YamlNode Node)> Mapping(YamlNode node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlMappingNode children
            ? children.Children.Select(c => (((YamlScalarNode)c.Key).Value!, c.Value))
            : [];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("[^A-Za-z0-9]")]
    private static partial Regex NonWord();
}
