namespace VersionedNotifications.Generator.Model;

/// <summary>A named enum, shared by the fields that use it as their type.</summary>
internal sealed record EnumDefinition(
    string Name,
    LocationInfo Location,
    string CSharpName,
    string? Description,
    EquatableArray<EnumMember> Members);

/// <summary>One allowed value of an enum: the wire string and its C# member name.</summary>
internal sealed record EnumMember(string Value, string CSharpName, string? Description, LocationInfo Location);
