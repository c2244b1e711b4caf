namespace VersionedNotifications.Generator.Model;

internal enum LiteralKind
{
    Null,
    Boolean,
    Integer,
    Float,
    String,
    Array,
    Object,
}

/// <summary>
/// A YAML value (a default or an example) kept as its JSON text, which is what the wire will carry.
/// </summary>
/// <param name="Kind">What the value is.</param>
/// <param name="Json">The value as canonical JSON.</param>
/// <param name="Text">For scalars, the text as written in YAML (unquoted); empty otherwise.</param>
internal sealed record LiteralValue(LiteralKind Kind, string Json, string Text)
{
    public bool IsEmptyCollection => Json is "[]" or "{}";
}
