namespace VersionedNotifications.Generator.Model;

/// <summary>The kinds of field types in the definition language; they follow oslo.versionedobjects' field set.</summary>
internal enum TypeKind
{
    String,
    Integer,
    Float,
    Boolean,
    Uuid,
    DateTime,
    IpAddress,
    MacAddress,
    FlexibleDict,
    List,
    Dict,

    /// <summary>An enum whose values are listed on the field itself.</summary>
    InlineEnum,

    /// <summary>An object or a named enum, resolved across files by the checker.</summary>
    Named,
}

/// <summary>A parsed type expression such as <c>string</c>, <c>list&lt;PortPayload&gt;</c> or <c>dict&lt;integer?&gt;</c>.</summary>
internal sealed record TypeReference(TypeKind Kind, string? Name = null, TypeReference? Element = null, bool ElementNullable = false)
{
    /// <summary>The element type at the bottom of any lists and dicts: <c>PortPayload</c> for <c>list&lt;dict&lt;PortPayload&gt;&gt;</c>.</summary>
    public TypeReference Innermost => Element?.Innermost ?? this;

    public override string ToString() => Kind switch
    {
        TypeKind.List => "list<" + Element + (ElementNullable ? "?" : string.Empty) + ">",
        TypeKind.Dict => "dict<" + Element + (ElementNullable ? "?" : string.Empty) + ">",
        TypeKind.Named => Name!,
        TypeKind.InlineEnum => "enum",
        _ => TypeNames.KeywordOf(Kind),
    };
}
