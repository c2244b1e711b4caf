using System;
using System.Buffers;
using System.Text;

namespace VersionedNotifications.Wire;

/// <summary>
/// Turns the compact JSON that <see cref="System.Text.Json.Utf8JsonWriter"/> writes into the text Python's
/// <c>json.dumps</c> writes with its defaults, which is what oslo's <c>jsonutils.dumps</c> and kombu put on the
/// wire: <c>", "</c> and <c>": "</c> between items, and strings escaped as <c>ensure_ascii</c> escapes them.
/// </summary>
/// <remarks>
/// Python's escaping of a string: <c>"</c> and <c>\</c> with a backslash; backspace, form feed, newline, carriage
/// return and tab as <c>\b \f \n \r \t</c>; every other character outside space to <c>~</c> (the other control
/// characters, DEL and all of non-ASCII) as <c>\u</c> and four lower-case hex digits of its UTF-16 code unit, so a
/// character beyond the BMP becomes its two surrogates. <c>/</c> is not escaped. The input's own escapes (the
/// JSON writer's choice, upper- or lower-case) are decoded and escaped again by that rule, so the output does
/// not depend on the writer's encoder. The output is ASCII.
/// <para>
/// With <c>asStringContent</c> the output is also escaped as the content of a JSON string (its <c>"</c> and
/// <c>\</c> get a backslash): the <c>oslo.message</c> of a v2 body, made in the same pass.
/// </para>
/// </remarks>
internal static class PythonJson
{
    // Outside strings only these bytes change; inside, only these need a look.
    private static readonly SearchValues<byte> StructuralBytes = SearchValues.Create("\",:"u8);
    private static readonly SearchValues<byte> StringBytes = SearchValues.Create(StringSpecials());

    private static ReadOnlySpan<byte> HexDigits => "0123456789abcdef"u8;

    /// <summary>Writes <paramref name="compact"/> as Python writes the same JSON.</summary>
    /// <param name="compact">JSON without whitespace, as a JSON writer without indentation writes it, or a run of
    /// such JSON that starts and ends outside a string (an envelope without its closing brace).</param>
    /// <param name="output">Where the text goes.</param>
    /// <param name="asStringContent">Also escape the text as the content of a JSON string.</param>
    public static void Write(ReadOnlySpan<byte> compact, IBufferWriter<byte> output, bool asStringContent)
    {
        var sink = new Sink(output, asStringContent);
        var i = 0;
        while (i < compact.Length)
        {
            var run = compact[i..].IndexOfAny(StructuralBytes);
            if (run < 0)
            {
                sink.Plain(compact[i..]);
                break;
            }

            sink.Plain(compact.Slice(i, run));
            i += run;
            switch (compact[i])
            {
                case (byte)',':
                    sink.Plain(", "u8);
                    i++;
                    break;
                case (byte)':':
                    sink.Plain(": "u8);
                    i++;
                    break;
                default:
                    i = WriteString(compact, i, ref sink);
                    break;
            }
        }

        sink.Flush();
    }

    /// <summary>What <see cref="Write"/> writes, as an array.</summary>
    internal static byte[] ToArray(ReadOnlySpan<byte> compact, bool asStringContent = false)
    {
        var buffer = new ArrayBufferWriter<byte>(compact.Length + 64);
        Write(compact, buffer, asStringContent);
        return buffer.WrittenSpan.ToArray();
    }

    // compact[start] is the opening quote; returns the index after the closing one.
    private static int WriteString(ReadOnlySpan<byte> compact, int start, ref Sink sink)
    {
        sink.Quote();
        var i = start + 1;
        while (i < compact.Length)
        {
            var run = compact[i..].IndexOfAny(StringBytes);
            if (run < 0)
            {
                sink.Plain(compact[i..]);
                return compact.Length;
            }

            sink.Plain(compact.Slice(i, run));
            i += run;
            var b = compact[i];
            if (b == (byte)'"')
            {
                sink.Quote();
                return i + 1;
            }

            if (b == (byte)'\\')
            {
                i = WriteEscape(compact, i, ref sink);
            }
            else if (b < 0x80)
            {
                // A raw control character or DEL (a writer escapes them; a raw one is written as Python would).
                sink.CodeUnit((char)b);
                i++;
            }
            else
            {
                var status = Rune.DecodeFromUtf8(compact[i..], out var rune, out var consumed);
                sink.Character(status == OperationStatus.Done ? rune : Rune.ReplacementChar);
                i += Math.Max(consumed, 1);
            }
        }

        return i;
    }

    // compact[start] is a backslash inside a string; returns the index after the escape.
    private static int WriteEscape(ReadOnlySpan<byte> compact, int start, ref Sink sink)
    {
        if (start + 1 >= compact.Length)
        {
            return compact.Length;
        }

        var letter = compact[start + 1];
        switch (letter)
        {
            case (byte)'"':
                sink.CodeUnit('"');
                return start + 2;
            case (byte)'\\':
                sink.CodeUnit('\\');
                return start + 2;
            case (byte)'/':
                sink.CodeUnit('/');
                return start + 2;
            case (byte)'b':
                sink.CodeUnit('\b');
                return start + 2;
            case (byte)'f':
                sink.CodeUnit('\f');
                return start + 2;
            case (byte)'n':
                sink.CodeUnit('\n');
                return start + 2;
            case (byte)'r':
                sink.CodeUnit('\r');
                return start + 2;
            case (byte)'t':
                sink.CodeUnit('\t');
                return start + 2;
            case (byte)'u' when start + 6 <= compact.Length && TryParseHex(compact.Slice(start + 2, 4), out var unit):
                sink.CodeUnit(unit);
                return start + 6;
            default:
                // Not an escape a JSON writer makes; pass it on as it is.
                sink.Plain(compact.Slice(start, 2));
                return start + 2;
        }
    }

    private static bool TryParseHex(ReadOnlySpan<byte> digits, out char unit)
    {
        var value = 0;
        foreach (var digit in digits)
        {
            var nibble = digit switch
            {
                >= (byte)'0' and <= (byte)'9' => digit - '0',
                >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => digit - 'A' + 10,
                _ => -1,
            };
            if (nibble < 0)
            {
                unit = default;
                return false;
            }

            value = (value << 4) | nibble;
        }

        unit = (char)value;
        return true;
    }

    private static byte[] StringSpecials()
    {
        var bytes = new byte[2 + 0x20 + 0x81];
        var n = 0;
        bytes[n++] = (byte)'"';
        bytes[n++] = (byte)'\\';
        for (var b = 0; b < 0x20; b++)
        {
            bytes[n++] = (byte)b;
        }

        for (var b = 0x7F; b <= 0xFF; b++)
        {
            bytes[n++] = (byte)b;
        }

        return bytes;
    }

    /// <summary>The output, written in spans asked of the buffer writer as they fill.</summary>
    private ref struct Sink
    {
        private readonly IBufferWriter<byte> _output;
        private readonly bool _asStringContent;
        private Span<byte> _span;
        private int _written;

        public Sink(IBufferWriter<byte> output, bool asStringContent)
        {
            _output = output;
            _asStringContent = asStringContent;
            _span = default;
            _written = 0;
        }

        /// <summary>Bytes that need no escaping at this level (no quote, no backslash).</summary>
        public void Plain(ReadOnlySpan<byte> bytes)
        {
            if (bytes.IsEmpty)
            {
                return;
            }

            Ensure(bytes.Length);
            bytes.CopyTo(_span[_written..]);
            _written += bytes.Length;
        }

        /// <summary>A string's opening or closing quote.</summary>
        public void Quote()
        {
            Ensure(2);
            if (_asStringContent)
            {
                _span[_written++] = (byte)'\\';
            }

            _span[_written++] = (byte)'"';
        }

        /// <summary>A character of a string's value, escaped as Python escapes it.</summary>
        public void Character(Rune rune)
        {
            if (rune.IsBmp)
            {
                CodeUnit((char)rune.Value);
                return;
            }

            Span<char> pair = stackalloc char[2];
            rune.EncodeToUtf16(pair);
            CodeUnit(pair[0]);
            CodeUnit(pair[1]);
        }

        /// <summary>One UTF-16 code unit of a string's value, escaped as Python escapes it.</summary>
        public void CodeUnit(char unit)
        {
            Ensure(14);
            if (unit is >= ' ' and <= '~' and not '"' and not '\\')
            {
                _span[_written++] = (byte)unit;
                return;
            }

            Backslash();
            switch (unit)
            {
                case '"':
                case '\\':
                    if (_asStringContent)
                    {
                        _span[_written++] = (byte)'\\';
                    }

                    _span[_written++] = (byte)unit;
                    return;
                case '\b':
                    _span[_written++] = (byte)'b';
                    return;
                case '\f':
                    _span[_written++] = (byte)'f';
                    return;
                case '\n':
                    _span[_written++] = (byte)'n';
                    return;
                case '\r':
                    _span[_written++] = (byte)'r';
                    return;
                case '\t':
                    _span[_written++] = (byte)'t';
                    return;
            }

            _span[_written++] = (byte)'u';
            _span[_written++] = HexDigits[unit >> 12];
            _span[_written++] = HexDigits[(unit >> 8) & 0xF];
            _span[_written++] = HexDigits[(unit >> 4) & 0xF];
            _span[_written++] = HexDigits[unit & 0xF];
        }

        public void Flush()
        {
            if (_written > 0)
            {
                _output.Advance(_written);
            }

            _span = default;
            _written = 0;
        }

        // The backslash that starts an escape: itself escaped inside an outer string.
        private void Backslash()
        {
            if (_asStringContent)
            {
                _span[_written++] = (byte)'\\';
            }

            _span[_written++] = (byte)'\\';
        }

        private void Ensure(int count)
        {
            if (_span.Length - _written >= count)
            {
                return;
            }

            Flush();
            _span = _output.GetSpan(Math.Max(count, 4096));
        }
    }
}
