namespace VersionedNotifications.Generator.Model;

/// <summary>
/// One field of an object as written in a definitions file. Built with named members (the parser sets
/// what the YAML says; what it leaves out keeps the defaults below).
/// </summary>
internal sealed record FieldDefinition
{
    /// <summary>The wire name (snake_case).</summary>
    public required string Name { get; init; }

    /// <summary>Where the name is written.</summary>
    public required LocationInfo Location { get; init; }

    /// <summary>The property name: <c>csharp_name</c>, or the PascalCase of <see cref="Name"/>.</summary>
    public required string CSharpName { get; init; }

    /// <summary>The field type.</summary>
    public required TypeReference Type { get; init; }

    /// <summary>Where the type is written.</summary>
    public required LocationInfo TypeLocation { get; init; }

    /// <summary>Whether null is a valid value.</summary>
    public bool IsNullable { get; init; }

    /// <summary>The default value, if any.</summary>
    public LiteralValue? Default { get; init; }

    /// <summary>Where the default is written.</summary>
    public LocationInfo? DefaultLocation { get; init; }

    /// <summary>The version that added the field.</summary>
    public required ObjectVersion Since { get; init; }

    /// <summary>Where <c>since</c> is written (the field name when it is implied).</summary>
    public required LocationInfo SinceLocation { get; init; }

    /// <summary>The major version that removed the field, if it has been removed.</summary>
    public ObjectVersion? Removed { get; init; }

    /// <summary>What the field holds.</summary>
    public string? Description { get; init; }

    /// <summary>An example value, for documentation.</summary>
    public LiteralValue? Example { get; init; }

    /// <summary>Whether the value must be masked on the wire.</summary>
    public bool IsSecret { get; init; }

    /// <summary>For <c>type: enum</c>, the allowed values.</summary>
    public EquatableArray<EnumMember> EnumMembers { get; init; } = EquatableArray<EnumMember>.Empty;

    /// <summary>For a secret <c>flexible_dict</c>, keys whose values are always masked.</summary>
    public EquatableArray<string> MaskedKeys { get; init; } = EquatableArray<string>.Empty;

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
