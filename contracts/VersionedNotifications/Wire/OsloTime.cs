using System;
using System.Globalization;

namespace VersionedNotifications.Wire;

/// <summary>
/// The two time formats of the oslo wire: payload datetimes (<c>2024-01-01T10:00:00Z</c>, as
/// oslo.versionedobjects' DateTimeField writes them) and the envelope timestamp (Python's
/// <c>str()</c> of a naive UTC datetime: <c>2024-01-02 03:04:05.678901</c>, no fraction when it is zero).
/// </summary>
/// <remarks>
/// Reading accepts every form seen in the seeds and the real code: <c>T</c> or a space between date
/// and time, a fraction of up to seven digits or none, and <c>Z</c>, <c>+00:00</c> (any offset) or no
/// zone at all, which means UTC.
/// </remarks>
public static class OsloTime
{
    /// <summary>
    /// A payload datetime: <c>YYYY-MM-DDTHH:MM:SSZ</c> in UTC, to the second, as oslo.versionedobjects'
    /// <c>DateTimeField.to_primitive</c> writes it (its <c>isotime</c> drops the fraction; so does oslo.utils'
    /// <c>isotime</c>, with which glance writes the datetimes of its plain payloads).
    /// </summary>
    /// <remarks>A year before 1000 is written without leading zeros (<c>5-01-02T03:04:05Z</c>): that is glibc's
    /// <c>strftime('%Y')</c>, which oslo's <c>isotime</c> calls.</remarks>
    public static string FormatPayload(DateTimeOffset value)
    {
        Span<byte> text = stackalloc byte[32];
        return System.Text.Encoding.ASCII.GetString(text[..FormatPayload(value, text)]);
    }

    /// <summary>Writes <see cref="FormatPayload(DateTimeOffset)"/>'s text as UTF-8 into <paramref name="destination"/> (at least 32 bytes), without allocating.</summary>
    public static int FormatPayload(DateTimeOffset value, Span<byte> destination)
    {
        CheckRoom(destination);
        var utc = value.UtcDateTime;
        var year = utc.Year;
        // Digit by digit: a .NET format string costs many times more, and none writes a year unpadded.
        var written = WriteDigits(destination, 0, year, year >= 1000 ? 4 : year >= 100 ? 3 : year >= 10 ? 2 : 1);
        written = WriteDateAndTime(destination, written, utc, (byte)'T');
        destination[written++] = (byte)'Z';
        return written;
    }

    /// <summary>Writes <see cref="FormatEnvelope(DateTimeOffset)"/>'s text as UTF-8 into <paramref name="destination"/> (at least 32 bytes), without allocating.</summary>
    public static int FormatEnvelope(DateTimeOffset value, Span<byte> destination)
    {
        CheckRoom(destination);
        var utc = value.UtcDateTime;
        var written = WriteDigits(destination, 0, utc.Year, 4);
        written = WriteDateAndTime(destination, written, utc, (byte)' ');
        var fraction = (int)(utc.Ticks % TimeSpan.TicksPerSecond);
        if (fraction != 0)
        {
            destination[written++] = (byte)'.';
            written = fraction % 10 == 0 ? WriteDigits(destination, written, fraction / 10, 6) : WriteDigits(destination, written, fraction, 7);
        }

        return written;
    }

    /// <summary>
    /// The envelope timestamp: <c>YYYY-MM-DD HH:MM:SS.ffffff</c> in UTC, the fraction dropped when it is
    /// zero. A value finer than a microsecond (which Python cannot make, but a reader accepts) keeps its
    /// seventh digit, so that nothing read is lost.
    /// </summary>
    public static string FormatEnvelope(DateTimeOffset value)
    {
        Span<byte> text = stackalloc byte[32];
        return System.Text.Encoding.ASCII.GetString(text[..FormatEnvelope(value, text)]);
    }

    private static void CheckRoom(Span<byte> destination)
    {
        if (destination.Length < 32)
        {
            throw new ArgumentException("The destination is too small.", nameof(destination));
        }
    }

    // -MM-dd, the separator, HH:mm:ss.
    private static int WriteDateAndTime(Span<byte> destination, int at, DateTime utc, byte separator)
    {
        destination[at++] = (byte)'-';
        at = WriteDigits(destination, at, utc.Month, 2);
        destination[at++] = (byte)'-';
        at = WriteDigits(destination, at, utc.Day, 2);
        destination[at++] = separator;
        at = WriteDigits(destination, at, utc.Hour, 2);
        destination[at++] = (byte)':';
        at = WriteDigits(destination, at, utc.Minute, 2);
        destination[at++] = (byte)':';
        return WriteDigits(destination, at, utc.Second, 2);
    }

    // value in exactly count decimal digits, zero-padded.
    private static int WriteDigits(Span<byte> destination, int at, int value, int count)
    {
        for (var i = at + count - 1; i >= at; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }

        return at + count;
    }

    /// <summary>Reads a datetime in any of the oslo forms; see the remarks on <see cref="OsloTime"/>.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;

        // A year before 1000 as oslo writes it, without leading zeros (5-01-02T03:04:05Z): read as if padded.
        var dash = text.Length > 1 && text.Length < 64 ? text[..Math.Min(4, text.Length)].IndexOf('-') : -1;
        if (dash is >= 1 and < 4 && text.Length + 4 - dash <= 64)
        {
            Span<char> padded = stackalloc char[text.Length + 4 - dash];
            padded[..(4 - dash)].Fill('0');
            text.CopyTo(padded[(4 - dash)..]);
            return TryParse(padded, out value);
        }

        // yyyy-MM-dd, then T or space, then HH:mm, optional :ss, optional fraction, optional zone.
        if (text.Length < 16 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != ' ' && text[10] != 't') || text[13] != ':')
        {
            return false;
        }

        if (!TryDigits(text.Slice(0, 4), out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)
            || !TryDigits(text.Slice(11, 2), out var hour) || !TryDigits(text.Slice(14, 2), out var minute))
        {
            return false;
        }

        var position = 16;
        var second = 0;
        long fractionTicks = 0;
        if (position < text.Length && text[position] == ':')
        {
            if (text.Length < position + 3 || !TryDigits(text.Slice(position + 1, 2), out second))
            {
                return false;
            }

            position += 3;
            if (position < text.Length && text[position] == '.')
            {
                var start = ++position;
                while (position < text.Length && char.IsAsciiDigit(text[position]))
                {
                    position++;
                }

                var digits = text.Slice(start, position - start);
                if (digits.Length is 0 or > 7)
                {
                    return false;
                }

                TryDigits(digits, out var fraction);
                fractionTicks = fraction;
                for (var i = digits.Length; i < 7; i++)
                {
                    fractionTicks *= 10;
                }
            }
        }

        var offset = TimeSpan.Zero;
        var zone = text.Slice(position);
        if (zone.Length == 1 && (zone[0] == 'Z' || zone[0] == 'z'))
        {
        }
        else if (zone.Length == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':'
            && TryDigits(zone.Slice(1, 2), out var offsetHours) && TryDigits(zone.Slice(4, 2), out var offsetMinutes)
            && offsetHours <= 14 && offsetMinutes < 60)
        {
            offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            if (zone[0] == '-')
            {
                offset = -offset;
            }
        }
        else if (zone.Length != 0)
        {
            return false;
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(1, year), month) || year < 1
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        try
        {
            value = new DateTimeOffset(year, month, day, hour, minute, second, offset).AddTicks(fractionTicks);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            // An offset that pushes the instant outside the representable range.
            return false;
        }
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return text.Length > 0;
    }
}
