using System;
using System.Globalization;

namespace VersionedNotifications.Generator.Model;

/// <summary>A <c>major.minor</c> object version, ordered numerically (1.10 comes after 1.9).</summary>
internal readonly record struct ObjectVersion(int Major, int Minor) : IComparable<ObjectVersion>
{
    public static bool TryParse(string? text, out ObjectVersion version)
    {
        version = default;
        if (text is null)
        {
            return false;
        }

        var dot = text.IndexOf('.');
        if (dot <= 0 || dot != text.LastIndexOf('.') || dot == text.Length - 1)
        {
            return false;
        }

        if (!TryParsePart(text.Substring(0, dot), out var major) || !TryParsePart(text.Substring(dot + 1), out var minor))
        {
            return false;
        }

        version = new ObjectVersion(major, minor);
        return true;
    }

    public int CompareTo(ObjectVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator <(ObjectVersion left, ObjectVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(ObjectVersion left, ObjectVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(ObjectVersion left, ObjectVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ObjectVersion left, ObjectVersion right) => left.CompareTo(right) >= 0;

    public override string ToString() => Major.ToString(CultureInfo.InvariantCulture) + "." + Minor.ToString(CultureInfo.InvariantCulture);

    private static bool TryParsePart(string part, out int value)
    {
        value = 0;
        // Leading zeros would make "1.01" and "1.1" the same version under two spellings.
        if (part.Length == 0 || part.Length > 9 || (part.Length > 1 && part[0] == '0'))
        {
            return false;
        }

        foreach (var c in part)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        value = int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }
}
