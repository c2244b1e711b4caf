using System;
using System.Collections.Generic;
using VersionedNotifications.Generator.Diagnostics;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Parsing;

/// <summary>Reads named enums (<c>enums:</c>) and the value lists of enums, named or inline (<c>type: enum</c>).</summary>
internal sealed class EnumReader
{
    private static readonly string[] EnumKeys = { "description", "values", "csharp_name" };
    private static readonly string[] ValueKeys = { "value", "csharp_name", "description", "since", "repeat" };

    private readonly ParseContext _context;

    public EnumReader(ParseContext context) => _context = context;

    public EquatableArray<EnumDefinition> ReadAll(MappingReader root)
    {
        var enums = new List<EnumDefinition>();
        foreach (var entry in root.Entries("enums"))
        {
            var name = entry.Key.Value;
            var what = $"enum '{name}'";
            var reader = MappingReader.Create(_context, entry.Value, what, EnumKeys);
            if (reader is null)
            {
                _context.MarkUnread(name);
                continue;
            }

            var csharpName = _context.ValidTypeName(name, reader.OptionalString("csharp_name") ?? Naming.ToPascalCase(name), entry.Key, "; give the enum a csharp_name");
            if (!reader.TryGet("values", out _, out var valuesNode))
            {
                _context.Report(DiagnosticDescriptors.MissingKey, entry.Key, what, "values");
                _context.MarkUnread(name);
                continue;
            }

            // A named enum's values are dated against each object that uses it; the checker compares them.
            var members = ReadMembers(valuesNode, what, sinceBounds: null);
            if (csharpName is null || members is null)
            {
                _context.MarkUnread(name);
                continue;
            }

            enums.Add(new EnumDefinition(name, _context.LocationOf(entry.Key), csharpName, reader.OptionalString("description"), members.Value));
        }

        return enums.ToEquatableArray();
    }

    /// <summary>
    /// The values of an enum, as a list of strings or of <c>{ value, csharp_name, description, since, repeat }</c>.
    /// <paramref name="sinceBounds"/>, for an inline enum, are the field's <c>since</c> and its object's version:
    /// a value's <c>since</c> must lie between them. Null (reported) when the list is not a non-empty list.
    /// </summary>
    public EquatableArray<EnumMember>? ReadMembers(YamlTreeNode node, string what, (ObjectVersion Earliest, ObjectVersion Latest, string Object)? sinceBounds)
    {
        if (node is not YamlTreeSequence sequence || sequence.Items.Count == 0)
        {
            _context.Report(DiagnosticDescriptors.InvalidValue, node, "values", $"the values of {what} must be a non-empty list");
            return null;
        }

        var members = new List<EnumMember>();
        var byValue = new Dictionary<string, EnumMember>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in sequence.Items)
        {
            var value = ReadMember(item, what, sinceBounds, out var csharpName, out var description, out var since, out var isRepeat);
            if (value is null)
            {
                continue;
            }

            if (byValue.TryGetValue(value, out var earlier))
            {
                if (isRepeat)
                {
                    // The value is listed again, as the real enum lists it; it names the member it repeats.
                    members.Add(earlier with { Description = description, Location = _context.LocationOf(item), Since = since, IsRepeat = true });
                }
                else
                {
                    _context.Report(DiagnosticDescriptors.DuplicateName, item, "Value", value, $" in {what}; if the real enum lists it twice, write the second as {{ value: \"{value}\", repeat: true }}");
                }

                continue;
            }

            if (isRepeat)
            {
                _context.Report(DiagnosticDescriptors.InvalidValue, item, "repeat", $"'{value}' is marked repeat: true, but no earlier value of {what} is '{value}'");
                continue;
            }

            var memberName = _context.ValidIdentifier(value, csharpName ?? Naming.ToPascalCase(value), item, "; write the value as { value: ..., csharp_name: ... }");
            if (memberName is null)
            {
                continue;
            }

            if (!names.Add(memberName))
            {
                _context.Report(DiagnosticDescriptors.DuplicateName, item, "C# member", memberName, $" in {what}; give the value a csharp_name");
                continue;
            }

            var member = new EnumMember(value, memberName, description, _context.LocationOf(item)) { Since = since };
            byValue.Add(value, member);
            members.Add(member);
        }

        return members.ToEquatableArray();
    }

    private string? ReadMember(
        YamlTreeNode item,
        string what,
        (ObjectVersion Earliest, ObjectVersion Latest, string Object)? sinceBounds,
        out string? csharpName,
        out string? description,
        out ObjectVersion? since,
        out bool isRepeat)
    {
        csharpName = null;
        description = null;
        since = null;
        isRepeat = false;
        if (item is not YamlTreeMapping)
        {
            return _context.RequiredScalar(item, "values");
        }

        var reader = MappingReader.Create(_context, item, $"a value of {what}", ValueKeys);
        if (reader is null)
        {
            return null;
        }

        var value = reader.RequiredString("value", $"A value of {what}");
        csharpName = reader.OptionalString("csharp_name");
        description = reader.OptionalString("description");
        isRepeat = reader.OptionalBoolean("repeat") ?? false;
        if (reader.TryGet("since", out _, out var sinceNode) && _context.ReadVersion(sinceNode, "since") is { } parsed)
        {
            if (sinceBounds is { } bounds && (parsed > bounds.Latest || parsed < bounds.Earliest))
            {
                var limit = parsed > bounds.Latest ? $"later than the version {bounds.Latest} of {bounds.Object}" : $"earlier than the field's own since {bounds.Earliest}";
                _context.Report(DiagnosticDescriptors.InvalidValue, sinceNode, "since", $"value '{value}' of {what} has since {parsed}, {limit}");
            }
            else
            {
                since = parsed;
            }
        }

        return value;
    }
}
