using System.Collections.Generic;
using System.Text.Json;

namespace VersionedNotifications.Wire;

/// <summary>
/// What a generated reader saw in one object's data: which defined fields, the unknown ones, and, when the keys
/// did not come in the order the contract writes them, that order.
/// </summary>
public sealed class PayloadReadState
{
    private readonly IReadOnlyList<WireField> _fields;
    private readonly bool[] _present;
    private Dictionary<string, JsonElement>? _unknown;
    private int _lastField = -1;
    private List<string>? _order;

    internal PayloadReadState(IReadOnlyList<WireField> fields)
    {
        _fields = fields;
        _present = new bool[fields.Count];
    }

    /// <summary>Records that field number <paramref name="field"/> was on the wire.</summary>
    public void MarkPresent(int field)
    {
        if (_present[field])
        {
            // A key sent twice keeps its first place, as in a Python dict.
            return;
        }

        _present[field] = true;
        if (_order is null && (field < _lastField || _unknown is not null))
        {
            // The first key out of the writer's order (the writer puts unknown fields last): the order so far was
            // the present fields ascending and then the unknown ones.
            _order = new List<string>();
            for (var i = 0; i < _present.Length; i++)
            {
                if (_present[i] && i != field)
                {
                    _order.Add(_fields[i].Name);
                }
            }

            if (_unknown is not null)
            {
                _order.AddRange(_unknown.Keys);
            }
        }

        _order?.Add(_fields[field].Name);
        _lastField = field;
    }

    /// <summary>Keeps a field this contract does not define.</summary>
    public void AddUnknown(string name, JsonElement value)
    {
        _unknown ??= new(System.StringComparer.Ordinal);
        if (_order is not null && !_unknown.ContainsKey(name))
        {
            _order.Add(name);
        }

        _unknown[name] = value;
    }

    internal bool IsPresent(int field) => _present[field];

    internal IReadOnlyDictionary<string, JsonElement>? Unknown => _unknown;

    /// <summary>The keys in the order they came, when that is not the writer's order; else null.</summary>
    internal IReadOnlyList<string>? Order => _order;
}
