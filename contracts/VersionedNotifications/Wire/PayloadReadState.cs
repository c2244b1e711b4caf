using System.Collections.Generic;
using System.Text.Json;

namespace VersionedNotifications.Wire;

/// <summary>What a generated reader saw in one object's data: which defined fields, and the unknown ones.</summary>
public sealed class PayloadReadState
{
    private readonly bool[] _present;
    private Dictionary<string, JsonElement>? _unknown;

    internal PayloadReadState(int fieldCount) => _present = new bool[fieldCount];

    /// <summary>Records that field number <paramref name="field"/> was on the wire.</summary>
    public void MarkPresent(int field) => _present[field] = true;

    /// <summary>Keeps a field this contract does not define.</summary>
    public void AddUnknown(string name, JsonElement value) => (_unknown ??= new(System.StringComparer.Ordinal))[name] = value;

    internal bool IsPresent(int field) => _present[field];

    internal IReadOnlyDictionary<string, JsonElement>? Unknown => _unknown;
}
