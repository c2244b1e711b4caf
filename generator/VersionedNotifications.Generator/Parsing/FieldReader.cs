using System;
using System.Collections.Generic;
using VersionedNotifications.Generator.Diagnostics;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Parsing;

/// <summary>Reads the <c>fields</c> of an object: the shorthand <c>name: type</c> and the full mapping form.</summary>
internal sealed class FieldReader
{
    private static readonly string[] FieldKeys =
    {
        "type", "nullable", "optional", "default", "since", "removed", "description", "example", "secret", "masked_keys", "csharp_name", "values", "child_versions",
    };

    private readonly ParseContext _context;
    private readonly EnumReader _enums;
    private readonly VersionMappingReader _mappings;

    public FieldReader(ParseContext context, EnumReader enums, VersionMappingReader mappings)
    {
        _context = context;
        _enums = enums;
        _mappings = mappings;
    }

    public EquatableArray<FieldDefinition> ReadAll(MappingReader objectReader, FieldOwner owner)
    {
        var fields = new List<FieldDefinition>();
        YamlTreeScalar? previous = null;
        foreach (var entry in objectReader.Entries("fields"))
        {
            if (IsMisindentedKey(entry.Key, entry.Value, previous, owner))
            {
                continue;
            }

            previous = entry.Key;
            if (Read(entry.Key, entry.Value, owner) is { } field)
            {
                fields.Add(field);
            }
        }

        return fields.ToEquatableArray();
    }

    /// <summary>
    /// A key of a field that lost its indentation lands among the fields: a dedented <c>nullable: true</c> would
    /// declare a field <c>nullable</c> of type <c>true</c>. A field named like a field-level key whose value is no
    /// type (a boolean, a number, a list, text that does not parse as a type) is reported as what it is. A field
    /// really named <c>description</c> or <c>type</c> still reads when its value is a type.
    /// </summary>
    private bool IsMisindentedKey(YamlTreeScalar nameNode, YamlTreeNode value, YamlTreeScalar? previous, FieldOwner owner)
    {
        if (Array.IndexOf(FieldKeys, nameNode.Value) < 0)
        {
            return false;
        }

        var isNoType = value switch
        {
            YamlTreeSequence => true,
            YamlTreeScalar { IsNull: true } => false,
            YamlTreeScalar { IsPlain: true } plain when LiteralReader.Read(plain).Kind is LiteralKind.Boolean or LiteralKind.Integer or LiteralKind.Float => true,
            YamlTreeScalar scalar => TypeExpressionParser.Parse(scalar.Value, out _) is null,
            _ => false,
        };
        if (!isNoType)
        {
            return false;
        }

        var written = value is YamlTreeScalar text ? $"'{nameNode.Value}: {text.Value}'" : $"'{nameNode.Value}:'";
        var whose = previous is null ? "a field" : $"field '{previous.Value}' above";
        var fix = previous is null ? "indent it under its field" : $"indent it as far as the other keys of '{previous.Value}'";
        _context.Report(DiagnosticDescriptors.InvalidValue, nameNode, nameNode.Value, $"{written} sits among the fields of {owner.What}, where it would declare a field '{nameNode.Value}'; it looks like a key of {whose} that lost its indentation: {fix}");
        return true;
    }

    private FieldDefinition? Read(YamlTreeScalar nameNode, YamlTreeNode node, FieldOwner owner)
    {
        var name = nameNode.Value;
        var what = $"field '{name}' of {owner.What}";

        // `uuid: uuid` is short for `uuid: { type: uuid }`.
        if (node is YamlTreeScalar shorthand && !shorthand.IsNull)
        {
            return ReadShorthand(nameNode, shorthand, owner, what);
        }

        var reader = MappingReader.Create(_context, node, what, FieldKeys);
        if (reader is null)
        {
            return null;
        }

        var csharpName = _context.ValidIdentifier(name, reader.OptionalString("csharp_name") ?? Naming.ToPascalCase(name), nameNode, "; give the field a csharp_name");

        TypeReference? type = null;
        var typeLocation = _context.LocationOf(nameNode);
        if (!reader.TryGet("type", out _, out var typeNode))
        {
            _context.Report(DiagnosticDescriptors.MissingKey, nameNode, what, "type");
        }
        else
        {
            typeLocation = _context.LocationOf(typeNode);
            type = _context.ReadType(typeNode);
        }

        var (since, sinceLocation) = ReadSince(reader, nameNode, owner, name);
        var members = ReadValues(reader, ref type, typeNode, what, since, owner);
        var removed = ReadRemoved(reader, since, owner.Version);

        LiteralValue? defaultValue = null;
        LocationInfo? defaultLocation = null;
        if (reader.TryGet("default", out _, out var defaultNode))
        {
            defaultValue = LiteralReader.Read(defaultNode);
            defaultLocation = _context.LocationOf(defaultNode);
        }

        var example = reader.TryGet("example", out _, out var exampleNode) ? LiteralReader.Read(exampleNode) : null;
        var isNullable = reader.OptionalBoolean("nullable") ?? false;
        var isSecret = reader.OptionalBoolean("secret") ?? false;
        var isOptional = reader.OptionalBoolean("optional") ?? owner.IsSparse;
        var description = reader.OptionalString("description");
        if (isOptional && defaultNode is not null)
        {
            var why = reader.Has("optional") ? "it is optional" : $"it is optional ({owner.What} is sparse)";
            _context.Report(DiagnosticDescriptors.InvalidValue, defaultNode, "default", $"{what} has a default, but {why}: an unset field has no value to default; remove the default, or say optional: false");
        }

        if (csharpName is null || type is null)
        {
            return null;
        }

        if (isSecret && type.Kind is not (TypeKind.String or TypeKind.MacAddress or TypeKind.FlexibleDict) && reader.TryGet("secret", out _, out var secretNode))
        {
            // The mask is a string: a secret integer or list would be sent as something its type cannot read.
            _context.Report(DiagnosticDescriptors.InvalidValue, secretNode, "secret", $"a field of type {type} cannot be masked; secret fields are string or mac_address (sent as ******) or flexible_dict (values under secret-looking keys sent as ******)");
        }

        return new FieldDefinition
        {
            Name = name,
            Location = _context.LocationOf(nameNode),
            CSharpName = csharpName,
            Type = type,
            TypeLocation = typeLocation,
            IsNullable = isNullable,
            IsOptional = isOptional,
            Default = defaultValue,
            DefaultLocation = defaultLocation,
            Since = since,
            SinceLocation = sinceLocation,
            Removed = removed,
            Description = description,
            Example = example,
            IsSecret = isSecret,
            EnumMembers = members,
            MaskedKeys = ReadMaskedKeys(reader, isSecret && type.Kind == TypeKind.FlexibleDict),
            ChildVersions = ReadChildVersions(reader, type, since, owner, what),
        };
    }

    private FieldDefinition? ReadShorthand(YamlTreeScalar nameNode, YamlTreeScalar shorthand, FieldOwner owner, string what)
    {
        var name = nameNode.Value;
        var csharpName = _context.ValidIdentifier(name, Naming.ToPascalCase(name), nameNode, "; give the field a csharp_name");
        var type = _context.ReadType(shorthand);
        if (csharpName is null || type is null)
        {
            return null;
        }

        if (ContainsInlineEnum(type))
        {
            _context.Report(DiagnosticDescriptors.MissingKey, shorthand, what, "values");
            return null;
        }

        return new FieldDefinition
        {
            Name = name,
            Location = _context.LocationOf(nameNode),
            CSharpName = csharpName,
            Type = type,
            TypeLocation = _context.LocationOf(shorthand),
            IsOptional = owner.IsSparse,
            Since = owner.DefaultSince,
            SinceLocation = _context.LocationOf(nameNode),
        };
    }

    private (ObjectVersion Since, LocationInfo Location) ReadSince(MappingReader reader, YamlTreeScalar nameNode, FieldOwner owner, string name)
    {
        if (!reader.TryGet("since", out _, out var sinceNode))
        {
            return (owner.DefaultSince, _context.LocationOf(nameNode));
        }

        if (_context.ReadVersion(sinceNode, "since") is not { } since)
        {
            return (owner.DefaultSince, _context.LocationOf(sinceNode));
        }

        if (since > owner.Version)
        {
            _context.Report(DiagnosticDescriptors.SinceAfterVersion, sinceNode, name, since.ToString(), owner.Version.ToString(), owner.What);
        }

        return (since, _context.LocationOf(sinceNode));
    }

    /// <summary>The values of an inline enum (<c>type: enum</c>); <paramref name="type"/> becomes null when they cannot be read.</summary>
    private EquatableArray<EnumMember> ReadValues(MappingReader reader, ref TypeReference? type, YamlTreeNode? typeNode, string what, ObjectVersion since, FieldOwner owner)
    {
        var hasValues = reader.TryGet("values", out var valuesKey, out var valuesNode);
        if (type is null)
        {
            return EquatableArray<EnumMember>.Empty;
        }

        if (!ContainsInlineEnum(type))
        {
            if (hasValues)
            {
                _context.Report(DiagnosticDescriptors.InvalidValue, valuesKey, "values", $"only fields of type enum list values; {what} has type {type}");
            }

            return EquatableArray<EnumMember>.Empty;
        }

        if (!hasValues)
        {
            _context.Report(DiagnosticDescriptors.MissingKey, typeNode!, what + " (type enum)", "values");
            type = null;
            return EquatableArray<EnumMember>.Empty;
        }

        if (_enums.ReadMembers(valuesNode, what, (since, owner.Version, owner.What)) is { IsEmpty: false } members)
        {
            return members;
        }

        type = null;
        return EquatableArray<EnumMember>.Empty;
    }

    private ObjectVersion? ReadRemoved(MappingReader reader, ObjectVersion since, ObjectVersion version)
    {
        if (!reader.TryGet("removed", out _, out var removedNode) || _context.ReadVersion(removedNode, "removed") is not { } removed)
        {
            return null;
        }

        if (removed.Minor != 0 || removed <= since || removed > version)
        {
            _context.Report(DiagnosticDescriptors.InvalidValue, removedNode, "removed", $"a field is removed by a major version (x.0) after its since {since} and no later than the current version {version}, not {removed}");
            return null;
        }

        return removed;
    }

    /// <summary>
    /// <c>masked_keys</c>: keys of a secret <c>flexible_dict</c> whose values are masked whatever their
    /// name says (ironic masks <c>instance_info.image_url</c> this way).
    /// </summary>
    private EquatableArray<string> ReadMaskedKeys(MappingReader reader, bool isSecretDictionary)
    {
        if (!reader.TryGet("masked_keys", out _, out var node))
        {
            return EquatableArray<string>.Empty;
        }

        if (!isSecretDictionary)
        {
            _context.Report(DiagnosticDescriptors.InvalidValue, node, "masked_keys", "only a flexible_dict field with secret: true has keys to mask");
            return EquatableArray<string>.Empty;
        }

        if (node is not YamlTreeSequence sequence)
        {
            _context.Report(DiagnosticDescriptors.InvalidValue, node, "masked_keys", $"expected a list of keys, found {node.Kind}");
            return EquatableArray<string>.Empty;
        }

        var keys = new List<string>();
        foreach (var item in sequence.Items)
        {
            if (_context.RequiredScalar(item, "masked_keys") is { } key)
            {
                keys.Add(key);
            }
        }

        return keys.ToEquatableArray();
    }

    /// <summary>
    /// <c>child_versions</c>: which version of the object the field holds each version of its owner carries. It
    /// starts at the field's <c>since</c>; the checker makes sure the type is an object and the values its versions.
    /// </summary>
    private EquatableArray<VersionMapping> ReadChildVersions(MappingReader reader, TypeReference type, ObjectVersion since, FieldOwner owner, string what)
    {
        if (!reader.TryGet("child_versions", out _, out var node))
        {
            return EquatableArray<VersionMapping>.Empty;
        }

        if (type.Innermost.Kind != TypeKind.Named)
        {
            _context.Report(DiagnosticDescriptors.InvalidValue, node, "child_versions", $"only a field that holds an object (or a list or dict of one) has child versions; {what} has type {type}");
            return EquatableArray<VersionMapping>.Empty;
        }

        return _mappings.Read(node, "child_versions", owner.What, since, $"{what} arrived in {since}", owner.HasVersion);
    }

    private static bool ContainsInlineEnum(TypeReference type) => type.Innermost.Kind == TypeKind.InlineEnum;
}
