using System;
using System.Collections.Generic;
using VersionedNotifications.Generator.Diagnostics;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Parsing;

internal sealed partial class DefinitionParser
{
    private static readonly string[] EnumKeys = { "description", "values", "csharp_name" };
    private static readonly string[] EnumValueKeys = { "value", "csharp_name", "description" };
    private static readonly string[] ObjectKeys = { "version", "description", "versioned", "extends", "csharp_name", "fields", "history" };
    private static readonly string[] FieldKeys = { "type", "nullable", "default", "since", "removed", "description", "example", "secret", "masked_keys", "csharp_name", "values" };
    private static readonly string[] HistoryKeys = { "changes", "exceptions" };
    private static readonly string[] ExceptionKeys = { "name", "field", "kind", "reason", "was" };
    private static readonly string[] WasKeys = { "name", "type", "nullable", "default", "values" };

    private EquatableArray<EnumDefinition> ParseEnums(MappingReader root)
    {
        var enums = new List<EnumDefinition>();
        foreach (var entry in Entries(root, "enums"))
        {
            var name = entry.Key.Value;
            var context = $"enum '{name}'";
            var reader = MappingReader.Create(this, entry.Value, context, EnumKeys);
            if (reader is null)
            {
                continue;
            }

            var csharpName = ValidTypeName(name, OptionalString(reader, "csharp_name") ?? Naming.ToPascalCase(name), entry.Key, "; give the enum a csharp_name");
            if (!reader.TryGet("values", out _, out var valuesNode))
            {
                Report(DiagnosticDescriptors.MissingKey, entry.Key, context, "values");
                continue;
            }

            var members = ParseEnumMembers(valuesNode, context);
            if (csharpName is not null && members is not null)
            {
                enums.Add(new EnumDefinition(name, LocationOf(entry.Key), csharpName, OptionalString(reader, "description"), members.Value));
            }
        }

        return enums.ToEquatableArray();
    }

    private EquatableArray<EnumMember>? ParseEnumMembers(YamlTreeNode node, string context)
    {
        if (node is not YamlTreeSequence sequence || sequence.Items.Count == 0)
        {
            Report(DiagnosticDescriptors.InvalidValue, node, "values", $"the values of {context} must be a non-empty list");
            return null;
        }

        var members = new List<EnumMember>();
        var values = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in sequence.Items)
        {
            string? value;
            string? csharpName = null;
            string? description = null;
            if (item is YamlTreeMapping)
            {
                var reader = MappingReader.Create(this, item, $"a value of {context}", EnumValueKeys);
                value = reader is null ? null : RequiredString(reader, "value", $"A value of {context}");
                csharpName = reader is null ? null : OptionalString(reader, "csharp_name");
                description = reader is null ? null : OptionalString(reader, "description");
            }
            else
            {
                value = RequiredScalar(item, "values");
            }

            if (value is null)
            {
                continue;
            }

            if (!values.Add(value))
            {
                Report(DiagnosticDescriptors.DuplicateName, item, "Value", value, " in " + context);
                continue;
            }

            var memberName = ValidIdentifier(value, csharpName ?? Naming.ToPascalCase(value), item, "; write the value as { value: ..., csharp_name: ... }");
            if (memberName is null)
            {
                continue;
            }

            if (!names.Add(memberName))
            {
                Report(DiagnosticDescriptors.DuplicateName, item, "C# member", memberName, $" in {context}; give one of the values its own csharp_name");
                continue;
            }

            members.Add(new EnumMember(value, memberName, description, LocationOf(item)));
        }

        return members.ToEquatableArray();
    }

    private EquatableArray<ObjectDefinition> ParseObjects(MappingReader root)
    {
        var objects = new List<ObjectDefinition>();
        foreach (var entry in Entries(root, "objects"))
        {
            var parsed = ParseObject(entry.Key, entry.Value);
            if (parsed is not null)
            {
                objects.Add(parsed);
            }
        }

        return objects.ToEquatableArray();
    }

    private ObjectDefinition? ParseObject(YamlTreeScalar nameNode, YamlTreeNode node)
    {
        var name = nameNode.Value;
        var context = $"object '{name}'";
        var reader = MappingReader.Create(this, node, context, ObjectKeys);
        if (reader is null)
        {
            return null;
        }

        var csharpName = ValidTypeName(name, OptionalString(reader, "csharp_name") ?? Naming.ToPascalCase(name), nameNode, "; give the object a csharp_name");
        var isVersioned = OptionalBoolean(reader, "versioned") ?? true;

        ObjectVersion? version;
        var versionLocation = LocationOf(nameNode);
        if (reader.TryGet("version", out _, out var versionNode))
        {
            version = ParseVersion(versionNode, "version");
            versionLocation = LocationOf(versionNode);
        }
        else if (isVersioned)
        {
            Report(DiagnosticDescriptors.MissingKey, nameNode, $"Versioned {context}", "version");
            version = null;
        }
        else
        {
            version = new ObjectVersion(1, 0);
        }

        string? extends = null;
        LocationInfo? extendsLocation = null;
        if (reader.TryGet("extends", out _, out var extendsNode))
        {
            extends = RequiredScalar(extendsNode, "extends");
            extendsLocation = LocationOf(extendsNode);
        }

        if (csharpName is null || version is null)
        {
            return null;
        }

        var fields = ParseFields(reader, context, version.Value);
        var history = ParseHistory(reader, context, version.Value);
        return new ObjectDefinition(name, LocationOf(nameNode), csharpName, version.Value, versionLocation, OptionalString(reader, "description"), isVersioned, extends, extendsLocation, fields, history);
    }

    private EquatableArray<FieldDefinition> ParseFields(MappingReader objectReader, string objectContext, ObjectVersion version)
    {
        var fields = new List<FieldDefinition>();
        foreach (var entry in Entries(objectReader, "fields"))
        {
            var field = ParseField(entry.Key, entry.Value, objectContext, version);
            if (field is not null)
            {
                fields.Add(field);
            }
        }

        return fields.ToEquatableArray();
    }

    private FieldDefinition? ParseField(YamlTreeScalar nameNode, YamlTreeNode node, string objectContext, ObjectVersion version)
    {
        var name = nameNode.Value;
        var context = $"field '{name}' of {objectContext}";

        // `uuid: uuid` is short for `uuid: { type: uuid }`.
        if (node is YamlTreeScalar shorthand && !shorthand.IsNull)
        {
            var csharpName = ValidIdentifier(name, Naming.ToPascalCase(name), nameNode, "; give the field a csharp_name");
            var type = ParseTypeExpression(shorthand);
            if (csharpName is null || type is null)
            {
                return null;
            }

            if (ContainsInlineEnum(type))
            {
                Report(DiagnosticDescriptors.MissingKey, shorthand, context, "values");
                return null;
            }

            var start = new ObjectVersion(version.Major, 0);
            return new FieldDefinition(name, LocationOf(nameNode), csharpName, type, LocationOf(shorthand), false, null, null, start, LocationOf(nameNode), null, null, null, false, EquatableArray<EnumMember>.Empty, EquatableArray<string>.Empty);
        }

        var reader = MappingReader.Create(this, node, context, FieldKeys);
        if (reader is null)
        {
            return null;
        }

        var fieldCSharpName = ValidIdentifier(name, OptionalString(reader, "csharp_name") ?? Naming.ToPascalCase(name), nameNode, "; give the field a csharp_name");

        TypeReference? fieldType = null;
        LocationInfo typeLocation = LocationOf(nameNode);
        if (!reader.TryGet("type", out _, out var typeNode))
        {
            Report(DiagnosticDescriptors.MissingKey, nameNode, context, "type");
        }
        else
        {
            typeLocation = LocationOf(typeNode);
            fieldType = ParseTypeExpression(typeNode);
        }

        var members = EquatableArray<EnumMember>.Empty;
        var hasValues = reader.TryGet("values", out var valuesKey, out var valuesNode);
        if (fieldType is not null && ContainsInlineEnum(fieldType))
        {
            if (!hasValues)
            {
                Report(DiagnosticDescriptors.MissingKey, typeNode, context + " (type enum)", "values");
                fieldType = null;
            }
            else if (ParseEnumMembers(valuesNode, context) is { IsEmpty: false } parsedMembers)
            {
                members = parsedMembers;
            }
            else
            {
                fieldType = null;
            }
        }
        else if (hasValues && fieldType is not null)
        {
            Report(DiagnosticDescriptors.InvalidValue, valuesKey, "values", $"only fields of type enum list values; {context} has type {fieldType}");
        }

        var since = new ObjectVersion(version.Major, 0);
        var sinceLocation = LocationOf(nameNode);
        if (reader.TryGet("since", out _, out var sinceNode))
        {
            sinceLocation = LocationOf(sinceNode);
            if (ParseVersion(sinceNode, "since") is { } parsedSince)
            {
                since = parsedSince;
                if (since > version)
                {
                    Report(DiagnosticDescriptors.SinceAfterVersion, sinceNode, name, since.ToString(), version.ToString(), objectContext);
                }
            }
        }

        ObjectVersion? removed = null;
        if (reader.TryGet("removed", out _, out var removedNode) && ParseVersion(removedNode, "removed") is { } parsedRemoved)
        {
            if (parsedRemoved.Minor != 0 || parsedRemoved <= since || parsedRemoved > version)
            {
                Report(DiagnosticDescriptors.InvalidValue, removedNode, "removed", $"a field is removed by a major version (x.0) after its since {since} and no later than the current version {version}, not {parsedRemoved}");
            }
            else
            {
                removed = parsedRemoved;
            }
        }

        LiteralValue? defaultValue = null;
        LocationInfo? defaultLocation = null;
        if (reader.TryGet("default", out _, out var defaultNode))
        {
            defaultValue = LiteralReader.Read(defaultNode);
            defaultLocation = LocationOf(defaultNode);
        }

        LiteralValue? example = null;
        if (reader.TryGet("example", out _, out var exampleNode))
        {
            example = LiteralReader.Read(exampleNode);
        }

        var isNullable = OptionalBoolean(reader, "nullable") ?? false;
        var isSecret = OptionalBoolean(reader, "secret") ?? false;
        var description = OptionalString(reader, "description");
        if (fieldCSharpName is null || fieldType is null)
        {
            return null;
        }

        if (isSecret && fieldType.Kind is not (TypeKind.String or TypeKind.MacAddress or TypeKind.FlexibleDict) && reader.TryGet("secret", out _, out var secretNode))
        {
            // The mask is a string: a secret integer or list would be sent as something its type cannot read.
            Report(DiagnosticDescriptors.InvalidValue, secretNode, "secret", $"a field of type {fieldType} cannot be masked; secret fields are string or mac_address (sent as ******) or flexible_dict (values under secret-looking keys sent as ******)");
        }

        var maskedKeys = ParseMaskedKeys(reader, isSecret && fieldType.Kind == TypeKind.FlexibleDict);

        return new FieldDefinition(name, LocationOf(nameNode), fieldCSharpName, fieldType, typeLocation, isNullable, defaultValue, defaultLocation, since, sinceLocation, removed, description, example, isSecret, members, maskedKeys);
    }

    /// <summary>
    /// <c>masked_keys</c>: keys of a secret <c>flexible_dict</c> whose values are masked whatever their
    /// name says (ironic masks <c>instance_info.image_url</c> this way).
    /// </summary>
    private EquatableArray<string> ParseMaskedKeys(MappingReader reader, bool isSecretDictionary)
    {
        if (!reader.TryGet("masked_keys", out _, out var node))
        {
            return EquatableArray<string>.Empty;
        }

        if (!isSecretDictionary)
        {
            Report(DiagnosticDescriptors.InvalidValue, node, "masked_keys", "only a flexible_dict field with secret: true has keys to mask");
            return EquatableArray<string>.Empty;
        }

        if (node is not YamlTreeSequence sequence)
        {
            Report(DiagnosticDescriptors.InvalidValue, node, "masked_keys", $"expected a list of keys, found {node.Kind}");
            return EquatableArray<string>.Empty;
        }

        var keys = new List<string>();
        foreach (var item in sequence.Items)
        {
            if (RequiredScalar(item, "masked_keys") is { } key)
            {
                keys.Add(key);
            }
        }

        return keys.ToEquatableArray();
    }

    private TypeReference? ParseTypeExpression(YamlTreeNode node)
    {
        var text = RequiredScalar(node, "type");
        if (text is null)
        {
            return null;
        }

        var type = TypeExpressionParser.Parse(text, out var error);
        if (type is null)
        {
            Report(DiagnosticDescriptors.InvalidValue, node, "type", $"'{text}' is not a type expression: {error}");
        }

        return type;
    }

    private static bool ContainsInlineEnum(TypeReference type) =>
        type.Innermost.Kind == TypeKind.InlineEnum;

    private EquatableArray<HistoryEntry> ParseHistory(MappingReader objectReader, string objectContext, ObjectVersion version)
    {
        var history = new List<HistoryEntry>();
        ObjectVersion? previous = null;
        foreach (var entry in Entries(objectReader, "history"))
        {
            var parsedVersion = ParseVersion(entry.Key, "history");
            if (parsedVersion is not { } entryVersion)
            {
                continue;
            }

            if (previous is { } before && entryVersion <= before)
            {
                Report(DiagnosticDescriptors.InvalidValue, entry.Key, "history", $"versions are listed oldest first; {entryVersion} comes after {before}");
            }

            previous = entryVersion;
            string? changes;
            var exceptions = EquatableArray<VersionException>.Empty;
            if (entry.Value is YamlTreeMapping)
            {
                var reader = MappingReader.Create(this, entry.Value, $"version {entryVersion} of {objectContext}", HistoryKeys);
                changes = reader is null ? null : RequiredString(reader, "changes", $"Version {entryVersion} of {objectContext}");
                exceptions = reader is null ? exceptions : ParseExceptions(reader, entryVersion, objectContext);
            }
            else
            {
                changes = ScalarText(entry.Value, "history");
            }

            if (changes is null)
            {
                Report(DiagnosticDescriptors.InvalidValue, entry.Value, "history", $"say what changed in version {entryVersion}");
                continue;
            }

            history.Add(new HistoryEntry(entryVersion, LocationOf(entry.Key), changes, exceptions));
        }

        if (previous is { } last && last != version && objectReader.TryGet("history", out var historyKey, out _))
        {
            Report(DiagnosticDescriptors.InvalidValue, historyKey, "history", $"the history of {objectContext} ends at {last}, but its version is {version}; add a line for {version}");
        }

        return history.ToEquatableArray();
    }

    private EquatableArray<VersionException> ParseExceptions(MappingReader historyReader, ObjectVersion version, string objectContext)
    {
        if (!historyReader.TryGet("exceptions", out _, out var node))
        {
            return EquatableArray<VersionException>.Empty;
        }

        if (node is not YamlTreeSequence sequence)
        {
            Report(DiagnosticDescriptors.InvalidValue, node, "exceptions", $"expected a list of exceptions, found {node.Kind}");
            return EquatableArray<VersionException>.Empty;
        }

        if (version.Minor == 0)
        {
            Report(DiagnosticDescriptors.InvalidValue, node, "exceptions", $"version {version} is a major version, which may change anything; exceptions belong to minor versions");
            return EquatableArray<VersionException>.Empty;
        }

        var exceptions = new List<VersionException>();
        foreach (var item in sequence.Items)
        {
            var context = $"an exception at version {version} of {objectContext}";
            var reader = MappingReader.Create(this, item, context, ExceptionKeys);
            if (reader is null)
            {
                continue;
            }

            var name = RequiredString(reader, "name", "An exception");
            var field = RequiredString(reader, "field", "An exception");
            var kindText = RequiredString(reader, "kind", "An exception");
            var reason = RequiredString(reader, "reason", "An exception");
            ExceptionKind? kind = kindText switch
            {
                null => null,
                "type" => ExceptionKind.Type,
                "nullability" => ExceptionKind.Nullability,
                "default" => ExceptionKind.Default,
                "removed" => ExceptionKind.Removed,
                "renamed" => ExceptionKind.Renamed,
                "enum_values" => ExceptionKind.EnumValues,
                _ => null,
            };
            if (kindText is not null && kind is null && reader.TryGet("kind", out _, out var kindNode))
            {
                Report(DiagnosticDescriptors.InvalidValue, kindNode, "kind", $"'{kindText}' is not one of type, nullability, default, removed, renamed, enum_values");
            }

            var was = reader.TryGet("was", out _, out var wasNode) ? ParsePreviousField(wasNode, context) : null;
            if (name is null || field is null || kind is null || reason is null || !reader.TryGet("field", out _, out var fieldNode))
            {
                continue;
            }

            exceptions.Add(new VersionException(name, LocationOf(item), field, LocationOf(fieldNode), kind.Value, reason, was));
        }

        return exceptions.ToEquatableArray();
    }

    private PreviousField? ParsePreviousField(YamlTreeNode node, string context)
    {
        var reader = MappingReader.Create(this, node, "'was' of " + context, WasKeys);
        if (reader is null)
        {
            return null;
        }

        var type = reader.TryGet("type", out _, out var typeNode) ? ParseTypeExpression(typeNode) : null;
        var defaultValue = reader.TryGet("default", out _, out var defaultNode) ? LiteralReader.Read(defaultNode) : null;
        var values = new List<string>();
        if (reader.TryGet("values", out _, out var valuesNode))
        {
            if (valuesNode is YamlTreeSequence sequence)
            {
                foreach (var item in sequence.Items)
                {
                    if (RequiredScalar(item, "values") is { } value)
                    {
                        values.Add(value);
                    }
                }
            }
            else
            {
                Report(DiagnosticDescriptors.InvalidValue, valuesNode, "values", "expected the list of values the enum had");
            }
        }

        return new PreviousField(OptionalString(reader, "name"), type, OptionalBoolean(reader, "nullable"), defaultValue, values.ToEquatableArray());
    }
}
