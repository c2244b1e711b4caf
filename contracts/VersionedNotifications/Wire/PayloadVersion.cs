using System;
using System.Globalization;

namespace VersionedNotifications.Wire;

/// <summary>A <c>major.minor</c> object version, ordered numerically (1.10 is after 1.9).</summary>
/// <param name="Major">Changes only when fields are removed or changed incompatibly.</param>
/// <param name="Minor">Changes when fields are added.</param>
public readonly record struct PayloadVersion(int Major, int Minor) : IComparable<PayloadVersion>
{
    /// <summary>Reads <c>major.minor</c>, both non-negative integers without signs or spaces.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out PayloadVersion version)
    {
        version = default;
        var dot = text.IndexOf('.');
        if (dot <= 0 || dot == text.Length - 1
            || !int.TryParse(text.Slice(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(text.Slice(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }

        version = new PayloadVersion(major, minor);
        return true;
    }

    /// <summary>Reads <c>major.minor</c>; throws <see cref="FormatException"/> when it is not one.</summary>
    public static PayloadVersion Parse(string text) =>
        TryParse(text, out var version) ? version : throw new FormatException($"'{text}' is not a major.minor version.");

    /// <inheritdoc/>
    public int CompareTo(PayloadVersion other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    /// <summary>Numeric order.</summary>
    public static bool operator <(PayloadVersion left, PayloadVersion right) => left.CompareTo(right) < 0;

    /// <summary>Numeric order.</summary>
    public static bool operator >(PayloadVersion left, PayloadVersion right) => left.CompareTo(right) > 0;

    /// <summary>Numeric order.</summary>
    public static bool operator <=(PayloadVersion left, PayloadVersion right) => left.CompareTo(right) <= 0;

    /// <summary>Numeric order.</summary>
    public static bool operator >=(PayloadVersion left, PayloadVersion right) => left.CompareTo(right) >= 0;

    /// <summary>The longest <c>major.minor</c>: two ten-digit integers and the dot.</summary>
    internal const int MaxUtf8Length = 21;

    /// <summary>Writes <c>major.minor</c> as UTF-8 into <paramref name="destination"/> (at least <see cref="MaxUtf8Length"/> bytes), so that a write allocates no string; returns its length.</summary>
    internal int FormatUtf8(Span<byte> destination)
    {
        Major.TryFormat(destination, out var major, default, CultureInfo.InvariantCulture);
        destination[major] = (byte)'.';
        Minor.TryFormat(destination[(major + 1)..], out var minor, default, CultureInfo.InvariantCulture);
        return major + 1 + minor;
    }

    /// <inheritdoc/>
    public override string ToString() => Major.ToString(CultureInfo.InvariantCulture) + "." + Minor.ToString(CultureInfo.InvariantCulture);
}
