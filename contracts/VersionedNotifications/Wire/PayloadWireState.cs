using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace VersionedNotifications.Wire;

/// <summary>
/// How a payload read from the wire differed from its current definition: the version it was sent
/// at, the defined fields it did not carry, the fields this contract does not know (kept and written
/// back on re-encode), and an <c>.changes</c> list. Generated records hold <see langword="null"/> when
/// the payload matched the current definition exactly.
/// </summary>
public sealed class PayloadWireState : IEquatable<PayloadWireState>
{
    /// <summary>Creates the state of one read payload.</summary>
    public PayloadWireState(string version, IReadOnlyList<string> absentFields, IReadOnlyDictionary<string, JsonElement> extensionData, IReadOnlyList<string>? changes)
        : this(version, absentFields, extensionData, changes, fieldOrder: null)
    {
    }

    /// <summary>Creates the state of one read payload whose keys came in an order of their own.</summary>
    /// <param name="version">The version on the wire.</param>
    /// <param name="absentFields">Defined fields the wire did not carry.</param>
    /// <param name="extensionData">Fields the contract does not define.</param>
    /// <param name="changes">The <c>.changes</c> list, if sent.</param>
    /// <param name="fieldOrder">Every key of the data in the order it came, when that is not the order the contract writes.</param>
    public PayloadWireState(string version, IReadOnlyList<string> absentFields, IReadOnlyDictionary<string, JsonElement> extensionData, IReadOnlyList<string>? changes, IReadOnlyList<string>? fieldOrder)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(absentFields);
        ArgumentNullException.ThrowIfNull(extensionData);
        Version = version;
        AbsentFields = absentFields;
        ExtensionData = extensionData;
        Changes = changes;
        FieldOrder = fieldOrder;
    }

    /// <summary>The version on the wire (for unversioned payloads, the definition's version).</summary>
    public string Version { get; }

    /// <summary>
    /// Defined fields the wire did not carry: fields added after <see cref="Version"/>, or fields the
    /// producer left unset. Their properties hold the type's default, and re-encoding leaves them out
    /// again unless a new value has been set.
    /// </summary>
    public IReadOnlyList<string> AbsentFields { get; }

    /// <summary>Fields this contract does not define (a newer minor version sent them), kept as raw JSON.</summary>
    public IReadOnlyDictionary<string, JsonElement> ExtensionData { get; }

    /// <summary>The <c>&lt;ns&gt;_object.changes</c> list, when the producer sent one.</summary>
    public IReadOnlyList<string>? Changes { get; }

    /// <summary>
    /// Every key of the object's data in the order the wire had it, when that differs from the order the contract
    /// writes (an unknown field between known ones, as when a newer or older version adds or keeps a field at its
    /// place in the producer's class, or a producer with an order of its own); <see langword="null"/> otherwise.
    /// Writing the payload again follows it, so that the bytes come out as they came in.
    /// </summary>
    public IReadOnlyList<string>? FieldOrder { get; }

    /// <summary>Whether the wire did not carry the field <paramref name="wireName"/>.</summary>
    public bool IsAbsent(string wireName)
    {
        foreach (var name in AbsentFields)
        {
            if (string.Equals(name, wireName, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public bool Equals(PayloadWireState? other) =>
        other is not null
        && Version == other.Version
        && AbsentFields.SequenceEqual(other.AbsentFields, StringComparer.Ordinal)
        && (Changes is null ? other.Changes is null : other.Changes is not null && Changes.SequenceEqual(other.Changes, StringComparer.Ordinal))
        && (FieldOrder is null ? other.FieldOrder is null : other.FieldOrder is not null && FieldOrder.SequenceEqual(other.FieldOrder, StringComparer.Ordinal))
        && ExtensionData.Count == other.ExtensionData.Count
        && ExtensionData.All(pair => other.ExtensionData.TryGetValue(pair.Key, out var value) && JsonValueEquality.Equals(pair.Value, value));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PayloadWireState);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Version, AbsentFields.Count, ExtensionData.Count);

    /// <inheritdoc/>
    public override string ToString() =>
        $"version {Version}, absent [{string.Join(", ", AbsentFields)}], unknown [{string.Join(", ", ExtensionData.Keys)}]";
}
