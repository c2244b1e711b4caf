using VersionedNotifications.Tool.Publishing.Catalog;
using VersionedNotifications.Tool.Publishing.Examples;
using VersionedNotifications.Tool.Publishing.Output;
using VersionedNotifications.Tool.Publishing.Profiles;
using VersionedNotifications.Tool.Publishing.Schemas;

namespace VersionedNotifications.Tool.Publishing.Markdown;

/// <summary>
/// The event types of a service page: by publisher (as the service's documentation lists them), then
/// by object (<c>baremetal.node</c>), then by action (<c>baremetal.node.power_set</c>) with its
/// statuses and priorities, its payload, and an example message.
/// </summary>
internal sealed class EventSections(ServiceContracts service, ServiceProfile profile, DocsLinks links, SeedNotes notes, MarkdownWriter page)
{
    /// <summary>A publisher's section: its title, anchor and families.</summary>
    public sealed record PublisherSection(string Title, string Anchor, string? Description, IReadOnlyList<EventFamily> Families);

    public static string GroupAnchor(string group) => "group-" + group;

    /// <summary>The families by publisher; families no publisher claims come last, under "Other".</summary>
    public static IReadOnlyList<PublisherSection> Publishers(ServiceContracts service, ServiceProfile profile)
    {
        if (profile.Publishers.Count == 0)
        {
            return new[] { new PublisherSection("Notifications by object", "by-object", null, service.Families) };
        }

        var sections = profile.Publishers
            .Select(p => new PublisherSection(p.Name + " notifications", "publisher-" + p.Name, p.Description, service.Families.Where(f => profile.PublisherOf(f.Events[0].Name) == p).ToList()))
            .Where(s => s.Families.Count > 0)
            .OrderBy(s => s.Title, StringComparer.Ordinal)
            .ToList();
        var other = service.Families.Where(f => profile.PublisherOf(f.Events[0].Name) is null).ToList();
        if (other.Count > 0)
        {
            sections.Add(new PublisherSection("Other notifications", "publisher-other", null, other));
        }

        return sections;
    }

    public void Write()
    {
        var writtenGroups = new HashSet<string>(StringComparer.Ordinal);
        foreach (var publisher in Publishers(service, profile))
        {
            page.Heading(2, publisher.Title, publisher.Anchor);
            page.Paragraph(publisher.Description);
            foreach (var group in publisher.Families.GroupBy(f => f.Group, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                // A group split across publishers gets its anchor and notes where it first appears.
                page.Heading(3, MarkdownText.Code(group.Key + ".*"), writtenGroups.Add(group.Key) ? GroupAnchor(group.Key) : null);
                notes.Write(page, group.Key);
                foreach (var family in group)
                {
                    WriteFamily(family);
                }
            }
        }
    }

    private void WriteFamily(EventFamily family)
    {
        page.Heading(4, MarkdownText.Code(family.Name), ServicePage.EventAnchor(family.Name));
        page.Paragraph(family.Description is null ? null : MarkdownText.Escape(family.Description));
        var rows = family.Events.Select(e => (IReadOnlyList<string>)new[]
        {
            MarkdownText.Code(e.Name),
            ServicePage.PriorityText(e),
            MarkdownText.Link(MarkdownText.Code("events/" + e.Name + ".json"), links.Schema(SchemaLayout.Event(e))),
        }).ToList();
        page.Table(new[] { "event type", "priority", "schema" }, rows);
        WritePayload(family);
        if (family.Aliases.Count > 0)
        {
            page.Paragraph("Also accepted under the name " + string.Join(", ", family.Aliases.Select(a => MarkdownText.Code(family.IsFamily ? a + ".*" : a))) + ": readers, the schemas and `EventTypes.TryGet` take it as this event type; producers send " + MarkdownText.Code(family.IsFamily ? family.Name + ".*" : family.Name) + ".");
        }

        notes.Write(page, family.Name);
        foreach (var eventType in family.Events.Where(e => e.Name != family.Name))
        {
            notes.Write(page, eventType.Name);
        }

        var example = family.ExampleEvent;
        page.Paragraph($"Example of `{example.Name}`:");
        page.CodeBlock("json", JsonText.Format(ExampleMessages.Message(example, service, profile)));
    }

    private void WritePayload(EventFamily family)
    {
        var payload = family.Payload;
        if (payload is null)
        {
            page.Paragraph("The payload is a text message (a JSON string).");
            return;
        }

        var form = payload.IsVersioned
            ? $"the versioned object {MarkdownText.Link(payload.Name, "#" + ServicePage.ObjectAnchor(payload.Name))} {payload.Current} (`{payload.WireNamespace}_object.version`: `\"{payload.Current}\"`, or a later {payload.Current.Major}.x)"
            : $"the plain object {MarkdownText.Link(payload.Name, "#" + ServicePage.ObjectAnchor(payload.Name))}";
        var texts = family.Events[0].Definition.TextPriorities;
        var text = texts.IsEmpty ? "." : "; at " + string.Join(" and ", texts.Select(p => "`" + EnvelopeSchemas.WireName(p) + "`")) + " it is a text message (a JSON string) instead.";
        page.Paragraph("Payload: " + form + text);
    }
}
