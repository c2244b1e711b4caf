using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace VersionedNotifications;

/// <summary>
/// The value of a field that may be unset: oslo.versionedobjects leaves such a field out of
/// <c>&lt;ns&gt;_object.data</c> when <c>obj_attr_is_set</c> is false. Unset, <see langword="null"/> (for a
/// nullable field) and a value are three different things on the wire, and this type keeps them apart.
/// </summary>
/// <remarks>
/// The <see langword="default"/> is unset, so a record whose producer never assigns the property sends the field
/// absent. A value converts implicitly: <c>ImageMeta = meta</c> sets the field.
/// </remarks>
/// <typeparam name="T">The field's type (nullable when the field is).</typeparam>
public readonly struct Optional<T> : IEquatable<Optional<T>>
{
    private readonly T _value;

    /// <summary>A set field holding <paramref name="value"/>.</summary>
    public Optional(T value)
    {
        _value = value;
        IsSet = true;
    }

    /// <summary>An unset field: absent from the wire.</summary>
    public static Optional<T> Unset => default;

    /// <summary>Whether the field is set (and so on the wire).</summary>
    public bool IsSet { get; }

    /// <summary>The value of a set field.</summary>
    /// <exception cref="InvalidOperationException">The field is unset.</exception>
    public T Value => IsSet ? _value : throw new InvalidOperationException($"The field is unset (absent from the wire); check {nameof(IsSet)} or use {nameof(TryGetValue)}.");

    /// <summary>Gives the value of a set field.</summary>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return IsSet;
    }

    /// <summary>The value when set, else <paramref name="fallback"/>.</summary>
    public T GetValueOrDefault(T fallback) => IsSet ? _value : fallback;

    /// <summary>The value when set, else the type's default.</summary>
    public T? GetValueOrDefault() => IsSet ? _value : default;

    /// <summary>Sets a field to <paramref name="value"/>.</summary>
    public static implicit operator Optional<T>(T value) => new(value);

    /// <inheritdoc/>
    public bool Equals(Optional<T> other) =>
        IsSet == other.IsSet && (!IsSet || EqualityComparer<T>.Default.Equals(_value, other._value));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Optional<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => IsSet ? HashCode.Combine(true, _value) : 0;

    /// <summary>The value's text, <c>null</c> for a null value, or <c>(unset)</c>.</summary>
    public override string ToString() => !IsSet ? "(unset)" : _value?.ToString() ?? "null";

    /// <summary>Whether two optional values are both unset or hold equal values.</summary>
    public static bool operator ==(Optional<T> left, Optional<T> right) => left.Equals(right);

    /// <summary>Whether two optional values differ.</summary>
    public static bool operator !=(Optional<T> left, Optional<T> right) => !left.Equals(right);
}
