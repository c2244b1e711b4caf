namespace VersionedNotifications.Generator.Model;

/// <summary>One version in an object's history: what changed, and any named exception to the microversion rule.</summary>
internal sealed record HistoryEntry(
    ObjectVersion Version,
    LocationInfo Location,
    string Changes,
    EquatableArray<VersionException> Exceptions);

/// <summary>What a recorded exception allowed to change under a minor bump.</summary>
internal enum ExceptionKind
{
    Type,
    Nullability,
    Default,
    Removed,
    Renamed,
    EnumValues,
}

/// <summary>
/// A named, explicit exception: a minor bump that broke the rule that minor versions only add
/// fields (ironic's NodePayload 1.1 and 1.2 did). <paramref name="Was"/> records the field as it was before.
/// </summary>
internal sealed record VersionException(
    string Name,
    LocationInfo Location,
    string Field,
    LocationInfo FieldLocation,
    ExceptionKind Kind,
    string Reason,
    PreviousField? Was);

/// <summary>How a field looked before an exception changed it; only the keys that changed are set.</summary>
internal sealed record PreviousField(string? Name, TypeReference? Type, bool? IsNullable, LiteralValue? Default, EquatableArray<string> EnumValues);
