using System;
using System.Diagnostics.CodeAnalysis;

namespace VersionedNotifications;

/// <summary>
/// The value of a <c>uuid</c> field: the exact text on the wire. oslo.versionedobjects' <c>UUIDField</c>
/// keeps the string it is given and only warns when it is not a UUID, so a real message may carry
/// <c>A022CE3F-...</c> in upper case, a UUID without dashes or in braces, or <c>fake-volume-id</c>. This
/// type keeps that text to write it back unchanged, and offers the parsed <see cref="System.Guid"/>
/// where the text is one.
/// </summary>
/// <remarks>
/// Two values are equal when their texts are equal, ordinal: what is equal writes the same bytes. To
/// compare two values as UUIDs whatever their spelling, compare their <see cref="Guid"/>s.
/// <c>default(Uuid)</c> is the nil UUID, <c>00000000-0000-0000-0000-000000000000</c>, as
/// <c>default(Guid)</c> was. A <see cref="System.Guid"/> converts implicitly, written as Python's
/// <c>str(uuid.UUID)</c> writes it: lower case with dashes.
/// </remarks>
public readonly struct Uuid : IEquatable<Uuid>
{
    private const string NilText = "00000000-0000-0000-0000-000000000000";

    private readonly string? _text;

    /// <summary>A value that holds <paramref name="text"/> as it is, whether or not it is a UUID.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public Uuid(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _text = text;
    }

    /// <summary>The text as it goes on the wire.</summary>
    public string Text => _text ?? NilText;

    /// <summary>
    /// The parsed UUID, or <see langword="null"/> when the text is not one. Any form that
    /// <see cref="System.Guid.TryParse(string, out System.Guid)"/> reads counts: either case, with or without
    /// dashes, in braces or parentheses.
    /// </summary>
    public System.Guid? Guid => TryGetGuid(out var value) ? value : null;

    /// <summary>Parses the text as a UUID (see <see cref="Guid"/>); false when it is not one.</summary>
    public bool TryGetGuid(out System.Guid value) => System.Guid.TryParse(Text, out value);

    /// <summary>A value whose text is <paramref name="value"/> in lower case with dashes, as Python's <c>str(uuid.UUID)</c> writes it.</summary>
    public static Uuid FromGuid(System.Guid value) => new(value.ToString("D"));

    /// <summary>A <see cref="System.Guid"/> as a value, lower case with dashes (see <see cref="FromGuid(System.Guid)"/>).</summary>
    public static implicit operator Uuid(System.Guid value) => FromGuid(value);

    /// <inheritdoc/>
    public bool Equals(Uuid other) => string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Uuid other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <summary>The text as it goes on the wire.</summary>
    public override string ToString() => Text;

    /// <summary>Whether the two texts are equal, ordinal.</summary>
    public static bool operator ==(Uuid left, Uuid right) => left.Equals(right);

    /// <summary>Whether the two texts differ.</summary>
    public static bool operator !=(Uuid left, Uuid right) => !left.Equals(right);
}
