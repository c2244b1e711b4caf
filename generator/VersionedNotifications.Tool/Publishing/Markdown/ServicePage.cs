using System.Globalization;
using VersionedNotifications.Generator.Model;
using VersionedNotifications.Tool.Publishing.Catalog;
using VersionedNotifications.Tool.Publishing.Examples;
using VersionedNotifications.Tool.Publishing.Output;
using VersionedNotifications.Tool.Publishing.Profiles;
using VersionedNotifications.Tool.Publishing.Schemas;

namespace VersionedNotifications.Tool.Publishing.Markdown;

/// <summary>
/// The reference page of one service, in the order its own notification documentation has: what the
/// messages look like, priorities and the level option, configuration, the bus, versions, then every
/// event type by publisher, object and action with an example message, then the payloads field by field.
/// </summary>
internal sealed class ServicePage(ServiceContracts service, ServiceProfile profile, DocsLinks links)
{
    private readonly SeedNotes _notes = new(service, profile);
    private readonly MarkdownWriter _page = new();

    public static string FileName(ServiceContracts service) => service.WireNamespace + ".md";

    public static string EventAnchor(string familyName) => "event-" + familyName;

    public static string ObjectAnchor(string objectName) => "object-" + objectName;

    public static string EnumAnchor(string enumName) => "enum-" + enumName;

    public string Write()
    {
        _page.Line($"<!-- {GeneratedFiles.Marker} docs from the notification definitions; do not edit. -->");
        _page.Heading(1, profile.Title + " notifications");
        _page.Paragraph(profile.Introduction);
        _page.Paragraph($"This page describes all {service.Events.Count} event types of the `{service.WireNamespace}` definitions and their {service.Objects.Count} payload objects, as they travel on the wire. It is generated from the definitions by `vnotify docs`, like the C# contracts, the [JSON Schemas]({links.Schemas}) and the [AsyncAPI document]({links.AsyncApiDocument(service.WireNamespace)}), so it cannot drift from them. Every example message validates against its schema and decodes with the runtime's reader.");
        WriteContents();
        WriteMessage();
        WritePriorities();
        if (profile.Configuration is not null || _notes.At(ProfileSections.Configuration).Any())
        {
            _page.Heading(2, "Configuration", ProfileSections.Configuration);
            _page.Paragraph(profile.Configuration);
            _notes.Write(_page, ProfileSections.Configuration);
        }

        WriteBus();
        if (service.HasVersionedObjects)
        {
            WriteVersions();
        }

        if (_notes.Title is not null && _notes.All.Count > 0)
        {
            WriteDifferences();
        }

        WriteEventIndex();
        new EventSections(service, profile, links, _notes, _page).Write();
        new PayloadSections(service, links, _notes, _page).Write();
        return _page.ToString();
    }

    private void WriteContents()
    {
        _page.Line("- [The message](#message)");
        _page.Line("- [Priorities and the notification level](#priorities)");
        if (profile.Configuration is not null)
        {
            _page.Line("- [Configuration](#configuration)");
        }

        _page.Line("- [Topics and the bus](#bus)");
        if (service.HasVersionedObjects)
        {
            _page.Line("- [Versions](#versions)");
        }

        if (_notes.Title is not null && _notes.All.Count > 0)
        {
            _page.Line($"- [Where the wire differs from {_notes.Title}](#differences)");
        }

        _page.Line("- [Event types](#event-types)");
        foreach (var publisher in EventSections.Publishers(service, profile))
        {
            _page.Line($"  - [{publisher.Title}](#{publisher.Anchor})");
        }

        _page.Line("- [Payloads](#payloads)");
        if (service.Enums.Count > 0)
        {
            _page.Line("- [Enums](#enums)");
        }

        _page.Line();
    }

    private void WriteMessage()
    {
        _page.Heading(2, "The message", ProfileSections.Message);
        _page.Paragraph("A consumer receives each notification as a JSON object, the envelope:");
        var publishers = profile.Publishers.Count > 0
            ? string.Join(", ", profile.Publishers.Select(p => MarkdownText.Code(p.ExampleId)))
            : MarkdownText.Code(profile.ExamplePublisherId(service.WireNamespace));
        var payloadForms = new List<string>();
        if (service.Objects.Any(o => o.IsVersioned))
        {
            payloadForms.Add($"a versioned object: `{service.WireNamespace}_object.name`, `.namespace`, `.version` and `.data` (see [Versions](#versions))");
        }

        if (service.Objects.Any(o => !o.IsVersioned))
        {
            payloadForms.Add("a plain JSON object");
        }

        if (service.Events.Any(e => e.IsText || !e.Definition.TextPriorities.IsEmpty))
        {
            payloadForms.Add("a text message (a JSON string) at the priorities the event type lists");
        }

        _page.Table(
            new[] { "key", "what it holds", "on the wire" },
            new[]
            {
                new[] { "`message_id`", "A UUID that identifies the message, made by oslo.messaging.", "`\"6f1c2f3a-...\"`" },
                new[] { "`publisher_id`", "Who sent it: `service.host`.", publishers },
                new[] { "`event_type`", "What happened; see [Event types](#event-types).", ExampleEventType() },
                new[] { "`priority`", "The priority, upper case (`WARN` for warning).", string.Join(", ", PrioritiesUsed().Select(p => "`" + EnvelopeSchemas.WireName(p) + "`")) },
                new[] { "`payload`", "The event type's payload: " + string.Join("; or ", payloadForms) + ".", "see each event type" },
                new[] { "`timestamp`", "When the notification was made, in UTC: Python's `str()` of a naive datetime, without the fraction when it is zero.", "`\"" + ExampleMessages.Timestamp + "\"`" },
            });
        _page.Paragraph("Datetimes inside payloads are ISO 8601 in UTC with a `Z`: `2016-01-26T20:41:03Z` (a fraction of a second may follow the seconds). MAC addresses are lower case with colons, and a dictionary field (`flexible_dict`) is any JSON object. A UUID field holds a string, usually a lower-case UUID, but oslo sends whatever string the service put in it (upper case, without dashes, or no UUID at all).");
        _page.Paragraph("On the bus, oslo.messaging's `messagingv2` driver (the usual one) does not send the envelope as it is: it sends `{\"oslo.version\": \"2.0\", \"oslo.message\": \"<the envelope as a JSON string>\"}`, and the envelope inside also carries `_unique_id` (32 hex digits, for duplicate detection) and the sender's request context as `_context_*` keys. The older `messaging` driver sends the envelope itself, with the same extra keys; the `log` driver writes it to the log.");
        _page.Paragraph($"Schemas: the envelope [`notification.json`]({links.Schema(SchemaLayout.Envelope)}), the v2 body [`messaging-v2.json`]({links.Schema(SchemaLayout.MessagingV2)}), and any {service.WireNamespace} notification checked against its event type: [`{SchemaLayout.ServiceEnvelope(service.WireNamespace)}`]({links.Schema(SchemaLayout.ServiceEnvelope(service.WireNamespace))}).");
        _notes.Write(_page, ProfileSections.Message);
    }

    /// <summary>The first event type as the wire carries it; a service may declare objects only, for other services' payloads.</summary>
    private string ExampleEventType() =>
        service.Events.Count == 0 ? "none: these definitions declare no event type" : "`\"" + service.Events[0].Name + "\"`";

    private void WritePriorities()
    {
        _page.Heading(2, "Priorities and the notification level", ProfileSections.Priorities);
        var rows = PrioritiesUsed().Select(priority =>
        {
            var objects = service.Events.Where(e => e.Definition.Priority == priority && !e.IsText).ToList();
            var texts = service.Events.Where(e => e.IsText ? e.Definition.Priority == priority : e.Definition.TextPriorities.Contains(priority)).ToList();
            var what = new List<string>();
            if (objects.Count > 0)
            {
                what.Add(Count(objects.Count, "event type") + " with their payload object" + StatusSummary(objects));
            }

            if (texts.Count > 0)
            {
                what.Add(Count(texts.Count, "event type") + " with a text message: " + string.Join(", ", texts.Select(e => MarkdownText.Link(MarkdownText.Code(e.Name), "#" + EventAnchor(e.FamilyName)))));
            }

            return (IReadOnlyList<string>)new[] { "`" + EnvelopeSchemas.WireName(priority) + "`", string.Join("; ", what) };
        });
        _page.Table(new[] { "priority", "what is sent at it" }, rows.ToList());
        var unused = Enum.GetValues<Priority>().Except(PrioritiesUsed()).Select(p => "`" + EnvelopeSchemas.WireName(p) + "`").ToList();
        var nothing = unused.Count switch
        {
            0 => string.Empty,
            1 => $"Nothing is sent at {unused[0]}. ",
            _ => $"Nothing is sent at {string.Join(", ", unused.Take(unused.Count - 1))} or {unused[^1]}. ",
        };
        _page.Paragraph(nothing + "Each event type below gives its priority per status.");
        _page.Paragraph("A notifier sends a notification only when its priority is at or above the configured level, in the order debug, info, warning, error, critical: at level `warning`, `WARN`, `ERROR` and `CRITICAL` notifications are sent and `DEBUG` and `INFO` ones are not. The runtime's `Notifier` applies the same rule." + (profile.Configuration is null ? string.Empty : " How this service sets its level is under [Configuration](#configuration)."));
        _notes.Write(_page, ProfileSections.Priorities);
    }

    private void WriteBus()
    {
        _page.Heading(2, "Topics and the bus", ProfileSections.Bus);
        _page.Paragraph($"With RabbitMQ (oslo.messaging's `rabbit` transport) every notification is published to the **`{profile.Exchange}`** exchange, a topic exchange: the service's control exchange (`[DEFAULT] control_exchange`, or the exchange named in the `transport_url`). The routing key is `<topic>.<priority in lower case>`. The sender also declares a queue named like the routing key and binds it, so that nothing is lost before a consumer binds its own; a consumer can read from that queue or bind another queue to the exchange with the same routing key. Messages are persistent (delivery mode 2), with content type `application/json` and encoding `utf-8`.");
        _page.Paragraph((profile.Topics.Count == 1 ? $"The topic is `{profile.Topics[0]}`" : "The topics are " + string.Join(", ", profile.Topics.Select(t => "`" + t + "`"))) + (profile.TopicsOption is null ? "." : "; " + profile.TopicsOption.Trim()));
        _page.Table(
            new[] { "priority", "routing key and queue" },
            PrioritiesUsed().Select(p => (IReadOnlyList<string>)new[] { "`" + EnvelopeSchemas.WireName(p) + "`", string.Join(", ", profile.Topics.Select(t => "`" + t + "." + EnvelopeSchemas.WireName(p).ToLowerInvariant() + "`")) }).ToList());
        _page.Paragraph($"The [AsyncAPI document]({links.AsyncApiDocument(service.WireNamespace)}) describes these channels, their AMQP bindings and every message.");
        _notes.Write(_page, ProfileSections.Bus);
    }

    private void WriteVersions()
    {
        _page.Heading(2, "Versions", ProfileSections.Versions);
        _page.Paragraph($"Each versioned payload carries its version in `{service.WireNamespace}_object.version`. A minor version only adds fields, so a consumer written for 1.16 reads 1.17 and keeps what it does not know; a major version may remove or change fields. Where a producer once broke the rule in a minor version, the object's history says so as an exception. The runtime's reader takes older minors (the missing fields are listed as absent), newer minors (the unknown fields are kept) and refuses another major.");
        _page.Paragraph($"Each object has a JSON Schema per version, which requires exactly that version's fields, and one per major version (`1.x.json`), which accepts any known version or a later minor with at least the fields of the last known one: the second is the one a consumer should check against. See the [schemas' README]({links.Schema(SchemaLayout.Index)}) for what each schema allows and why.");
        _page.Table(
            new[] { "object", "current version", "versions", "schema of any version" },
            service.Objects.Where(o => o.IsVersioned).Select(o => (IReadOnlyList<string>)new[]
            {
                MarkdownText.Link(o.Name, "#" + ObjectAnchor(o.Name)),
                o.Current.ToString(),
                o.Versions.Count == 1 ? o.Versions[0].ToString() : o.Versions[0] + " to " + o.Versions[^1] + " (" + o.Versions.Count.ToString(CultureInfo.InvariantCulture) + ")",
                MarkdownText.Link(MarkdownText.Code(SchemaLayout.Payload(o)), links.Schema(SchemaLayout.Payload(o))),
            }).ToList());
        _notes.Write(_page, ProfileSections.Versions);
    }

    private void WriteDifferences()
    {
        _page.Heading(2, $"Where the wire differs from {_notes.Title}", "differences");
        _page.Paragraph($"This page follows the wire, as the real code sends it. Where {_notes.Title} says something else, the place it concerns says so in a quote; here they are together:");
        foreach (var note in _notes.All)
        {
            _page.Line($"- {MarkdownText.Link(MarkdownText.Code(note.At), "#" + PlaceAnchor(note.At))}: {note.Text.Trim().Replace("\n", " ")}");
        }

        _page.Line();
    }

    private void WriteEventIndex()
    {
        _page.Heading(2, "Event types", "event-types");
        _page.Paragraph($"All {service.Events.Count} event types, by name. The sections below group them by who sends them, then by object and action.");
        _page.Table(
            new[] { "event type", "priority", "payload" },
            service.Events.Select(e => (IReadOnlyList<string>)new[]
            {
                MarkdownText.Link(MarkdownText.Code(e.Name), "#" + EventAnchor(e.FamilyName)) + (e.Definition.Aliases.IsEmpty ? string.Empty : " (also " + string.Join(", ", e.Definition.Aliases.Select(MarkdownText.Code)) + ")"),
                PriorityText(e),
                PayloadText(e),
            }).ToList());
    }

    /// <summary>The priorities of an event type: <c>INFO</c>, or <c>INFO</c> (object), <c>ERROR</c> (text).</summary>
    public static string PriorityText(EventContract eventType) =>
        eventType.Definition.TextPriorities.IsEmpty || eventType.IsText
            ? "`" + EnvelopeSchemas.WireName(eventType.Definition.Priority) + "`"
            : "`" + EnvelopeSchemas.WireName(eventType.Definition.Priority) + "`; " + string.Join(", ", eventType.Definition.TextPriorities.Select(p => "`" + EnvelopeSchemas.WireName(p) + "`")) + " with text";

    public static string PayloadText(EventContract eventType) =>
        eventType.Payload is null
            ? "text"
            : MarkdownText.Link(eventType.Payload.Name, "#" + ObjectAnchor(eventType.Payload.Name)) + (eventType.Payload.IsVersioned ? " " + eventType.Payload.Current : string.Empty);

    private string PlaceAnchor(string place) =>
        ProfileSections.All.Contains(place) ? place
        : service.FindObject(place) is not null ? ObjectAnchor(place)
        : service.FindEnum(place) is not null ? EnumAnchor(place)
        : service.Events.FirstOrDefault(e => e.Name == place) is { } eventType ? EventAnchor(eventType.FamilyName)
        : service.Families.Any(f => f.Name == place) ? EventAnchor(place)
        : EventSections.GroupAnchor(place);

    private IReadOnlyList<Priority> PrioritiesUsed() =>
        service.Events.SelectMany(e => e.Priorities).Distinct().OrderBy(p => p).ToList();

    private static string Count(int count, string noun) => count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

    /// <summary>For families, which statuses are sent at this priority: ", the start, end and success statuses".</summary>
    private static string StatusSummary(IReadOnlyList<EventContract> events)
    {
        var statuses = events.Where(e => e.Status is not null).Select(e => e.Status!).Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();
        if (statuses.Count == 0)
        {
            return string.Empty;
        }

        var list = statuses.Count == 1 ? "`" + statuses[0] + "`" : string.Join(", ", statuses.Take(statuses.Count - 1).Select(s => "`" + s + "`")) + " and `" + statuses[^1] + "`";
        var plain = events.Count(e => e.Status is null);
        return $" (the {list} status{(statuses.Count == 1 ? string.Empty : "es")} of families" + (plain == 0 ? ")" : $", and {Count(plain, "plain event type")})");
    }
}
