using System.Linq;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Compatibility;

/// <summary>
/// What a consumer relies on about one field in one version: its name, its type (element and
/// nested object types included), whether it may be null, its default, and an inline enum's values.
/// </summary>
internal sealed record FieldShape(string Name, string Type, bool IsNullable, string? DefaultJson, EquatableArray<string> EnumValues)
{
    /// <summary>The field as version <paramref name="version"/> of its object has it: an inline enum holds the values that had arrived by then.</summary>
    public static FieldShape Of(FieldDefinition field, ObjectVersion version) => new(
        field.Name,
        field.Type.ToString(),
        field.IsNullable,
        field.Default?.Json,
        field.EnumMembers.Where(m => !m.IsRepeat && (m.Since is null || m.Since.Value <= version)).Select(m => m.Value).ToEquatableArray());

    /// <summary>The shape as one line of text: <c>string?</c>, <c>list&lt;PortPayload&gt; = []</c>, <c>enum[a, b]</c>.</summary>
    public string Describe()
    {
        var values = EnumValues.IsEmpty ? string.Empty : "[" + string.Join(", ", EnumValues) + "]";
        return Type + values + (IsNullable ? "?" : string.Empty) + (DefaultJson is null ? string.Empty : " = " + DefaultJson);
    }
}
