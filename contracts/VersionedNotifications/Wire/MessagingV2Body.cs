using System;
using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace VersionedNotifications.Wire;

/// <summary>
/// Unwraps an oslo v2 body in the form oslo writes it, <c>{"oslo.version": "2.0", "oslo.message": "..."}</c>,
/// in one pass over its bytes: the inner message is validated and unescaped together, where a JSON reader
/// first scans the long escaped string to find its end and then unescapes it in a second pass (together
/// two fifths of a decode of the sample message, measured in docs/performance.md).
/// </summary>
/// <remarks>
/// Only a body that is certainly valid is taken: the two keys once each, written without escapes, the version a
/// plain string that starts with <c>2.</c>, JSON whitespace between the tokens, and an inner string whose escapes
/// are all valid and whose <c>\u</c> escapes pair their surrogates. Anything else, every malformed body among it,
/// is left to <see cref="System.Text.Json.Utf8JsonReader"/>, which finds the error and its path; so what this
/// class accepts reads exactly as the JSON reader would read it. The bytes must be valid UTF-8 already.
/// </remarks>
internal static class MessagingV2Body
{
    // What ends a run of bytes copied as they are inside a JSON string: the closing quote, an escape, or a
    // control character (which JSON does not allow unescaped).
    private static readonly SearchValues<byte> StringSpecials = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f"u8);

    /// <summary>
    /// The inner message of <paramref name="body"/>, unescaped into <paramref name="rented"/> (an array of the shared
    /// pool that the caller returns); false, with nothing rented, when the body is not in the form described above.
    /// </summary>
    public static bool TryUnwrap(ReadOnlySpan<byte> body, out byte[]? rented, out int length)
    {
        rented = null;
        length = 0;
        var at = SkipWhitespace(body, 0);
        if (at >= body.Length || body[at] != '{')
        {
            return false;
        }

        var sawVersion = false;
        while (true)
        {
            at = SkipWhitespace(body, at + 1);
            if (!TryPlainString(body, at, out var key, out at))
            {
                break;
            }

            at = SkipWhitespace(body, at);
            if (at >= body.Length || body[at] != ':')
            {
                break;
            }

            at = SkipWhitespace(body, at + 1);
            if (key.SequenceEqual("oslo.version"u8) && !sawVersion)
            {
                if (!TryPlainString(body, at, out var version, out at) || !version.StartsWith("2."u8))
                {
                    break;
                }

                sawVersion = true;
            }
            else if (key.SequenceEqual("oslo.message"u8) && rented is null)
            {
                if (at >= body.Length || body[at] != '"')
                {
                    break;
                }

                rented = ArrayPool<byte>.Shared.Rent(body.Length - at);
                if (!TryUnescape(body, at + 1, rented, out length, out at))
                {
                    break;
                }
            }
            else
            {
                break;
            }

            at = SkipWhitespace(body, at);
            if (at < body.Length && body[at] == ',')
            {
                continue;
            }

            if (at < body.Length && body[at] == '}' && sawVersion && rented is not null && SkipWhitespace(body, at + 1) == body.Length)
            {
                return true;
            }

            break;
        }

        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
            rented = null;
        }

        length = 0;
        return false;
    }

    private static int SkipWhitespace(ReadOnlySpan<byte> json, int at)
    {
        while (at < json.Length && json[at] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            at++;
        }

        return at;
    }

    /// <summary>A string without escapes or control characters that starts at <paramref name="at"/>; <paramref name="next"/> is after its closing quote.</summary>
    private static bool TryPlainString(ReadOnlySpan<byte> json, int at, out ReadOnlySpan<byte> value, out int next)
    {
        value = default;
        next = at;
        if (at >= json.Length || json[at] != '"')
        {
            return false;
        }

        var end = json[(at + 1)..].IndexOfAny(StringSpecials);
        if (end < 0 || json[at + 1 + end] != '"')
        {
            return false;
        }

        value = json.Slice(at + 1, end);
        next = at + end + 2;
        return true;
    }

    /// <summary>
    /// Unescapes the string whose text starts at <paramref name="at"/> into <paramref name="output"/>; false on a
    /// control character, an escape JSON does not have, an unpaired surrogate escape, or no closing quote.
    /// </summary>
    /// <remarks>
    /// oslo's inner message escapes a quote every few bytes, so the runs between escapes are short: sixteen bytes
    /// are compared and stored at a time, whatever follows a run included (the next step writes over it), where a
    /// general search costs more per call than such a run takes to copy.
    /// </remarks>
    private static bool TryUnescape(ReadOnlySpan<byte> json, int at, Span<byte> output, out int written, out int next)
    {
        written = 0;
        next = at;
        ref var source = ref MemoryMarshal.GetReference(json);
        ref var target = ref MemoryMarshal.GetReference(output);
        var quote = Vector128.Create((byte)'"');
        var backslash = Vector128.Create((byte)'\\');
        var space = Vector128.Create((byte)' ');
        while (true)
        {
            if (Vector128.IsHardwareAccelerated && at + Vector128<byte>.Count <= json.Length && written + Vector128<byte>.Count <= output.Length)
            {
                var block = Vector128.LoadUnsafe(ref source, (nuint)at);
                block.StoreUnsafe(ref target, (nuint)written);
                var mask = (Vector128.Equals(block, quote) | Vector128.Equals(block, backslash) | Vector128.LessThan(block, space)).ExtractMostSignificantBits();
                if (mask == 0)
                {
                    at += Vector128<byte>.Count;
                    written += Vector128<byte>.Count;
                    continue;
                }

                var run = BitOperations.TrailingZeroCount(mask);
                at += run;
                written += run;
            }
            else
            {
                while (at < json.Length && json[at] is not ((byte)'"' or (byte)'\\' or < 0x20))
                {
                    output[written++] = json[at++];
                }

                if (at >= json.Length)
                {
                    return false;
                }
            }

            if (json[at] == '"')
            {
                next = at + 1;
                return true;
            }

            if (json[at] != '\\' || at + 1 >= json.Length)
            {
                return false;
            }

            var escaped = json[at + 1];
            if (escaped == 'u')
            {
                if (!TryUnicodeEscape(json, at, output, ref written, out at))
                {
                    return false;
                }

                continue;
            }

            var unescaped = escaped switch
            {
                (byte)'"' => (byte)'"',
                (byte)'\\' => (byte)'\\',
                (byte)'/' => (byte)'/',
                (byte)'b' => (byte)'\b',
                (byte)'f' => (byte)'\f',
                (byte)'n' => (byte)'\n',
                (byte)'r' => (byte)'\r',
                (byte)'t' => (byte)'\t',
                _ => (byte)0,
            };
            if (unescaped == 0)
            {
                return false;
            }

            output[written++] = unescaped;
            at += 2;
        }
    }

    /// <summary>A <c>\uXXXX</c> escape at <paramref name="at"/>, a high surrogate with the low one that must follow it, written as UTF-8.</summary>
    private static bool TryUnicodeEscape(ReadOnlySpan<byte> json, int at, Span<byte> output, ref int written, out int next)
    {
        next = at;
        if (!TryHex4(json, at + 2, out var unit))
        {
            return false;
        }

        next = at + 6;
        Rune rune;
        if (char.IsHighSurrogate((char)unit))
        {
            if (next + 1 >= json.Length || json[next] != '\\' || json[next + 1] != 'u' || !TryHex4(json, next + 2, out var low) || !char.IsLowSurrogate((char)low))
            {
                return false;
            }

            rune = new Rune((char)unit, (char)low);
            next += 6;
        }
        else if (char.IsLowSurrogate((char)unit))
        {
            return false;
        }
        else
        {
            rune = new Rune(unit);
        }

        written += rune.EncodeToUtf8(output[written..]);
        return true;
    }

    private static bool TryHex4(ReadOnlySpan<byte> json, int at, out int value)
    {
        value = 0;
        if (at + 4 > json.Length)
        {
            return false;
        }

        for (var i = at; i < at + 4; i++)
        {
            var digit = HexDigit(json[i]);
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        return true;
    }

    private static int HexDigit(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
