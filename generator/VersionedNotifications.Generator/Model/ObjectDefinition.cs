namespace VersionedNotifications.Generator.Model;

/// <summary>An object (a payload or a nested object) as written in a definitions file.</summary>
/// <param name="Name">The object name on the wire, <c>&lt;ns&gt;_object.name</c>.</param>
/// <param name="Location">Where the name is written.</param>
/// <param name="CSharpName">The C# type name: <c>csharp_name</c>, or <paramref name="Name"/>.</param>
/// <param name="Version">The current version.</param>
/// <param name="VersionLocation">Where the version is written (the name when it is implied).</param>
/// <param name="Description">What the object is.</param>
/// <param name="IsVersioned">Whether it travels as a versioned object (Ironic) or a plain dict (Glance).</param>
/// <param name="Extends">The base object name, if any.</param>
/// <param name="ExtendsLocation">Where the base is named.</param>
/// <param name="Fields">The object's own fields (not its base's), in file order.</param>
/// <param name="History">One entry per version, in file order.</param>
internal sealed record ObjectDefinition(
    string Name,
    LocationInfo Location,
    string CSharpName,
    ObjectVersion Version,
    LocationInfo VersionLocation,
    string? Description,
    bool IsVersioned,
    string? Extends,
    LocationInfo? ExtendsLocation,
    EquatableArray<FieldDefinition> Fields,
    EquatableArray<HistoryEntry> History)
{
    /// <summary>
    /// The object's first version: <c>first_version</c>, else the first history entry, else <c>&lt;major&gt;.0</c> of
    /// <see cref="Version"/>. Nova's <c>InstanceCreatePayload</c> starts at 1.2, having taken over its base's history.
    /// </summary>
    public ObjectVersion FirstVersion { get; init; } = new(History.IsEmpty ? Version.Major : History[0].Version.Major, 0);

    /// <summary>Whether <c>sparse: true</c> made every field optional unless it says <c>optional: false</c>.</summary>
    public bool IsSparse { get; init; }

    /// <summary>Which version of the base (<see cref="Extends"/>) each version of this object contains (<c>base_versions</c>); empty when not said.</summary>
    public EquatableArray<VersionMapping> BaseVersions { get; init; } = EquatableArray<VersionMapping>.Empty;
}
