using VersionedNotifications.Generator.Model;
using VersionedNotifications.Tool.Publishing.Catalog;
using VersionedNotifications.Tool.Publishing.Schemas;

namespace VersionedNotifications.Tool.Publishing.Markdown;

/// <summary>The payload objects of a service page, field by field with their version history, and the enums they use.</summary>
internal sealed class PayloadSections(ServiceContracts service, DocsLinks links, SeedNotes notes, MarkdownWriter page)
{
    // Who uses each object and enum, found in one pass over the service: looking it up per object
    // would make a page of n objects take n² steps.
    private readonly ILookup<ObjectContract, string> _payloadOf = service.Families
        .Where(f => f.Payload is not null)
        .ToLookup(f => f.Payload!, f => MarkdownText.Link(MarkdownText.Code(f.Name), "#" + ServicePage.EventAnchor(f.Name)));

    private readonly ILookup<ObjectContract, string> _heldBy = service.Objects
        .SelectMany(o => service.NestedObjects(o).Select(nested => (Nested: nested, Holder: o)))
        .ToLookup(x => x.Nested, x => MarkdownText.Link(x.Holder.Name, "#" + ServicePage.ObjectAnchor(x.Holder.Name)));

    private readonly ILookup<ObjectContract, string> _extendedBy = service.Objects
        .Where(o => o.Base is not null)
        .ToLookup(o => o.Base!, o => MarkdownText.Link(o.Name, "#" + ServicePage.ObjectAnchor(o.Name)));

    private readonly ILookup<string, string> _enumUsers = service.Objects
        .SelectMany(o => o.OwnFieldsAt(o.Current).SelectMany(f => f.Types
            .Where(t => t.Type.Innermost.Kind == TypeKind.Named)
            .Select(t => t.Type.Innermost.Name!)
            .Distinct(StringComparer.Ordinal)
            .Select(name => (Enum: name, Use: MarkdownText.Link(o.Name, "#" + ServicePage.ObjectAnchor(o.Name)) + " " + MarkdownText.Code(f.Name)))))
        .ToLookup(x => x.Enum, x => x.Use, StringComparer.Ordinal);

    public void Write()
    {
        page.Heading(2, "Payloads", "payloads");
        page.Paragraph("Every object an event type sends, or that one of them holds, by name. Fields are listed in the order the definitions give them; on the wire a JSON object's keys may come in any order. A field marked **secret** is masked by the sender.");
        foreach (var contract in service.Objects)
        {
            WriteObject(contract);
        }

        if (service.Enums.Count > 0)
        {
            page.Heading(2, "Enums", "enums");
            page.Paragraph("Enum values travel as strings. A newer release may send a value not listed here: the runtime keeps it (`IsKnown` is false), and the JSON Schemas of plain objects and later minor versions allow it.");
            foreach (var definition in service.Enums)
            {
                WriteEnum(definition);
            }
        }
    }

    private void WriteObject(ObjectContract contract)
    {
        page.Heading(3, contract.Name, ServicePage.ObjectAnchor(contract.Name));
        page.Paragraph(contract.Definition.Description is null ? null : MarkdownText.Escape(contract.Definition.Description));
        var facts = new List<string>
        {
            contract.IsVersioned
                ? $"Sent as a versioned object: `{contract.WireNamespace}_object.name` is `\"{contract.Name}\"`, `{contract.WireNamespace}_object.version` is `\"{contract.Current}\"` in this release."
                : "Sent as a plain JSON object, without a version.",
        };
        if (contract.Definition.IsSparse)
        {
            facts.Add("Sparse: each of its own fields is sent only when it is set, unless its row says otherwise.");
        }

        if (contract.Base is not null)
        {
            var inherited = contract.Ancestors().Sum(a => a.OwnFieldsAt(a.Current).Count);
            facts.Add($"Extends {MarkdownText.Link(contract.Base.Name, "#" + ServicePage.ObjectAnchor(contract.Base.Name))}: it carries all {inherited} fields of {string.Join(" and ", contract.Ancestors().Select(a => a.Name))} as well as its own below.");
        }

        var users = _payloadOf[contract].ToList();
        if (users.Count > 0)
        {
            facts.Add("The payload of " + string.Join(", ", users) + ".");
        }

        var holders = _heldBy[contract].ToList();
        if (holders.Count > 0)
        {
            facts.Add("Held in a field of " + string.Join(", ", holders) + ".");
        }

        var derived = _extendedBy[contract].ToList();
        if (derived.Count > 0)
        {
            facts.Add("Extended by " + string.Join(", ", derived) + ".");
        }

        facts.Add(contract.IsVersioned
            ? $"Schemas: {MarkdownText.Link(MarkdownText.Code(SchemaLayout.ObjectVersion(contract, contract.Current)), links.Schema(SchemaLayout.ObjectVersion(contract, contract.Current)))} (exactly {contract.Current}), {MarkdownText.Link(MarkdownText.Code(SchemaLayout.Payload(contract)), links.Schema(SchemaLayout.Payload(contract)))} (any {contract.Current.Major}.x); every earlier version in the history below."
            : $"Schema: {MarkdownText.Link(MarkdownText.Code(SchemaLayout.ObjectVersion(contract, contract.Current)), links.Schema(SchemaLayout.ObjectVersion(contract, contract.Current)))}.");
        foreach (var fact in facts)
        {
            page.Line("- " + fact);
        }

        page.Line();
        WriteFields(contract);
        if (contract.IsVersioned)
        {
            WriteHistory(contract);
        }

        notes.Write(page, contract.Name);
    }

    private void WriteFields(ObjectContract contract)
    {
        var fields = contract.OwnFieldsAt(contract.Current);
        if (fields.Count == 0)
        {
            page.Paragraph("It has no fields of its own.");
            return;
        }

        var header = contract.IsVersioned
            ? new[] { "field", "type", "nullable", "since", "description" }
            : new[] { "field", "type", "nullable", "description" };
        var rows = fields.Select(field =>
        {
            var name = MarkdownText.Code(field.Name) + (field.IsSecret ? " **secret**" : string.Empty);
            var description = ValueSchemas.DescriptionOf(field) is { } text ? MarkdownText.Escape(text) : string.Empty;
            if (field.DefaultJson is not null)
            {
                description = (description + " Default: " + MarkdownText.Code(field.DefaultJson) + ".").Trim();
            }

            if (field.Definition?.IsOptional == true)
            {
                description = (description + " Optional: left out when unset.").Trim();
            }

            var cells = new List<string> { name, TypeText(field.Types[0]), field.IsNullable ? "yes" : "no" };
            if (contract.IsVersioned)
            {
                cells.Add(field.Definition?.Since.ToString() ?? string.Empty);
            }

            cells.Add(description);
            return (IReadOnlyList<string>)cells;
        });
        page.Table(header, rows.ToList());
    }

    private void WriteHistory(ObjectContract contract)
    {
        page.Paragraph($"Version history of {contract.Name}:");
        var rows = contract.Versions.Select(version =>
        {
            var entry = contract.HistoryOf(version);
            var added = contract.OwnFieldsAt(version).Where(f => f.Definition?.Since == version && version != contract.Versions[0]).Select(f => MarkdownText.Code(f.Name)).ToList();
            var changes = entry is null ? string.Empty : MarkdownText.Escape(entry.Changes);
            if (added.Count > 0 && entry is not null && !added.All(a => entry.Changes.Contains(a.Trim('`'), StringComparison.Ordinal)))
            {
                changes += " Fields added: " + string.Join(", ", added) + ".";
            }

            foreach (var exception in entry is null ? Enumerable.Empty<VersionException>() : entry.Exceptions)
            {
                changes += $"<br>Exception `{exception.Name}` ({ExceptionKindText(exception.Kind)} of `{exception.Field}`): {MarkdownText.Escape(exception.Reason)}";
            }

            return (IReadOnlyList<string>)new[]
            {
                version.ToString(),
                changes.Trim(),
                MarkdownText.Link(MarkdownText.Code(version + ".json"), links.Schema(SchemaLayout.ObjectVersion(contract, version))),
            };
        });
        page.Table(new[] { "version", "changes", "schema" }, rows.ToList());
    }

    private void WriteEnum(EnumDefinition definition)
    {
        page.Heading(3, definition.Name, ServicePage.EnumAnchor(definition.Name));
        page.Paragraph(definition.Description is null ? null : MarkdownText.Escape(definition.Description));
        page.Table(
            new[] { "value", "description" },
            definition.Members.Select(m => (IReadOnlyList<string>)new[] { MarkdownText.Code(m.Value), m.Description is null ? string.Empty : MarkdownText.Escape(m.Description) }).ToList());
        var users = _enumUsers[definition.Name].ToList();
        if (users.Count > 0)
        {
            page.Paragraph("Used by " + string.Join(", ", users) + ".");
        }

        notes.Write(page, definition.Name);
    }

    private string TypeText(FieldType fieldType)
    {
        var type = fieldType.Type;
        var code = MarkdownText.Code(type.ToString());
        var inner = type.Innermost;
        if (inner.Kind == TypeKind.InlineEnum)
        {
            return code + ": " + string.Join(", ", fieldType.EnumValues.Select(MarkdownText.Code));
        }

        if (inner.Kind == TypeKind.Named)
        {
            var anchor = service.FindEnum(inner.Name!) is not null ? ServicePage.EnumAnchor(inner.Name!) : ServicePage.ObjectAnchor(inner.Name!);
            return type.Kind == TypeKind.Named ? MarkdownText.Link(code, "#" + anchor) : code + " of " + MarkdownText.Link(inner.Name!, "#" + anchor);
        }

        return code;
    }

    private static string ExceptionKindText(ExceptionKind kind) => kind switch
    {
        ExceptionKind.Type => "type",
        ExceptionKind.Nullability => "nullability",
        ExceptionKind.Default => "default",
        ExceptionKind.Removed => "removal",
        ExceptionKind.Renamed => "rename",
        _ => "enum values",
    };
}
