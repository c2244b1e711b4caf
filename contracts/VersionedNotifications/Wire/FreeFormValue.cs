using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VersionedNotifications.Wire;

/// <summary>
/// Reads values whose content the contract leaves free (flexible dicts, unknown fields, context and
/// extension keys) into JSON trees that behave as Python's <c>json.loads</c> left them: of repeated keys
/// only the last value is kept, at the place of the first; a string or name that no .NET string can hold
/// (an escaped unpaired surrogate) is an error with its path inside the value.
/// </summary>
/// <remarks>
/// One scan of a copy of the reader checks both, hashing the names of each object; only a value that
/// does repeat a key is rebuilt. The scan and the tree count against the read's <see cref="ReadMemoryBudget"/>.
/// </remarks>
internal static class FreeFormValue
{
    private static readonly JsonWriterOptions RebuildOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    [ThreadStatic]
    private static KeyHashes? t_keys;

    /// <summary>The value under the reader, which is left on its last token.</summary>
    public static JsonElement Read(ref Utf8JsonReader reader)
    {
        ReadMemoryBudget.Check();
        var repeatsKeys = Scan(reader);
        var value = JsonElement.ParseValue(ref reader);
        return repeatsKeys ? KeepLastOfRepeatedKeys(value) : value;
    }

    /// <summary>The object under the reader, which is left on its last token.</summary>
    public static JsonObject ReadObject(ref Utf8JsonReader reader)
    {
        ReadMemoryBudget.Check();
        var repeatsKeys = Scan(reader);
        if (!repeatsKeys && IsEmptyObject(reader))
        {
            // The smallest object on the wire needs no document behind it (a list of a million {} stays cheap).
            reader.Skip();
            return new JsonObject();
        }

        var value = JsonElement.ParseValue(ref reader);
        return JsonObject.Create(repeatsKeys ? KeepLastOfRepeatedKeys(value) : value)!;
    }

    private static bool IsEmptyObject(Utf8JsonReader scan) => scan.TokenType == JsonTokenType.StartObject && scan.Read() && scan.TokenType == JsonTokenType.EndObject;

    /// <summary>Checks every string and name of the value; returns whether an object in it repeats a key.</summary>
    private static bool Scan(Utf8JsonReader scan)
    {
        var start = scan;
        if (scan.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            EnsureDecodable(ref scan, start);
            return false;
        }

        var keys = t_keys ??= new KeyHashes();
        keys.Clear();
        var repeats = false;
        var depth = scan.CurrentDepth;
        if (scan.TokenType == JsonTokenType.StartObject)
        {
            keys.Open();
        }

        while (scan.Read() && scan.CurrentDepth > depth)
        {
            switch (scan.TokenType)
            {
                case JsonTokenType.StartObject:
                    keys.Open();
                    break;
                case JsonTokenType.EndObject:
                    keys.Close();
                    break;
                case JsonTokenType.PropertyName:
                    EnsureDecodable(ref scan, start);
                    repeats |= !keys.Add(HashOfName(ref scan));
                    break;
                case JsonTokenType.String:
                    EnsureDecodable(ref scan, start);
                    break;
            }
        }

        return repeats;
    }

    private static void EnsureDecodable(ref Utf8JsonReader scan, Utf8JsonReader start)
    {
        if (scan.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && scan.ValueIsEscaped)
        {
            try
            {
                scan.GetString();
            }
            catch (InvalidOperationException)
            {
                throw ErrorAt(start, scan.TokenStartIndex);
            }
        }
    }

    /// <summary>FNV-1a over the name's unescaped bytes: equal names hash equal, and a collision only costs a rebuild.</summary>
    private static ulong HashOfName(ref Utf8JsonReader scan)
    {
        if (!scan.ValueIsEscaped && !scan.HasValueSequence)
        {
            return Fnv(scan.ValueSpan);
        }

        var length = scan.HasValueSequence ? checked((int)scan.ValueSequence.Length) : scan.ValueSpan.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            return Fnv(rented.AsSpan(0, scan.CopyString(rented)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static ulong Fnv(ReadOnlySpan<byte> bytes)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>
    /// The error for the undecodable string or name at <paramref name="target"/>, with its path inside the
    /// value: a second walk from the start, taken only on this error path, tracks where it is.
    /// </summary>
    private static WireFormatException ErrorAt(Utf8JsonReader walk, long target)
    {
        var frames = new List<(bool IsArray, int Index, string? Name)>();
        var isName = false;
        do
        {
            if (frames.Count > 0 && frames[^1].IsArray && walk.TokenType is not (JsonTokenType.EndArray or JsonTokenType.EndObject))
            {
                frames[^1] = frames[^1] with { Index = frames[^1].Index + 1 };
            }

            if (walk.TokenType == JsonTokenType.PropertyName)
            {
                frames[^1] = frames[^1] with { Name = NameForPath(ref walk) };
            }

            if (walk.TokenStartIndex == target)
            {
                isName = walk.TokenType == JsonTokenType.PropertyName;
                break;
            }

            switch (walk.TokenType)
            {
                case JsonTokenType.StartObject:
                    frames.Add((false, 0, null));
                    break;
                case JsonTokenType.StartArray:
                    frames.Add((true, -1, null));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    frames.RemoveAt(frames.Count - 1);
                    break;
            }
        }
        while (walk.Read());

        var error = new WireFormatException(isName ? "the property name holds an unpaired surrogate escape" : "the string holds an unpaired surrogate escape");
        for (var i = frames.Count - 1; i >= 0; i--)
        {
            _ = frames[i].IsArray ? error.AtIndex(frames[i].Index) : error.InProperty(frames[i].Name ?? string.Empty);
        }

        return error;
    }

    private static string NameForPath(ref Utf8JsonReader walk)
    {
        try
        {
            return walk.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return WireValue.RawText(ref walk);
        }
    }

    /// <summary>The value rebuilt as Python's <c>json.loads</c> reads it: each object keeps the last value of a repeated key, at the first one's place.</summary>
    private static JsonElement KeepLastOfRepeatedKeys(JsonElement value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, RebuildOptions))
        {
            WriteKeepingLast(writer, value);
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan, new JsonReaderOptions { MaxDepth = int.MaxValue });
        reader.Read();
        return JsonElement.ParseValue(ref reader);
    }

    private static void WriteKeepingLast(Utf8JsonWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var members = new List<(string Name, JsonElement Value)>();
                var places = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var property in value.EnumerateObject())
                {
                    if (places.TryGetValue(property.Name, out var place))
                    {
                        members[place] = (property.Name, property.Value);
                    }
                    else
                    {
                        places[property.Name] = members.Count;
                        members.Add((property.Name, property.Value));
                    }
                }

                writer.WriteStartObject();
                foreach (var (name, member) in members)
                {
                    writer.WritePropertyName(name);
                    WriteKeepingLast(writer, member);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var element in value.EnumerateArray())
                {
                    WriteKeepingLast(writer, element);
                }

                writer.WriteEndArray();
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }

    /// <summary>The name hashes of the objects open in a scan, a small object's searched in a row, a large one's in a set.</summary>
    private sealed class KeyHashes
    {
        private const int LinearSearchLimit = 16;
        private readonly List<ulong> _hashes = new();
        private readonly List<(int Start, HashSet<ulong>? Large)> _open = new();

        public void Clear()
        {
            _hashes.Clear();
            _open.Clear();
        }

        public void Open() => _open.Add((_hashes.Count, null));

        public void Close()
        {
            var (start, _) = _open[^1];
            _open.RemoveAt(_open.Count - 1);
            _hashes.RemoveRange(start, _hashes.Count - start);
        }

        /// <summary>Adds a name of the innermost open object; false when the object already had it.</summary>
        public bool Add(ulong hash)
        {
            var (start, large) = _open[^1];
            if (large is not null)
            {
                return large.Add(hash);
            }

            for (var i = start; i < _hashes.Count; i++)
            {
                if (_hashes[i] == hash)
                {
                    return false;
                }
            }

            _hashes.Add(hash);
            if (_hashes.Count - start > LinearSearchLimit)
            {
                _open[^1] = (start, new HashSet<ulong>(_hashes.GetRange(start, _hashes.Count - start)));
            }

            return true;
        }
    }
}
