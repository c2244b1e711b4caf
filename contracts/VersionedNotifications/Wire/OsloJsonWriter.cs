using System;
using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VersionedNotifications.Wire;

/// <summary>
/// Writes JSON in the text Python's <c>json.dumps</c> writes with its defaults, which is what oslo puts on the wire:
/// <c>", "</c> and <c>": "</c> between items, strings escaped as <c>ensure_ascii</c> escapes them (see
/// <see cref="PythonJson"/>), floats as Python prints them. For the inner message of a v2 body it writes that text
/// already escaped as the content of the outer JSON string, in the same pass: a <c>"</c> of the inner text is
/// <c>\"</c> and its <c>\u00e9</c> is <c>\\u00e9</c>. Generated converters write through it
/// (<see cref="WirePayloadConverter{T}"/>); the runtime makes it.
/// </summary>
/// <remarks>
/// It writes to a buffer of its own, reused by its thread (<see cref="Take"/>), so a write allocates nothing. It does
/// not check that what it is asked to write is well-formed JSON: the generated code asks only for that.
/// </remarks>
public sealed class OsloJsonWriter : JsonTreeWalk.IJsonTreeWriter
{
    // A writer grown past this by a rare huge message is dropped rather than kept for the thread's lifetime.
    private const int MaxKeptBytes = 4 * 1024 * 1024;

    // What a string may hold unescaped at either level: printable ASCII but " and \.
    private static readonly SearchValues<char> PlainChars = SearchValues.Create(PlainCharacters());
    private static readonly SearchValues<byte> PlainBytes = SearchValues.Create(Encoding.ASCII.GetBytes(PlainCharacters()));

    [ThreadStatic]
    private static OsloJsonWriter? t_cached;

    private readonly Output _output = new();
    private bool _asStringContent;

    // A value (or a container) ended last: the next item starts with ", ".
    private bool _afterValue;

    // The JSON writer and buffer that values this writer has no direct path for are written with (WriteCompact).
    private ArrayBufferWriter<byte>? _compactBuffer;
    private Utf8JsonWriter? _compactWriter;

    private OsloJsonWriter()
    {
    }

    /// <summary>What has been written.</summary>
    internal ReadOnlySpan<byte> WrittenSpan => _output.WrittenSpan;

    /// <summary>Takes the thread's writer, empty; a write nested in another (taken already) gets a new one.</summary>
    internal static OsloJsonWriter Take(bool asStringContent)
    {
        var writer = t_cached ?? new OsloJsonWriter();
        t_cached = null;
        writer._output.Length = 0;
        writer._asStringContent = asStringContent;
        writer._afterValue = false;
        return writer;
    }

    /// <summary>Gives the writer back to the thread once what it wrote has been copied out.</summary>
    internal static void Return(OsloJsonWriter writer)
    {
        if (writer._output.Buffer.Length <= MaxKeptBytes)
        {
            t_cached = writer;
        }
    }

    /// <summary>Writes <c>{</c>.</summary>
    public void WriteStartObject()
    {
        BeforeItem();
        Append((byte)'{');
        _afterValue = false;
    }

    /// <summary>Writes <c>}</c>.</summary>
    public void WriteEndObject()
    {
        Append((byte)'}');
        _afterValue = true;
    }

    /// <summary>Writes <c>[</c>.</summary>
    public void WriteStartArray()
    {
        BeforeItem();
        Append((byte)'[');
        _afterValue = false;
    }

    /// <summary>Writes <c>]</c>.</summary>
    public void WriteEndArray()
    {
        Append((byte)']');
        _afterValue = true;
    }

    /// <summary>Writes a property name, precomputed at both levels of escaping, and <c>": "</c>.</summary>
    public void WritePropertyName(OsloPropertyName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = _asStringContent ? name.StringContent : name.Text;
        Append(_afterValue ? text : text.AsSpan(2));
        _afterValue = false;
    }

    /// <summary>Writes a property name given as UTF-8, and <c>": "</c>.</summary>
    public void WritePropertyName(ReadOnlySpan<byte> utf8Name)
    {
        BeforeItem();
        AppendQuote();
        AppendEscaped(utf8Name);
        AppendQuote();
        Append((byte)':', (byte)' ');
        _afterValue = false;
    }

    /// <summary>Writes a property name and <c>": "</c>.</summary>
    public void WritePropertyName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        WritePropertyName(default, name);
    }

    /// <summary>Writes <c>null</c>.</summary>
    public void WriteNullValue() => WriteLiteral("null"u8);

    /// <summary>Writes <c>true</c> or <c>false</c>.</summary>
    public void WriteBooleanValue(bool value) => WriteLiteral(value ? "true"u8 : "false"u8);

    /// <summary>Writes an integer.</summary>
    public void WriteNumberValue(long value)
    {
        BeforeItem();
        value.TryFormat(_output.GetSpan(20), out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        _output.Length += written;
        _afterValue = true;
    }

    /// <summary>
    /// Writes a float as Python writes one (<see cref="PythonFloat"/>): <c>3.0</c>, <c>1e+16</c>, and NaN and the
    /// infinities as the words <c>NaN</c>, <c>Infinity</c> and <c>-Infinity</c> that <c>json.dumps</c> writes.
    /// </summary>
    public void WriteDoubleValue(double value)
    {
        if (double.IsNaN(value))
        {
            WriteLiteral("NaN"u8);
            return;
        }

        if (double.IsInfinity(value))
        {
            WriteLiteral(value > 0 ? "Infinity"u8 : "-Infinity"u8);
            return;
        }

        BeforeItem();
        _output.Length += PythonFloat.Format(value, _output.GetSpan(PythonFloat.MaxLength));
        _afterValue = true;
    }

    /// <summary>
    /// Writes a string escaped as <c>ensure_ascii</c> escapes it: every UTF-16 code unit outside printable ASCII as
    /// <c>\u</c> and four lower-case hex digits, so a lone surrogate is written as Python writes it (<c>\udc00</c>).
    /// </summary>
    public void WriteStringValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        BeforeItem();
        AppendQuote();
        AppendEscaped(value.AsSpan());
        AppendQuote();
        _afterValue = true;
    }

    /// <summary>Writes a property name after <paramref name="utf8Prefix"/> (<c>_context_</c> and the key).</summary>
    internal void WritePropertyName(ReadOnlySpan<byte> utf8Prefix, string name)
    {
        BeforeItem();
        AppendQuote();
        AppendEscaped(utf8Prefix);
        AppendEscaped(name.AsSpan());
        AppendQuote();
        Append((byte)':', (byte)' ');
        _afterValue = false;
    }

    /// <summary>
    /// Writes text that ends where a value starts (a property name and <c>": "</c>, or more), given as written at
    /// each level of escaping.
    /// </summary>
    internal void WriteValuePrefix(ReadOnlySpan<byte> text, ReadOnlySpan<byte> asStringContent)
    {
        BeforeItem();
        Append(_asStringContent ? asStringContent : text);
        _afterValue = false;
    }

    /// <summary>Writes a string of printable ASCII that holds no <c>"</c> or <c>\</c> (a date, a version).</summary>
    internal void WritePlainStringValue(ReadOnlySpan<byte> ascii)
    {
        BeforeItem();
        AppendQuote();
        Append(ascii);
        AppendQuote();
        _afterValue = true;
    }

    /// <summary>Writes bytes as they are, at no place in the JSON (the v2 body's frame around the inner message).</summary>
    internal void WriteRaw(ReadOnlySpan<byte> bytes) => Append(bytes);

    /// <summary>
    /// Writes the value <paramref name="write"/> writes to a compact <see cref="Utf8JsonWriter"/>, rewritten as Python
    /// writes it: the path of what this writer has no direct path for (a masked dictionary, a value of a type a
    /// program put in a JSON tree).
    /// </summary>
    internal void WriteCompact<TState>(TState state, Action<Utf8JsonWriter, TState> write) => WriteCompact(state, write, member: false);

    /// <summary>
    /// Writes the object member (a name and its value) <paramref name="write"/> writes to a compact
    /// <see cref="Utf8JsonWriter"/>, rewritten as Python writes it.
    /// </summary>
    internal void WriteCompactMember<TState>(TState state, Action<Utf8JsonWriter, TState> write) => WriteCompact(state, write, member: true);

    private void WriteCompact<TState>(TState state, Action<Utf8JsonWriter, TState> write, bool member)
    {
        // Taken for the length of the write: a converter writing another payload on the way gets fresh ones.
        var buffer = _compactBuffer ?? new ArrayBufferWriter<byte>(1024);
        var writer = _compactWriter;
        _compactBuffer = null;
        _compactWriter = null;
        buffer.ResetWrittenCount();
        if (writer is null)
        {
            writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        }
        else
        {
            writer.Reset(buffer);
        }

        try
        {
            // A member alone is not JSON a writer writes; in an object of its own it is, between the braces.
            if (member)
            {
                writer.WriteStartObject();
            }

            write(writer, state);
            if (member)
            {
                writer.WriteEndObject();
            }

            writer.Flush();
            var json = buffer.WrittenSpan;
            BeforeItem();
            PythonJson.Write(PythonFloatLiterals.FromStandIns(member ? json[1..^1] : json), _output, _asStringContent);
            _afterValue = true;
        }
        finally
        {
            _compactBuffer = buffer;
            _compactWriter = writer;
        }
    }

    /// <summary>Writes a string given as its JSON text, escaped as JSON escapes, without the quotes.</summary>
    internal void WriteEscapedStringValue(ReadOnlySpan<byte> jsonEscaped)
    {
        BeforeItem();
        AppendQuote();
        PythonJson.WriteStringContent(jsonEscaped, _output, _asStringContent);
        AppendQuote();
        _afterValue = true;
    }

    /// <summary>Writes a property name given as its JSON text, escaped as JSON escapes, without the quotes.</summary>
    internal void WriteEscapedPropertyName(ReadOnlySpan<byte> jsonEscaped)
    {
        BeforeItem();
        AppendQuote();
        PythonJson.WriteStringContent(jsonEscaped, _output, _asStringContent);
        AppendQuote();
        Append((byte)':', (byte)' ');
        _afterValue = false;
    }

    /// <summary>Writes a number's JSON text as it is: Python writes back the number it read as it read it.</summary>
    internal void WriteNumberText(ReadOnlySpan<byte> number)
    {
        BeforeItem();
        Append(PythonFloatLiterals.FromStandIns(number));
        _afterValue = true;
    }

    private void WriteLiteral(ReadOnlySpan<byte> literal)
    {
        BeforeItem();
        Append(literal);
        _afterValue = true;
    }

    private void BeforeItem()
    {
        if (_afterValue)
        {
            Append((byte)',', (byte)' ');
        }
    }

    private void AppendQuote()
    {
        if (_asStringContent)
        {
            Append((byte)'\\', (byte)'"');
        }
        else
        {
            Append((byte)'"');
        }
    }

    private void Append(byte b)
    {
        _output.GetSpan(1)[0] = b;
        _output.Length++;
    }

    private void Append(byte first, byte second)
    {
        var span = _output.GetSpan(2);
        span[0] = first;
        span[1] = second;
        _output.Length += 2;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_output.GetSpan(bytes.Length));
        _output.Length += bytes.Length;
    }

    // The runs of plain characters are copied at once (narrowed to bytes); the rest is escaped one code unit at a time.
    private void AppendEscaped(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var run = text.IndexOfAnyExcept(PlainChars);
            var plain = run < 0 ? text : text[..run];
            if (!plain.IsEmpty)
            {
                Ascii.FromUtf16(plain, _output.GetSpan(plain.Length), out var written);
                _output.Length += written;
            }

            if (run < 0)
            {
                return;
            }

            AppendEscapedUnit(text[run]);
            text = text[(run + 1)..];
        }
    }

    // UTF-8 text (a name): as the UTF-16 code units it decodes to; a byte that is not UTF-8 as U+FFFD.
    private void AppendEscaped(ReadOnlySpan<byte> utf8)
    {
        while (!utf8.IsEmpty)
        {
            var run = utf8.IndexOfAnyExcept(PlainBytes);
            Append(run < 0 ? utf8 : utf8[..run]);
            if (run < 0)
            {
                return;
            }

            utf8 = utf8[run..];
            if (utf8[0] < 0x80)
            {
                AppendEscapedUnit((char)utf8[0]);
                utf8 = utf8[1..];
                continue;
            }

            var status = Rune.DecodeFromUtf8(utf8, out var rune, out var consumed);
            var written = 0;
            PythonJson.WriteCharacter(status == OperationStatus.Done ? rune : Rune.ReplacementChar, _output.GetSpan(16), ref written, _asStringContent);
            _output.Length += written;
            utf8 = utf8[Math.Max(consumed, 1)..];
        }
    }

    // One code unit as json.dumps escapes it, by PythonJson's rule for either level.
    private void AppendEscapedUnit(char unit)
    {
        var written = 0;
        PythonJson.WriteCodeUnit(unit, _output.GetSpan(8), ref written, _asStringContent);
        _output.Length += written;
    }

    private static string PlainCharacters()
    {
        var plain = new StringBuilder();
        for (var c = ' '; c <= '~'; c++)
        {
            if (c is not '"' and not '\\')
            {
                plain.Append(c);
            }
        }

        return plain.ToString();
    }

    /// <summary>The writer's buffer; also what <see cref="PythonJson"/> writes into.</summary>
    private sealed class Output : IBufferWriter<byte>
    {
        public byte[] Buffer = new byte[4096];
        public int Length;

        public ReadOnlySpan<byte> WrittenSpan => Buffer.AsSpan(0, Length);

        public void Advance(int count) => Length += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return Buffer.AsMemory(Length);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            if (Buffer.Length - Length < Math.Max(sizeHint, 1))
            {
                Ensure(sizeHint);
            }

            return Buffer.AsSpan(Length);
        }

        private void Ensure(int sizeHint)
        {
            var needed = Length + Math.Max(sizeHint, 1);
            if (needed > Buffer.Length)
            {
                Array.Resize(ref Buffer, Math.Max(needed, Buffer.Length * 2));
            }
        }
    }

    void JsonTreeWalk.IJsonTreeWriter.WriteValue(JsonValue value) => OsloJsonTree.WriteLeaf(this, value);
}
