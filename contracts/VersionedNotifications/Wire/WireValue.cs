using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VersionedNotifications.Wire;

/// <summary>Reads one JSON value, the reader standing on its first token; throws <see cref="WireFormatException"/> when it does not fit.</summary>
public delegate T WireValueReader<T>(ref Utf8JsonReader reader);

/// <summary>Parses a text; false when it is not of the form.</summary>
internal delegate bool TextParser<T>(ReadOnlySpan<char> text, out T value);

/// <summary>Writes one value.</summary>
public delegate void WireValueWriter<T>(Utf8JsonWriter writer, T value, PayloadWriteState state);

/// <summary>
/// Readers and writers of the oslo field types, used by generated converters. Each reader expects
/// the <see cref="Utf8JsonReader"/> on the value's first token and leaves it on the last one.
/// </summary>
public static partial class WireValue
{
    /// <summary>A JSON string.</summary>
    public static string ReadString(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String, "a string");
        return GetText(ref reader);
    }

    /// <summary>
    /// The name of the property the reader stands on. A name that escapes an unpaired surrogate
    /// (<c>"\udfff": 1</c>) is valid UTF-8 but no .NET string: the error names it as it is written.
    /// </summary>
    public static string ReadPropertyName(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw UndecodableName(ref reader);
        }
    }

    /// <summary>
    /// The error for the property name the reader stands on when it cannot be decoded: the JSON
    /// reader's name comparisons throw on it, so a converter that compared first ends up here.
    /// </summary>
    public static WireFormatException UndecodableName(ref Utf8JsonReader reader) =>
        new WireFormatException("the property name holds an unpaired surrogate escape").InProperty(RawText(ref reader));

    /// <summary>Whether the reader stands on a property name that cannot be decoded (see <see cref="UndecodableName"/>).</summary>
    internal static bool IsOnUndecodableName(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.PropertyName || !reader.ValueIsEscaped)
        {
            return false;
        }

        try
        {
            reader.GetString();
            return false;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    /// <summary>The value under the reader as it is written in the message, escapes included.</summary>
    internal static string RawText(ref Utf8JsonReader reader) =>
        System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);

    /// <summary>
    /// A JSON string's unescaped UTF-8 bytes, in <paramref name="rented"/>: an array of the shared pool that the
    /// caller returns once it is done with them (a v2 body's inner message is read once and then dropped).
    /// </summary>
    public static ReadOnlyMemory<byte> ReadUtf8String(ref Utf8JsonReader reader, out byte[] rented)
    {
        Expect(ref reader, JsonTokenType.String, "a string");
        rented = ArrayPool<byte>.Shared.Rent(reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length);
        try
        {
            return rented.AsMemory(0, reader.CopyString(rented));
        }
        catch (InvalidOperationException)
        {
            throw new WireFormatException("the string is not valid UTF-8 or holds an unpaired surrogate escape");
        }
    }

    /// <summary>The most characters of a string that <see cref="TryParseText"/> reads into stack memory.</summary>
    private const int ShortTextLength = 64;

    /// <summary>
    /// Parses the string under the reader with <paramref name="parse"/>, its text in stack memory when it is short: a
    /// string made only to be parsed (a datetime, a priority, an address) would be garbage the moment it is read.
    /// </summary>
    internal static bool TryParseText<T>(ref Utf8JsonReader reader, TextParser<T> parse, out T value)
    {
        // Unescaped, the text has at most as many UTF-16 units as its UTF-8 form has bytes.
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > ShortTextLength)
        {
            return parse(GetText(ref reader), out value);
        }

        Span<char> text = stackalloc char[ShortTextLength];
        int written;
        try
        {
            written = reader.CopyString(text);
        }
        catch (InvalidOperationException)
        {
            throw new WireFormatException("the string is not valid UTF-8 or holds an unpaired surrogate escape");
        }

        return parse(text[..written], out value);
    }

    private static string GetText(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // Valid UTF-8 can still escape a lone surrogate (\ud800), which no .NET string may hold.
            throw new WireFormatException("the string is not valid UTF-8 or holds an unpaired surrogate escape");
        }
    }

    /// <summary>A JSON number that is a 64-bit integer.</summary>
    public static long ReadInt64(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number, "an integer");
        return reader.TryGetInt64(out var value) ? value : throw new WireFormatException("expected an integer that fits in 64 bits, found " + Describe(ref reader));
    }

    /// <summary>A JSON number.</summary>
    public static double ReadDouble(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number, "a number");
        return (reader.TryGetDouble(out var value) && double.IsFinite(value)) || PythonFloatLiterals.TryReadStandIn(ref reader, out value) ? value : throw new WireFormatException("expected a number in a double's range, found " + Describe(ref reader));
    }

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public static bool ReadBoolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Mismatch(ref reader, "true or false"),
    };

    /// <summary>
    /// A <c>uuid</c> field: any JSON string, its text kept as it is. oslo's UUIDField sends whatever string
    /// it was given (upper case, no dashes, braces, or no UUID at all) and only warns.
    /// </summary>
    public static Uuid ReadUuid(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String, "a UUID string");
        return new Uuid(GetText(ref reader));
    }

    /// <summary>A datetime in any oslo form (see <see cref="OsloTime"/>).</summary>
    public static DateTimeOffset ReadDateTime(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String, "a datetime string");
        return TryParseText<DateTimeOffset>(ref reader, OsloTime.TryParse, out var value) ? value : throw new WireFormatException("expected a datetime such as 2024-01-01T10:00:00Z, found " + Describe(ref reader));
    }

    /// <summary>An IPv4 or IPv6 address string.</summary>
    public static IPAddress ReadIPAddress(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String, "an IP address string");
        return TryParseText<IPAddress?>(ref reader, IPAddress.TryParse, out var value) ? value! : throw new WireFormatException("expected an IP address, found " + Describe(ref reader));
    }

    /// <summary>A JSON object of any content (oslo's FlexibleDict); a key sent twice keeps its last value, as Python's <c>json</c> does.</summary>
    public static JsonObject ReadJsonObject(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject, "an object");
        return FreeFormValue.ReadObject(ref reader);
    }

    /// <summary>A JSON array whose elements <paramref name="element"/> reads.</summary>
    public static IReadOnlyList<T> ReadList<T>(ref Utf8JsonReader reader, WireValueReader<T> element)
    {
        Expect(ref reader, JsonTokenType.StartArray, "an array");
        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            try
            {
                ReadMemoryBudget.Check();
                list.Add(element(ref reader));
            }
            catch (JsonException error)
            {
                throw WireFormatException.From(error).AtIndex(list.Count);
            }
        }

        return list;
    }

    /// <summary>A JSON object whose values <paramref name="value"/> reads.</summary>
    public static IReadOnlyDictionary<string, T> ReadDictionary<T>(ref Utf8JsonReader reader, WireValueReader<T> value)
    {
        Expect(ref reader, JsonTokenType.StartObject, "an object");
        var dictionary = new Dictionary<string, T>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            ReadMemoryBudget.Check();
            var key = ReadPropertyName(ref reader);
            reader.Read();
            try
            {
                // Python's json keeps the last of repeated keys; so does the indexer.
                dictionary[key] = value(ref reader);
            }
            catch (JsonException error)
            {
                throw WireFormatException.Within(error, key);
            }
        }

        return dictionary;
    }

    /// <summary>Whether <paramref name="value"/> is its type's default: how a field left absent on read still looks.</summary>
    public static bool IsDefault<T>(T value) => EqualityComparer<T>.Default.Equals(value, default!);

    /// <summary>
    /// Any JSON value, kept as it is to be written back (unknown fields, context, extension keys), except
    /// that an object keeps only the last value of a key sent twice, as Python's <c>json</c> does.
    /// </summary>
    public static JsonElement ReadAny(ref Utf8JsonReader reader) => FreeFormValue.Read(ref reader);

    /// <summary>A value that must not be <c>null</c>, for a non-nullable field that the wire sets to null.</summary>
    public static WireFormatException NullNotAllowed() => new("null is not allowed here: the field is not nullable");

    /// <summary>Writes a payload datetime (<see cref="OsloTime.FormatPayload(DateTimeOffset)"/>).</summary>
    public static void WriteDateTime(Utf8JsonWriter writer, DateTimeOffset value, PayloadWriteState state)
    {
        Span<byte> text = stackalloc byte[40];
        writer.WriteStringValue(text[..OsloTime.FormatPayload(value, text)]);
    }

    /// <summary>Writes a string.</summary>
    public static void WriteString(Utf8JsonWriter writer, string value, PayloadWriteState state) => WriteText(writer, value);

    /// <summary>
    /// Writes a string value. A string that holds a lone surrogate (a .NET string can, as a Python str can) is
    /// written with that code unit escaped, as <c>json.dumps</c> writes it (<c>\udc00</c>); a JSON writer would put
    /// U+FFFD in its place.
    /// </summary>
    internal static void WriteText(Utf8JsonWriter writer, string value)
    {
        if (value.AsSpan().IndexOfAny(Surrogates) < 0 || !HasLoneSurrogate(value))
        {
            writer.WriteStringValue(value);
            return;
        }

        // Every character outside printable ASCII escaped: the text is plain JSON the writer need not check.
        var escaped = new StringBuilder(value.Length * 6 + 2).Append('"');
        foreach (var c in value)
        {
            if (c is >= ' ' and < '\u007f' and not '"' and not '\\')
            {
                escaped.Append(c);
            }
            else
            {
                escaped.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        writer.WriteRawValue(escaped.Append('"').ToString(), skipInputValidation: true);
    }

    // Every UTF-16 surrogate code unit: a string without one cannot hold a lone one.
    private static readonly System.Buffers.SearchValues<char> Surrogates = System.Buffers.SearchValues.Create(SurrogateRange());

    private static string SurrogateRange()
    {
        var units = new char[0xE000 - 0xD800];
        for (var i = 0; i < units.Length; i++)
        {
            units[i] = (char)(0xD800 + i);
        }

        return new string(units);
    }

    // A double or float a program put in the tree; a number read from the wire is a JsonElement and keeps its text.
    private static bool IsProgramFloat(JsonValue value, out double number)
    {
        number = 0;
        if (value.TryGetValue<JsonElement>(out _))
        {
            return false;
        }

        if (value.TryGetValue<double>(out number))
        {
            return true;
        }

        if (value.TryGetValue<float>(out var single))
        {
            number = single;
            return true;
        }

        return false;
    }

    private static bool HasLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Writes an integer.</summary>
    public static void WriteInt64(Utf8JsonWriter writer, long value, PayloadWriteState state) => writer.WriteNumberValue(value);

    /// <summary>
    /// Writes a <c>float</c> as Python writes one (<see cref="PythonFloat"/>): <c>3.0</c>, <c>1e+16</c>. What JSON has no
    /// number for is written as its stand-in, which <see cref="NotificationWriter"/> turns into the <c>NaN</c>,
    /// <c>Infinity</c> or <c>-Infinity</c> that <c>json.dumps</c> writes.
    /// </summary>
    public static void WriteDouble(Utf8JsonWriter writer, double value, PayloadWriteState state)
    {
        if (!double.IsFinite(value))
        {
            writer.WriteRawValue(PythonFloatLiterals.StandInFor(value), skipInputValidation: true);
            return;
        }

        Span<byte> text = stackalloc byte[PythonFloat.MaxLength];
        // The text is a valid JSON number in Python's spelling.
        writer.WriteRawValue(text[..PythonFloat.Format(value, text)], skipInputValidation: true);
    }

    /// <summary>Writes a boolean.</summary>
    public static void WriteBoolean(Utf8JsonWriter writer, bool value, PayloadWriteState state) => writer.WriteBooleanValue(value);

    /// <summary>Writes a <c>uuid</c> field's text unchanged.</summary>
    public static void WriteUuid(Utf8JsonWriter writer, Uuid value, PayloadWriteState state) => WriteText(writer, value.Text);

    /// <summary>Writes an IP address in its canonical text form.</summary>
    public static void WriteIPAddress(Utf8JsonWriter writer, IPAddress value, PayloadWriteState state) => writer.WriteStringValue(value.ToString());

    /// <summary>Writes a JSON object as it is.</summary>
    public static void WriteJsonObject(Utf8JsonWriter writer, JsonObject value, PayloadWriteState state) => WriteNode(writer, value);

    /// <summary>
    /// Writes a JSON tree as <c>json.dumps</c> writes the same dict: what came from the wire as it came (numbers keep
    /// their text), and a <see cref="double"/> or <see cref="float"/> a program put in it as Python writes a float
    /// (<c>3.0</c>, <c>1e+16</c>, <c>NaN</c>; System.Text.Json would write <c>3</c> and <c>1E+16</c>, and refuse
    /// NaN).
    /// </summary>
    internal static void WriteNode(Utf8JsonWriter writer, JsonNode? node)
    {
        JsonTreeWalk.Write(new TreeWriter(writer), node);
    }

    /// <summary>Writes a JSON object with the values under secret-looking keys masked, unless the state says not to mask.</summary>
    public static void WriteSecretJsonObject(Utf8JsonWriter writer, JsonObject value, PayloadWriteState state)
    {
        if (state.Options.MaskSecrets)
        {
            SecretMasker.WriteMasked(writer, value);
        }
        else
        {
            WriteNode(writer, value);
        }
    }

    /// <summary>
    /// Writes a secret JSON object as <see cref="WriteSecretJsonObject(Utf8JsonWriter, JsonObject, PayloadWriteState)"/>
    /// does, and then masks the values of <paramref name="maskedKeys"/> at its top level whatever their
    /// names say, as ironic masks <c>instance_info.image_url</c>.
    /// </summary>
    public static void WriteSecretJsonObject(Utf8JsonWriter writer, JsonObject value, PayloadWriteState state, string[] maskedKeys)
    {
        if (!state.Options.MaskSecrets)
        {
            WriteNode(writer, value);
            return;
        }

        var masked = SecretMasker.MaskDictionary(value);
        foreach (var key in maskedKeys)
        {
            if (masked.ContainsKey(key))
            {
                masked[key] = SecretMasker.Mask;
            }
        }

        WriteNode(writer, masked);
    }

    /// <summary>Writes a secret string: <see cref="SecretMasker.Mask"/> unless the state says not to mask.</summary>
    public static void WriteSecretString(Utf8JsonWriter writer, string value, PayloadWriteState state) =>
        WriteText(writer, state.Options.MaskSecrets ? SecretMasker.Mask : value);

    /// <summary>Writes a list.</summary>
    public static void WriteList<T>(Utf8JsonWriter writer, IReadOnlyList<T> value, PayloadWriteState state, WireValueWriter<T> element)
    {
        writer.WriteStartArray();
        for (var i = 0; i < value.Count; i++)
        {
            element(writer, value[i], state);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a dictionary, keys in the order the dictionary gives them.</summary>
    public static void WriteDictionary<T>(Utf8JsonWriter writer, IReadOnlyDictionary<string, T> value, PayloadWriteState state, WireValueWriter<T> element)
    {
        writer.WriteStartObject();
        foreach (var pair in value)
        {
            writer.WritePropertyName(pair.Key);
            element(writer, pair.Value, state);
        }

        writer.WriteEndObject();
    }

    /// <summary>Throws unless the reader stands on <paramref name="expected"/>.</summary>
    public static void Expect(ref Utf8JsonReader reader, JsonTokenType expected, string what)
    {
        if (reader.TokenType != expected)
        {
            throw Mismatch(ref reader, what);
        }
    }

    /// <summary>The error for a value of the wrong JSON type.</summary>
    public static WireFormatException Mismatch(ref Utf8JsonReader reader, string expected) =>
        new("expected " + expected + ", found " + Describe(ref reader));

    /// <summary>
    /// The start of the string or number under the reader, enough for <see cref="EchoedText"/>: a value of
    /// megabytes is described without being decoded whole.
    /// </summary>
    private static string TextPrefix(ref Utf8JsonReader reader)
    {
        const int PrefixBytes = 4 * EchoedText.MaxLength;
        if (reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length <= PrefixBytes)
        {
            return reader.TokenType == JsonTokenType.String ? reader.GetString()! : System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
        }

        // Cut on a character boundary: a UTF-8 continuation byte is 10xxxxxx.
        var end = PrefixBytes;
        while ((reader.ValueSpan[end] & 0xC0) == 0x80)
        {
            end--;
        }

        return System.Text.Encoding.UTF8.GetString(reader.ValueSpan[..end]) + "...";
    }

    /// <summary>A short description of the value under the reader, for error messages.</summary>
    public static string Describe(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                string text;
                try
                {
                    text = TextPrefix(ref reader);
                }
                catch (InvalidOperationException)
                {
                    return "a string that is not valid UTF-8";
                }

                return "the string \"" + EchoedText.Of(text, 40) + "\"";
            case JsonTokenType.Number:
                return "the number " + EchoedText.Of(TextPrefix(ref reader), 40);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            case JsonTokenType.Null:
                return "null";
            case JsonTokenType.StartObject:
                return "an object";
            case JsonTokenType.StartArray:
                return "an array";
            default:
                return reader.TokenType.ToString();
        }
    }

    /// <summary>The tree's structure to a <see cref="Utf8JsonWriter"/>, a float a program put in it as Python writes one and any other leaf as it is.</summary>
    private readonly struct TreeWriter(Utf8JsonWriter writer) : JsonTreeWalk.IJsonTreeWriter
    {
        public void WriteNullValue() => writer.WriteNullValue();

        public void WriteStartObject() => writer.WriteStartObject();

        public void WritePropertyName(string name) => writer.WritePropertyName(name);

        public void WriteEndObject() => writer.WriteEndObject();

        public void WriteStartArray() => writer.WriteStartArray();

        public void WriteEndArray() => writer.WriteEndArray();

        public void WriteValue(JsonValue value)
        {
            if (value.GetValueKind() == JsonValueKind.Number && IsProgramFloat(value, out var number))
            {
                WriteDouble(writer, number, PayloadWriteOptions.Default.AllFields);
            }
            else
            {
                value.WriteTo(writer);
            }
        }
    }
}
