namespace VersionedNotifications.Generator.Model;

/// <summary>A named enum, shared by the fields that use it as their type.</summary>
internal sealed record EnumDefinition(
    string Name,
    LocationInfo Location,
    string CSharpName,
    string? Description,
    EquatableArray<EnumMember> Members);

/// <summary>One allowed value of an enum: the wire string and its C# member name.</summary>
internal sealed record EnumMember(string Value, string CSharpName, string? Description, LocationInfo Location)
{
    /// <summary>
    /// The version of the object using the enum in which this value arrived (<c>since</c>); null when it has been
    /// there from the object's first version.
    /// </summary>
    public ObjectVersion? Since { get; init; }

    /// <summary>Whether the value repeats an earlier one of the same enum, as a real enum's list may (<c>repeat: true</c>).</summary>
    public bool IsRepeat { get; init; }
}
