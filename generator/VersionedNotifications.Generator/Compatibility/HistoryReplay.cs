using System.Collections.Generic;
using System.Linq;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Compatibility;

/// <summary>
/// Rebuilds the field set of every version of an object from its definition: a field is there from
/// its <c>since</c> until it is <c>removed</c>, with the shape it has now, except where a recorded
/// exception says it looked different before (latest exception undone first).
/// </summary>
internal static class HistoryReplay
{
    /// <summary>Every version the definition records (its history, or just its version), oldest first.</summary>
    public static IReadOnlyList<ObjectVersion> Versions(ObjectDefinition definition) =>
        definition.History.IsEmpty ? new[] { definition.Version } : definition.History.Select(h => h.Version).ToList();

    /// <summary>The object's own fields in <paramref name="version"/>, by wire name.</summary>
    public static Dictionary<string, FieldShape> FieldsAt(ObjectDefinition definition, ObjectVersion version)
    {
        var fields = new Dictionary<string, FieldShape>(System.StringComparer.Ordinal);
        foreach (var field in definition.Fields)
        {
            if (field.Since <= version && (field.Removed is null || version < field.Removed.Value))
            {
                fields[field.Name] = FieldShape.Of(field, version);
            }
        }

        var later = definition.History
            .Where(h => h.Version > version && h.Version.Major == version.Major)
            .OrderByDescending(h => h.Version);
        foreach (var entry in later)
        {
            foreach (var exception in entry.Exceptions)
            {
                Undo(fields, exception);
            }
        }

        return fields;
    }

    private static void Undo(Dictionary<string, FieldShape> fields, VersionException exception)
    {
        var was = exception.Was;
        fields.TryGetValue(exception.Field, out var shape);
        switch (exception.Kind)
        {
            case ExceptionKind.Removed when shape is null && was?.Type is not null:
                fields[exception.Field] = new FieldShape(exception.Field, was.Type.ToString(), was.IsNullable ?? false, was.Default?.Json, was.EnumValues);
                break;
            case ExceptionKind.Renamed when shape is not null && was?.Name is not null:
                fields.Remove(exception.Field);
                fields[was.Name] = shape with { Name = was.Name };
                break;
            case ExceptionKind.Type or ExceptionKind.Nullability or ExceptionKind.Default or ExceptionKind.EnumValues when shape is not null && was is not null:
                fields[exception.Field] = shape with
                {
                    Type = was.Type?.ToString() ?? shape.Type,
                    IsNullable = was.IsNullable ?? shape.IsNullable,
                    DefaultJson = was.Default?.Json ?? shape.DefaultJson,
                    EnumValues = was.EnumValues.IsEmpty ? shape.EnumValues : was.EnumValues,
                };
                break;
        }
    }
}
