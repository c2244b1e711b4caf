namespace VersionedNotifications.Generator.Model;

/// <summary>One field of an object as written in a definitions file.</summary>
/// <param name="Name">The wire name (snake_case).</param>
/// <param name="Location">Where the name is written.</param>
/// <param name="CSharpName">The property name: <c>csharp_name</c>, or the PascalCase of <paramref name="Name"/>.</param>
/// <param name="Type">The field type.</param>
/// <param name="TypeLocation">Where the type is written.</param>
/// <param name="IsNullable">Whether null is a valid value.</param>
/// <param name="Default">The default value, if any.</param>
/// <param name="DefaultLocation">Where the default is written.</param>
/// <param name="Since">The version that added the field.</param>
/// <param name="SinceLocation">Where <c>since</c> is written (the field name when it is implied).</param>
/// <param name="Removed">The major version that removed the field, if it has been removed.</param>
/// <param name="Description">What the field holds.</param>
/// <param name="Example">An example value, for documentation.</param>
/// <param name="IsSecret">Whether the value must be masked on the wire.</param>
/// <param name="EnumMembers">For <c>type: enum</c>, the allowed values.</param>
/// <param name="MaskedKeys">For a secret <c>flexible_dict</c>, keys whose values are always masked.</param>
internal sealed record FieldDefinition(
    string Name,
    LocationInfo Location,
    string CSharpName,
    TypeReference Type,
    LocationInfo TypeLocation,
    bool IsNullable,
    LiteralValue? Default,
    LocationInfo? DefaultLocation,
    ObjectVersion Since,
    LocationInfo SinceLocation,
    ObjectVersion? Removed,
    string? Description,
    LiteralValue? Example,
    bool IsSecret,
    EquatableArray<EnumMember> EnumMembers,
    EquatableArray<string> MaskedKeys)
{
    /// <summary>
    /// Whether the field may be unset (oslo.versionedobjects' <c>obj_attr_is_set</c> false), and so absent from
    /// <c>&lt;ns&gt;_object.data</c>: <c>optional: true</c> on the field, or a <c>sparse: true</c> object that the
    /// field does not opt out of.
    /// </summary>
    public bool IsOptional { get; init; }

    /// <summary>
    /// For a field that holds an object: which version of that object each version of the containing object
    /// carries (<c>child_versions</c>); empty when the definitions do not say.
    /// </summary>
    public EquatableArray<VersionMapping> ChildVersions { get; init; } = EquatableArray<VersionMapping>.Empty;
}
