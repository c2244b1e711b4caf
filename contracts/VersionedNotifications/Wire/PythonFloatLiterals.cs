using System;
using System.Buffers;
using System.Text.Json;

namespace VersionedNotifications.Wire;

/// <summary>
/// Python's <c>json.dumps</c> writes a float NaN and the infinities as the bare words <c>NaN</c>,
/// <c>Infinity</c> and <c>-Infinity</c>, which JSON has no room for, so a flexible dict holding
/// <c>float('nan')</c> reaches the wire that way. The reader replaces each word, outside strings, with a
/// stand-in: a number no JSON writer produces (its exponent has nine digits; a double's has at most three),
/// which JSON trees can hold. <see cref="NotificationWriter"/> writes the words back.
/// </summary>
/// <remarks>
/// In a <see cref="JsonElement"/> or <see cref="System.Text.Json.Nodes.JsonValue"/> a stand-in is a number
/// whose <c>GetDouble</c> fails, as for any number out of a double's range; <see cref="TryGetDouble"/> reads
/// it. Words Python does not write (<c>nan</c>, <c>inf</c>, <c>+Infinity</c>) stay malformed.
/// </remarks>
public static class PythonFloatLiterals
{
    /// <summary>What the reader holds in place of <c>NaN</c>.</summary>
    public const string NaNStandIn = "9E+999999999";

    /// <summary>What the reader holds in place of <c>Infinity</c>.</summary>
    public const string InfinityStandIn = "1E+999999999";

    /// <summary>What the reader holds in place of <c>-Infinity</c>.</summary>
    public const string NegativeInfinityStandIn = "-1E+999999999";

    // Longest first: -Infinity before Infinity, and the stand-in of -Infinity before that of Infinity.
    private static readonly (byte[] Word, byte[] StandIn, double Value)[] Pairs =
    [
        ("-Infinity"u8.ToArray(), "-1E+999999999"u8.ToArray(), double.NegativeInfinity),
        ("Infinity"u8.ToArray(), "1E+999999999"u8.ToArray(), double.PositiveInfinity),
        ("NaN"u8.ToArray(), "9E+999999999"u8.ToArray(), double.NaN),
    ];

    /// <summary>
    /// <paramref name="json"/> with the words <c>NaN</c>, <c>Infinity</c> and <c>-Infinity</c> outside strings
    /// replaced by their stand-ins; <paramref name="json"/> itself when it has none, which costs two searches.
    /// </summary>
    public static ReadOnlyMemory<byte> ToStandIns(ReadOnlyMemory<byte> json)
    {
        var span = json.Span;
        return span.IndexOf("NaN"u8) < 0 && span.IndexOf("Infinity"u8) < 0 ? json : Replace(span, toStandIns: true) ?? json;
    }

    /// <summary>
    /// <paramref name="json"/> with the stand-ins outside strings written as the words Python writes;
    /// <paramref name="json"/> itself when it has none, which costs one search.
    /// </summary>
    public static ReadOnlySpan<byte> FromStandIns(ReadOnlySpan<byte> json) =>
        json.IndexOf("E+999999999"u8) < 0 ? json : Replace(json, toStandIns: false) ?? json;

    /// <summary>Reads a number as a double, a stand-in as the NaN or infinity it stands for.</summary>
    /// <returns><see langword="false"/> for anything else that is not a number in a double's range.</returns>
    public static bool TryGetDouble(JsonElement element, out double value)
    {
        value = 0;
        if (element.ValueKind != JsonValueKind.Number)
        {
            return false;
        }

        if (element.TryGetDouble(out value) && double.IsFinite(value))
        {
            return true;
        }

        var raw = element.GetRawText();
        value = raw switch
        {
            NaNStandIn => double.NaN,
            InfinityStandIn => double.PositiveInfinity,
            NegativeInfinityStandIn => double.NegativeInfinity,
            _ => 0,
        };
        return raw is NaNStandIn or InfinityStandIn or NegativeInfinityStandIn;
    }

    /// <summary>Reads the number under the reader as a stand-in, if it is one.</summary>
    internal static bool TryReadStandIn(ref Utf8JsonReader reader, out double value)
    {
        value = 0;
        if (reader.TokenType != JsonTokenType.Number || reader.HasValueSequence)
        {
            return false;
        }

        foreach (var (_, standIn, meaning) in Pairs)
        {
            if (reader.ValueSpan.SequenceEqual(standIn))
            {
                value = meaning;
                return true;
            }
        }

        return false;
    }

    /// <summary>The stand-in of a NaN or infinity, to write in its place.</summary>
    internal static ReadOnlySpan<byte> StandInFor(double value) =>
        double.IsNaN(value) ? Pairs[2].StandIn : value > 0 ? Pairs[1].StandIn : Pairs[0].StandIn;

    /// <returns>The replaced text, or <see langword="null"/> when nothing outside a string was replaced.</returns>
    private static byte[]? Replace(ReadOnlySpan<byte> json, bool toStandIns)
    {
        ArrayBufferWriter<byte>? output = null;
        var copied = 0;
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var b = json[i];
            if (inString)
            {
                if (b == (byte)'\\')
                {
                    i++;
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }

                continue;
            }

            if (b == (byte)'"')
            {
                inString = true;
                continue;
            }

            foreach (var (word, standIn, _) in Pairs)
            {
                var from = toStandIns ? word : standIn;
                if (json[i..].StartsWith(from) && IsTokenStart(json, i) && IsTokenEnd(json, i + from.Length))
                {
                    output ??= new ArrayBufferWriter<byte>(json.Length + 64);
                    output.Write(json[copied..i]);
                    output.Write(toStandIns ? standIn : word);
                    i += from.Length - 1;
                    copied = i + 1;
                    break;
                }
            }
        }

        if (output is null)
        {
            return null;
        }

        output.Write(json[copied..]);
        return output.WrittenSpan.ToArray();
    }

    // A word or stand-in is a token of its own: not part of a longer number or word.
    private static bool IsTokenStart(ReadOnlySpan<byte> json, int at) => at == 0 || !IsTokenByte(json[at - 1]);

    private static bool IsTokenEnd(ReadOnlySpan<byte> json, int at) => at == json.Length || !IsTokenByte(json[at]);

    private static bool IsTokenByte(byte b) => char.IsAsciiLetterOrDigit((char)b) || b is (byte)'.' or (byte)'+' or (byte)'-' or (byte)'_';
}
