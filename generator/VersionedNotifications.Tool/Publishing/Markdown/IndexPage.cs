using VersionedNotifications.Tool.Publishing.Catalog;
using VersionedNotifications.Tool.Publishing.Output;
using VersionedNotifications.Tool.Publishing.Profiles;
using VersionedNotifications.Tool.Publishing.Schemas;

namespace VersionedNotifications.Tool.Publishing.Markdown;

/// <summary>The README of the docs folder: every service, and every event type with a link to its section.</summary>
internal static class IndexPage
{
    public const string FileName = "README.md";

    public static string Write(ContractCatalog catalog, IReadOnlyList<ServiceProfile> profiles, DocsLinks links)
    {
        var page = new MarkdownWriter();
        page.Line($"<!-- {GeneratedFiles.Marker} docs from the notification definitions; do not edit. -->");
        page.Heading(1, "Notification reference");
        var total = catalog.Services.Sum(s => s.Events.Count);
        page.Paragraph($"Every notification the definitions describe: {total} event types of {catalog.Services.Count} service{(catalog.Services.Count == 1 ? string.Empty : "s")}, as they travel on the wire. The pages, the [JSON Schemas]({links.Schemas}) and the [AsyncAPI documents]({links.AsyncApi}) are generated from the definitions by `vnotify docs`, `vnotify schema` and `vnotify asyncapi`, as the C# contracts are by the source generator, and a test regenerates them and fails when what is committed differs.");
        page.Table(
            new[] { "service", "event types", "payload objects", "reference", "AsyncAPI", "schemas" },
            catalog.Services.Zip(profiles).Select(x => (IReadOnlyList<string>)new[]
            {
                x.Second.Title,
                x.First.Events.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                x.First.Objects.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                MarkdownText.Link(ServicePage.FileName(x.First), ServicePage.FileName(x.First)),
                MarkdownText.Link(x.First.WireNamespace + ".yaml", links.AsyncApiDocument(x.First.WireNamespace)),
                MarkdownText.Link(SchemaLayout.ServiceEnvelope(x.First.WireNamespace), links.Schema(SchemaLayout.ServiceEnvelope(x.First.WireNamespace))),
            }).ToList());
        page.Heading(2, "All event types", "all-event-types");
        page.Table(
            new[] { "event type", "priority", "payload" },
            catalog.Services.SelectMany(s => s.Events).OrderBy(e => e.Name, StringComparer.Ordinal).Select(e =>
            {
                var file = e.WireNamespace + ".md";
                return (IReadOnlyList<string>)new[]
                {
                    MarkdownText.Link(MarkdownText.Code(e.Name), file + "#" + ServicePage.EventAnchor(e.FamilyName)),
                    ServicePage.PriorityText(e),
                    e.Payload is null ? "text" : MarkdownText.Link(e.Payload.Name, file + "#" + ServicePage.ObjectAnchor(e.Payload.Name)) + (e.Payload.IsVersioned ? " " + e.Payload.Current : string.Empty),
                };
            }).ToList());
        return page.ToString();
    }
}
