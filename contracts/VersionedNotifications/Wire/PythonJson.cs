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
    // Inside a string only these bytes need a look; the runs between them are copied as they are.
    private static readonly SearchValues<byte> StringBytes = SearchValues.Create(StringSpecials());

    // The input is rewritten in chunks, each into one span asked of the output: an input byte becomes at most
    // 3.5 bytes (a two-byte UTF-8 character is \u00e4, seven bytes inside an outer string), and the item that
    // crosses a chunk's end (an escape, a character) at most 24.
    private const int ChunkBytes = 16 * 1024;
    private const int MaxGrowth = 4;
    private const int Slack = 32;

    private static ReadOnlySpan<byte> HexDigits => "0123456789abcdef"u8;

    /// <summary>Writes <paramref name="compact"/> as Python writes the same JSON.</summary>
    /// <param name="compact">JSON without whitespace, as a JSON writer without indentation writes it, or a run of
    /// such JSON that starts and ends outside a string (an envelope without its closing brace).</param>
    /// <param name="output">Where the text goes.</param>
    /// <param name="asStringContent">Also escape the text as the content of a JSON string.</param>
    public static void Write(ReadOnlySpan<byte> compact, IBufferWriter<byte> output, bool asStringContent) =>
        WriteText(compact, output, asStringContent, inString: false);

    /// <summary>Writes the content of a JSON string, given as its JSON text without the quotes, as Python escapes it.</summary>
    internal static void WriteStringContent(ReadOnlySpan<byte> escaped, IBufferWriter<byte> output, bool asStringContent) =>
        WriteText(escaped, output, asStringContent, inString: true);

    private static void WriteText(ReadOnlySpan<byte> compact, IBufferWriter<byte> output, bool asStringContent, bool inString)
    {
        var i = 0;
        while (i < compact.Length)
        {
            var end = Math.Min(compact.Length, i + ChunkBytes);
            var destination = output.GetSpan(((end - i) * MaxGrowth) + Slack);
            var written = 0;
            i = Rewrite(compact, i, end, destination, ref written, ref inString, asStringContent);
            output.Advance(written);
        }
    }

    /// <summary>
    /// Writes text that is already as Python writes it (ASCII: every other character escaped) as the content of a JSON
    /// string: its <c>"</c> and <c>\</c> get a backslash, and nothing else changes.
    /// </summary>
    internal static void WriteAsStringContent(ReadOnlySpan<byte> pythonText, IBufferWriter<byte> output)
    {
        while (!pythonText.IsEmpty)
        {
            var run = pythonText.IndexOfAny((byte)'"', (byte)'\\');
            var plain = run < 0 ? pythonText : pythonText[..run];
            output.Write(plain);
            if (run < 0)
            {
                return;
            }

            var escape = output.GetSpan(2);
            escape[0] = (byte)'\\';
            escape[1] = pythonText[run];
            output.Advance(2);
            pythonText = pythonText[(run + 1)..];
        }
    }

    /// <summary>What <see cref="Write"/> writes, as an array.</summary>
    internal static byte[] ToArray(ReadOnlySpan<byte> compact, bool asStringContent = false)
    {
        var buffer = new ArrayBufferWriter<byte>(compact.Length + 64);
        Write(compact, buffer, asStringContent);
        return buffer.WrittenSpan.ToArray();
    }

    // Rewrites source[i..end] (an item that starts before end is finished past it); returns where it stopped.
    private static int Rewrite(ReadOnlySpan<byte> source, int i, int end, Span<byte> destination, ref int written, ref bool inString, bool nested)
    {
        var w = written;
        while (i < end)
        {
            if (!inString)
            {
                var b = source[i++];
                if (b == (byte)'"')
                {
                    WriteQuote(destination, ref w, nested);
                    inString = true;
                    continue;
                }

                destination[w++] = b;
                if (b is (byte)',' or (byte)':')
                {
                    destination[w++] = (byte)' ';
                }

                continue;
            }

            var run = source[i..end].IndexOfAny(StringBytes);
            if (run < 0)
            {
                run = end - i;
            }

            source.Slice(i, run).CopyTo(destination[w..]);
            w += run;
            i += run;
            if (i >= end)
            {
                break;
            }

            var special = source[i];
            if (special == (byte)'"')
            {
                WriteQuote(destination, ref w, nested);
                inString = false;
                i++;
            }
            else if (special == (byte)'\\')
            {
                i = WriteEscape(source, i, destination, ref w, nested);
            }
            else if (special < 0x80)
            {
                // A raw control character or DEL (a writer escapes them; a raw one is written as Python would).
                WriteCodeUnit((char)special, destination, ref w, nested);
                i++;
            }
            else
            {
                var status = Rune.DecodeFromUtf8(source[i..], out var rune, out var consumed);
                WriteCharacter(status == OperationStatus.Done ? rune : Rune.ReplacementChar, destination, ref w, nested);
                i += Math.Max(consumed, 1);
            }
        }

        written = w;
        return i;
    }

    // source[start] is a backslash inside a string; returns the index after the escape.
    private static int WriteEscape(ReadOnlySpan<byte> source, int start, Span<byte> destination, ref int w, bool nested)
    {
        if (start + 1 >= source.Length)
        {
            return source.Length;
        }

        char unit;
        switch (source[start + 1])
        {
            case (byte)'"':
                unit = '"';
                break;
            case (byte)'\\':
                unit = '\\';
                break;
            case (byte)'/':
                unit = '/';
                break;
            case (byte)'b':
                unit = '\b';
                break;
            case (byte)'f':
                unit = '\f';
                break;
            case (byte)'n':
                unit = '\n';
                break;
            case (byte)'r':
                unit = '\r';
                break;
            case (byte)'t':
                unit = '\t';
                break;
            case (byte)'u' when start + 6 <= source.Length && TryParseHex(source.Slice(start + 2, 4), out var parsed):
                WriteCodeUnit(parsed, destination, ref w, nested);
                return start + 6;
            default:
                // Not an escape a JSON writer makes; pass it on as it is.
                WriteBackslash(destination, ref w, nested);
                destination[w++] = source[start + 1];
                return start + 2;
        }

        WriteCodeUnit(unit, destination, ref w, nested);
        return start + 2;
    }

    private static void WriteQuote(Span<byte> destination, ref int w, bool nested)
    {
        if (nested)
        {
            destination[w++] = (byte)'\\';
        }

        destination[w++] = (byte)'"';
    }

    // The backslash that starts an escape: itself escaped inside an outer string.
    private static void WriteBackslash(Span<byte> destination, ref int w, bool nested)
    {
        if (nested)
        {
            destination[w++] = (byte)'\\';
        }

        destination[w++] = (byte)'\\';
    }

    /// <summary>A character of a string's value, escaped as Python escapes it (at most sixteen bytes).</summary>
    internal static void WriteCharacter(Rune rune, Span<byte> destination, ref int w, bool nested)
    {
        if (rune.IsBmp)
        {
            WriteCodeUnit((char)rune.Value, destination, ref w, nested);
            return;
        }

        Span<char> pair = stackalloc char[2];
        rune.EncodeToUtf16(pair);
        WriteCodeUnit(pair[0], destination, ref w, nested);
        WriteCodeUnit(pair[1], destination, ref w, nested);
    }

    /// <summary>One UTF-16 code unit of a string's value, escaped as Python escapes it (at most eight bytes).</summary>
    internal static void WriteCodeUnit(char unit, Span<byte> destination, ref int w, bool nested)
    {
        if (unit is >= ' ' and <= '~' and not '"' and not '\\')
        {
            destination[w++] = (byte)unit;
            return;
        }

        WriteBackslash(destination, ref w, nested);
        switch (unit)
        {
            case '"':
            case '\\':
                if (nested)
                {
                    destination[w++] = (byte)'\\';
                }

                destination[w++] = (byte)unit;
                return;
            case '\b':
                destination[w++] = (byte)'b';
                return;
            case '\f':
                destination[w++] = (byte)'f';
                return;
            case '\n':
                destination[w++] = (byte)'n';
                return;
            case '\r':
                destination[w++] = (byte)'r';
                return;
            case '\t':
                destination[w++] = (byte)'t';
                return;
        }

        destination[w++] = (byte)'u';
        destination[w++] = HexDigits[unit >> 12];
        destination[w++] = HexDigits[(unit >> 8) & 0xF];
        destination[w++] = HexDigits[(unit >> 4) & 0xF];
        destination[w++] = HexDigits[unit & 0xF];
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
}
