using System.Collections.Generic;
using System.Text.Json;

namespace VersionedNotifications.Wire;

/// <summary>
/// What one write of one object leaves out: fields dropped by a backport, and fields that were absent
/// when the payload was read (left out while they still hold their default). Generated converters ask
/// <see cref="Includes"/> for each field unless <see cref="WritesAll"/>.
/// </summary>
public sealed class PayloadWriteState
{
    private readonly bool[]? _dropped;
    private readonly bool[]? _absent;
    private readonly IReadOnlyDictionary<string, JsonElement>? _extensionData;
    private readonly KeyValuePair<string, JsonElement>[]? _extensionMembers;

    internal PayloadWriteState(PayloadWriteOptions options, bool[]? dropped, bool[]? absent, IReadOnlyDictionary<string, JsonElement>? extensionData, PayloadVersion? backportedTo = null, int[]? order = null)
    {
        Options = options;
        BackportedTo = backportedTo;
        _dropped = dropped;
        _absent = absent;
        _extensionData = extensionData;
        Order = order;
        if (order is not null && extensionData is not null)
        {
            _extensionMembers = new KeyValuePair<string, JsonElement>[extensionData.Count];
            var i = 0;
            foreach (var pair in extensionData)
            {
                _extensionMembers[i++] = pair;
            }
        }

        WritesAll = dropped is null && absent is null;
    }

    /// <summary>The options of the whole write.</summary>
    public PayloadWriteOptions Options { get; }

    /// <summary>The older version this object is being written at, when the write backports it; null otherwise.</summary>
    public PayloadVersion? BackportedTo { get; }

    /// <summary>
    /// The order to write the object's keys in, when it was read in an order of its own (see
    /// <see cref="PayloadWireState.FieldOrder"/>): field numbers, and <c>~i</c> for the i-th field kept from the wire
    /// (<see cref="WriteExtensionMember(Utf8JsonWriter, int)"/>); <see langword="null"/> for the contract's order, with the kept fields last.
    /// </summary>
    public IReadOnlyList<int>? Order { get; }

    /// <summary>True when every defined field is written.</summary>
    public bool WritesAll { get; }

    /// <summary>Whether field number <paramref name="field"/> is written; <paramref name="holdsDefault"/> tells whether its value is the type's default.</summary>
    public bool Includes(int field, bool holdsDefault) =>
        !(_dropped is not null && _dropped[field]) && !(holdsDefault && _absent is not null && _absent[field]);

    /// <summary>
    /// Writes the fields kept from the wire that this contract does not define. With
    /// <see cref="PayloadWriteOptions.MaskSecrets"/> they are masked as oslo's <c>mask_dict_password</c> masks a
    /// dictionary: nothing tells whether a field a newer version added holds a secret but its name and content.
    /// </summary>
    public void WriteExtensionData(Utf8JsonWriter writer)
    {
        if (_extensionData is null)
        {
            return;
        }

        foreach (var pair in _extensionData)
        {
            WriteMember(writer, pair);
        }
    }

    /// <summary>Writes the <paramref name="index"/>-th field kept from the wire, as <see cref="WriteExtensionData(Utf8JsonWriter)"/> writes each.</summary>
    public void WriteExtensionMember(Utf8JsonWriter writer, int index)
    {
        if (_extensionMembers is not null)
        {
            WriteMember(writer, _extensionMembers[index]);
        }
    }

    /// <summary>Writes the fields kept from the wire as <see cref="WriteExtensionData(Utf8JsonWriter)"/> does.</summary>
    public void WriteExtensionData(OsloJsonWriter writer)
    {
        if (_extensionData is null)
        {
            return;
        }

        foreach (var pair in _extensionData)
        {
            WriteMember(writer, pair);
        }
    }

    /// <summary>Writes the <paramref name="index"/>-th field kept from the wire as <see cref="WriteExtensionMember(Utf8JsonWriter, int)"/> does.</summary>
    public void WriteExtensionMember(OsloJsonWriter writer, int index)
    {
        if (_extensionMembers is not null)
        {
            WriteMember(writer, _extensionMembers[index]);
        }
    }

    private void WriteMember(OsloJsonWriter writer, KeyValuePair<string, JsonElement> pair)
    {
        if (Options.MaskSecrets)
        {
            writer.WriteCompactMember(pair, static (compact, member) => SecretMasker.WriteMaskedMember(compact, member.Key, member.Value));
        }
        else
        {
            writer.WritePropertyName(pair.Key);
            OsloJsonTree.WriteElement(writer, pair.Value);
        }
    }

    private void WriteMember(Utf8JsonWriter writer, KeyValuePair<string, JsonElement> pair)
    {
        if (Options.MaskSecrets)
        {
            SecretMasker.WriteMaskedMember(writer, pair.Key, pair.Value);
        }
        else
        {
            writer.WritePropertyName(pair.Key);
            pair.Value.WriteTo(writer);
        }
    }
}
