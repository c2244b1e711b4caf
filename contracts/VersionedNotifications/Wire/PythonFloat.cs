using System;
using System.Globalization;
using System.Text;

namespace VersionedNotifications.Wire;

/// <summary>
/// A double as Python's <c>json.dumps</c> writes a float: <c>repr(float)</c>, the shortest digits that read
/// back as the same double, in fixed notation with at least one decimal (<c>3.0</c>, <c>0.0001</c>) unless
/// the decimal exponent is below -4 or at least 16 (<c>1e-05</c>, <c>1.5e-07</c>, <c>1e+16</c>); and
/// <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c> for the values JSON has no number for.
/// </summary>
/// <remarks>
/// oslo.versionedobjects' FloatField holds a Python float, so this is the text every oslo producer sends;
/// writing it makes a float read from oslo go back byte for byte, and a float made in C# reach a Python
/// consumer as a float, never an int. .NET finds the shortest digits; only the layout is Python's.
/// </remarks>
public static class PythonFloat
{
    /// <summary>The longest text <see cref="Format(double, Span{byte})"/> writes, in bytes.</summary>
    public const int MaxLength = 32;

    /// <summary>The text of <paramref name="value"/>.</summary>
    public static string Format(double value)
    {
        Span<byte> text = stackalloc byte[MaxLength];
        return Encoding.ASCII.GetString(text[..Format(value, text)]);
    }

    /// <summary>Writes the text of <paramref name="value"/> as UTF-8 into <paramref name="destination"/> (at least <see cref="MaxLength"/> bytes), without allocating.</summary>
    /// <returns>The number of bytes written.</returns>
    public static int Format(double value, Span<byte> destination)
    {
        if (destination.Length < MaxLength)
        {
            throw new ArgumentException("The destination is too small.", nameof(destination));
        }

        if (!double.IsFinite(value))
        {
            var word = double.IsNaN(value) ? "NaN"u8 : value > 0 ? "Infinity"u8 : "-Infinity"u8;
            word.CopyTo(destination);
            return word.Length;
        }

        Span<byte> digits = stackalloc byte[MaxLength];
        var (negative, count, pointPosition) = ShortestDigits(value, digits);
        var length = 0;
        if (negative)
        {
            destination[length++] = (byte)'-';
        }

        // pointPosition is Python's decpt (the value is 0.d1d2...dn times 10 to that power), and these are
        // the bounds of float_repr_style 'short': a decimal exponent below -4 or from 16 on.
        if (pointPosition <= -4 || pointPosition > 16)
        {
            return length + WriteExponent(digits[..count], pointPosition - 1, destination[length..]);
        }

        return length + WriteFixed(digits[..count], pointPosition, destination[length..]);
    }

    /// <summary>
    /// The shortest round-trip digits of <paramref name="value"/>'s magnitude, without leading or trailing
    /// zeros (a zero is the single digit 0), and the number of digits before the decimal point, which is
    /// negative or beyond the digits when the point lies outside them.
    /// </summary>
    private static (bool Negative, int Count, int PointPosition) ShortestDigits(double value, Span<byte> digits)
    {
        // .NET's "R" is the shortest round-trip text; its layout ("1E+16", "0.0001", "-0") is read apart here.
        Span<byte> text = stackalloc byte[MaxLength];
        value.TryFormat(text, out var length, "R", CultureInfo.InvariantCulture);
        var index = 0;
        var negative = text[0] == (byte)'-';
        if (negative)
        {
            index++;
        }

        var count = 0;
        var point = -1;
        for (; index < length && text[index] != (byte)'E'; index++)
        {
            if (text[index] == (byte)'.')
            {
                point = count;
            }
            else
            {
                digits[count++] = text[index];
            }
        }

        var exponent = index < length ? int.Parse(text[(index + 1)..length], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        var pointPosition = (point < 0 ? count : point) + exponent;
        var leadingZeros = 0;
        while (leadingZeros < count - 1 && digits[leadingZeros] == (byte)'0')
        {
            leadingZeros++;
        }

        digits[leadingZeros..count].CopyTo(digits);
        count -= leadingZeros;
        pointPosition -= leadingZeros;
        while (count > 1 && digits[count - 1] == (byte)'0')
        {
            count--;
        }

        if (count == 1 && digits[0] == (byte)'0')
        {
            pointPosition = 1;
        }

        return (negative, count, pointPosition);
    }

    /// <summary><c>d.ddde+XX</c>: one digit, the others after a point if there are any, a signed exponent of at least two digits.</summary>
    private static int WriteExponent(ReadOnlySpan<byte> digits, int exponent, Span<byte> destination)
    {
        var length = 0;
        destination[length++] = digits[0];
        if (digits.Length > 1)
        {
            destination[length++] = (byte)'.';
            digits[1..].CopyTo(destination[length..]);
            length += digits.Length - 1;
        }

        destination[length++] = (byte)'e';
        destination[length++] = exponent < 0 ? (byte)'-' : (byte)'+';
        Math.Abs(exponent).TryFormat(destination[length..], out var written, "00", CultureInfo.InvariantCulture);
        return length + written;
    }

    /// <summary><c>0.000ddd</c>, <c>dd.ddd</c> or <c>ddd000.0</c>: fixed notation with at least one digit after the point.</summary>
    private static int WriteFixed(ReadOnlySpan<byte> digits, int pointPosition, Span<byte> destination)
    {
        var length = 0;
        if (pointPosition <= 0)
        {
            "0."u8.CopyTo(destination);
            length = 2;
            destination.Slice(length, -pointPosition).Fill((byte)'0');
            length -= pointPosition;
            digits.CopyTo(destination[length..]);
            return length + digits.Length;
        }

        if (pointPosition < digits.Length)
        {
            digits[..pointPosition].CopyTo(destination);
            destination[pointPosition] = (byte)'.';
            digits[pointPosition..].CopyTo(destination[(pointPosition + 1)..]);
            return digits.Length + 1;
        }

        digits.CopyTo(destination);
        length = digits.Length;
        destination.Slice(length, pointPosition - digits.Length).Fill((byte)'0');
        length = pointPosition;
        ".0"u8.CopyTo(destination[length..]);
        return length + 2;
    }
}
