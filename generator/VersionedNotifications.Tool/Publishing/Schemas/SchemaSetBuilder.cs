using System.Text.Json.Nodes;
using VersionedNotifications.Tool.Publishing.Catalog;
using VersionedNotifications.Tool.Publishing.Output;

namespace VersionedNotifications.Tool.Publishing.Schemas;

/// <summary>
/// The schemas folder: the envelope forms, every version of every object (and "any version of this
/// major"), every event type, and one schema per service that checks each notification against its
/// event type's schema. JSON Schema draft 2020-12.
/// </summary>
internal sealed class SchemaSetBuilder(ContractCatalog catalog, SchemaLayout layout)
{
    public const string Dialect = "https://json-schema.org/draft/2020-12/schema";

    private const string Comment = GeneratedFiles.Marker + " schema from the notification definitions; do not edit.";

    public IReadOnlyList<GeneratedFile> Build()
    {
        var files = new List<GeneratedFile>
        {
            File(SchemaLayout.Envelope, "A notification", "The oslo notification envelope: the form the notifier hands to its driver, the form the messaging (v1) driver sends, and the content of a messaging v2 body's oslo.message.", EnvelopeSchemas.Notification()),
            File(SchemaLayout.MessagingV2, "A messaging v2 body", "What oslo's messagingv2 driver publishes: the envelope as a JSON string. Validators treat contentSchema as an annotation: decode oslo.message and check it against notification.json.", EnvelopeSchemas.MessagingV2(SchemaLayout.Envelope, withContentSchema: true)),
        };
        foreach (var service in catalog.Services)
        {
            foreach (var contract in service.Objects)
            {
                files.AddRange(ObjectFiles(service, contract));
            }

            foreach (var eventType in service.Events)
            {
                var path = SchemaLayout.Event(eventType);
                var payload = eventType.Payload is null ? null : SchemaLayout.Reference(path, SchemaLayout.Payload(eventType.Payload));
                files.Add(File(path, eventType.Name, EventDescription(eventType), EnvelopeSchemas.Event(eventType, SchemaLayout.Reference(path, SchemaLayout.Envelope), payload)));
            }

            files.Add(ServiceFile(service));
        }

        files.Add(new GeneratedFile(SchemaLayout.Index, SchemaIndex.Write(catalog, layout)));
        return files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }

    private IEnumerable<GeneratedFile> ObjectFiles(ServiceContracts service, ObjectContract contract)
    {
        foreach (var version in contract.IsVersioned ? contract.Versions : new[] { contract.Current })
        {
            var path = SchemaLayout.ObjectVersion(contract, version);
            var closed = new ValueSchemas(service, target => SchemaLayout.Reference(path, SchemaLayout.Payload(target)), closedEnums: true);
            var open = new ValueSchemas(service, target => SchemaLayout.Reference(path, SchemaLayout.Payload(target)), closedEnums: false);
            var title = contract.IsVersioned ? contract.Name + " " + version : contract.Name;
            yield return File(path, title, ObjectDescription(contract, version), ObjectSchemas.Exact(contract, version, closed, open));
        }

        if (!contract.IsVersioned)
        {
            yield break;
        }

        foreach (var major in contract.Versions.GroupBy(v => v.Major))
        {
            var path = SchemaLayout.ObjectMajor(contract, major.Key);
            var last = major.Max();
            var open = new ValueSchemas(service, target => SchemaLayout.Reference(path, SchemaLayout.Payload(target)), closedEnums: false);
            var laterMinor = ObjectSchemas.LaterMinor(contract, last, open);
            var description = $"Any version of {contract.Name} in major version {major.Key}: one of the known versions exactly, or a minor version after {last}, which carries at least the fields of {last} (a minor version only adds fields) and may carry more.";
            var oneOf = new JsonArray(major.Select(v => (JsonNode)new JsonObject { ["$ref"] = SchemaLayout.Reference(path, SchemaLayout.ObjectVersion(contract, v)) }).ToArray());
            oneOf.Add(laterMinor);
            yield return File(path, $"{contract.Name} {major.Key}.x", description, new JsonObject { ["oneOf"] = oneOf });
        }

        if (SchemaLayout.HasOlderMajors(contract))
        {
            var path = SchemaLayout.Payload(contract);
            var majors = contract.Versions.Select(v => v.Major).Distinct().ToList();
            var description = $"Any version of {contract.Name} that the definitions describe, in major version {string.Join(" or ", majors)}: during a rolling upgrade older services still send the older major, and the reader reads it.";
            var oneOf = new JsonArray(majors.Select(m => (JsonNode)new JsonObject { ["$ref"] = SchemaLayout.Reference(path, SchemaLayout.ObjectMajor(contract, m)) }).ToArray());
            yield return File(path, $"{contract.Name}, any described version", description, new JsonObject { ["oneOf"] = oneOf });
        }
    }

    private GeneratedFile ServiceFile(ServiceContracts service)
    {
        var path = SchemaLayout.ServiceEnvelope(service.WireNamespace);
        var checks = new JsonArray(new JsonObject { ["$ref"] = SchemaLayout.Reference(path, SchemaLayout.Envelope) });
        foreach (var eventType in service.Events)
        {
            var names = new[] { eventType.Name }.Concat(eventType.Definition.Aliases).Select(n => (JsonNode?)JsonValue.Create(n)).ToArray();
            checks.Add(new JsonObject
            {
                ["if"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["event_type"] = new JsonObject { ["enum"] = new JsonArray(names) } }, ["required"] = new JsonArray("event_type") },
                ["then"] = new JsonObject { ["$ref"] = SchemaLayout.Reference(path, SchemaLayout.Event(eventType)) },
            });
        }

        var description = $"Any notification of the {service.WireNamespace} definitions: the envelope, and for each of its {service.Events.Count} event types (or their aliases) that event type's schema. An event type these definitions do not know passes with only the envelope checked, as a newer release may add event types.";
        return File(path, service.WireNamespace + " notifications", description, new JsonObject { ["allOf"] = checks });
    }

    private static string ObjectDescription(ObjectContract contract, Generator.Model.ObjectVersion version)
    {
        var text = contract.Definition.Description is null ? string.Empty : contract.Definition.Description + " ";
        if (!contract.IsVersioned)
        {
            return text + "Sent as a plain JSON object, without a version: keys a newer release adds are allowed, and only the keys the producer always sends are required.";
        }

        var inherited = version != contract.Current && contract.Base is not null && contract.Definition.BaseVersions.IsEmpty
            ? $" The definitions do not record which version of {contract.Base.Name} this version was built on, so the fields it inherits are required only when every version of {contract.Base.Name} has them."
            : string.Empty;
        return text + $"Exactly version {version}: every field of this version that is not optional is required, and no other is allowed.{inherited}";
    }

    private static string EventDescription(EventContract eventType)
    {
        var text = eventType.Definition.Description is null ? string.Empty : eventType.Definition.Description + " ";
        var priority = EnvelopeSchemas.WireName(eventType.Definition.Priority);
        var payload = eventType.Payload is null
            ? "The payload is a text message."
            : $"Sent at {priority} with {eventType.Payload.Name}" + (!eventType.Payload.IsVersioned ? "." : SchemaLayout.HasOlderMajors(eventType.Payload)
                ? $" (version {eventType.Payload.Current}, or any version the definitions describe, older majors included)."
                : $" (version {eventType.Payload.Current}, or any version of major {eventType.Payload.Current.Major}).");
        var texts = eventType.Definition.TextPriorities.IsEmpty || eventType.Payload is null
            ? string.Empty
            : " At " + string.Join(" and ", eventType.Definition.TextPriorities.Select(EnvelopeSchemas.WireName)) + " the payload is a text message instead.";
        return text + payload + texts;
    }

    private GeneratedFile File(string path, string title, string description, JsonObject body)
    {
        var schema = new JsonObject
        {
            ["$schema"] = Dialect,
            ["$id"] = layout.IdOf(path),
            ["$comment"] = Comment,
            ["title"] = title,
            ["description"] = description,
        }.Then(body);
        return new GeneratedFile(path, JsonText.Format(schema) + "\n");
    }
}
