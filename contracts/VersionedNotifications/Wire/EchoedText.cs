using System;
using System.Globalization;
using System.Text;

namespace VersionedNotifications.Wire;

/// <summary>
/// Text from the wire quoted in an error reason, detail or path: cut to a bounded length, so that a 15 MB
/// event type costs 15 MB once (in the header) and not again in every message about it, and with control
/// characters and unpaired surrogates escaped, so that a NUL or an escape sequence in the bytes cannot reach
/// a log or a terminal as itself.
/// </summary>
internal static class EchoedText
{
    /// <summary>The most characters of wire text an error message repeats.</summary>
    public const int MaxLength = 100;

    /// <summary><paramref name="text"/> as an error message may quote it.</summary>
    public static string Of(string text, int maxLength = MaxLength)
    {
        var cut = text.Length > maxLength;
        var shown = cut ? text.AsSpan(0, char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength) : text.AsSpan();
        if (!cut && !NeedsEscape(shown))
        {
            return text;
        }

        var builder = new StringBuilder(shown.Length + 8);
        for (var i = 0; i < shown.Length; i++)
        {
            var c = shown[i];
            var paired = char.IsHighSurrogate(c) && i + 1 < shown.Length && char.IsLowSurrogate(shown[i + 1]);
            if (paired)
            {
                builder.Append(c).Append(shown[++i]);
            }
            else if (char.IsControl(c) || char.IsSurrogate(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        if (cut)
        {
            builder.Append("...");
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }
}
