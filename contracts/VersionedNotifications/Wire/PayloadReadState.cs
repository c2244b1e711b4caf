using System;
using System.Collections.Generic;
using System.Text.Json;

namespace VersionedNotifications.Wire;

/// <summary>
/// What a generated reader saw in one object's data: which defined fields, the unknown ones, and, when the keys
/// did not come in the order the contract writes them, that order.
/// </summary>
/// <remarks>
/// A read takes its state from <see cref="Rent"/> and gives it back with <see cref="Return"/> once the payload is
/// complete: what the payload keeps (the unknown fields, the order) it takes over, and the state is reused by the
/// thread's next read of a payload that nests no other. A converter uses it only during its <c>ReadData</c> call.
/// </remarks>
public sealed class PayloadReadState
{
    [ThreadStatic]
    private static PayloadReadState? t_free;

    private IReadOnlyList<WireField> _fields;
    private bool[] _present;
    private Dictionary<string, JsonElement>? _unknown;
    private int _lastField = -1;
    private List<string>? _order;

    private PayloadReadState(IReadOnlyList<WireField> fields)
    {
        _fields = fields;
        _present = new bool[fields.Count];
    }

    /// <summary>A state for reading an object of <paramref name="fields"/>: the thread's free one when it has one.</summary>
    internal static PayloadReadState Rent(IReadOnlyList<WireField> fields)
    {
        var state = t_free;
        if (state is null)
        {
            return new PayloadReadState(fields);
        }

        t_free = null;
        state.Reset(fields);
        return state;
    }

    /// <summary>Gives the state back for the thread's next read; the caller no longer uses it, and nothing it made points to it.</summary>
    internal static void Return(PayloadReadState state) => t_free = state;

    /// <summary>Starts over, for an object of <paramref name="fields"/>: no field present, none unknown, no order.</summary>
    internal void Reset(IReadOnlyList<WireField> fields)
    {
        _fields = fields;
        if (_present.Length < fields.Count)
        {
            _present = new bool[fields.Count];
        }
        else
        {
            Array.Clear(_present, 0, fields.Count);
        }

        _unknown = null;
        _lastField = -1;
        _order = null;
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
            for (var i = 0; i < _fields.Count; i++)
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
