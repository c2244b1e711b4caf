using System.Globalization;
using System.Text;

namespace VersionedNotifications.Tool.Publishing.Schemas;

/// <summary>
/// The regular expressions (ECMA-262, as JSON Schema uses them) of the strings the real wire carries.
/// They are patterns, not only <c>format</c>s, because a validator need not assert formats.
/// </summary>
internal static class WirePatterns
{
    /// <summary>
    /// The envelope's <c>message_id</c>, which oslo.messaging makes with <c>str(uuid.uuid4())</c>: the 8-4-4-4-12
    /// form (either case is read). Payload <c>uuid</c> fields have no pattern: oslo sends any string there.
    /// </summary>
    public const string Uuid = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    /// <summary>A payload datetime: UTC with a <c>Z</c>, a fraction of a second allowed (oslo's own have none).</summary>
    public const string PayloadDateTime = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?Z$";

    /// <summary>
    /// The envelope timestamp: Python's <c>str()</c> of a naive UTC datetime, six digits of fraction or
    /// none when it is zero; seven when a value read elsewhere carried a finer one (our writer keeps it).
    /// </summary>
    public const string EnvelopeTimestamp = "^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{6,7})?$";

    /// <summary>A MAC address as oslo's MACAddressField coerces it: lower case, colon-separated.</summary>
    public const string MacAddress = "^[0-9a-f]{2}(:[0-9a-f]{2}){5}$";

    /// <summary>A secret MAC address: the address, or the mask.</summary>
    public const string MaskedMacAddress = "^([0-9a-f]{2}(:[0-9a-f]{2}){5}|\\*{6})$";

    /// <summary>oslo's <c>_unique_id</c>: <c>uuid4().hex</c>.</summary>
    public const string UniqueId = "^[0-9a-f]{32}$";

    /// <summary>A version string in major <paramref name="major"/> with a minor above <paramref name="minor"/>.</summary>
    public static string LaterMinor(int major, int minor) =>
        "^" + major.ToString(CultureInfo.InvariantCulture) + "\\.(" + GreaterThan(minor) + ")$";

    /// <summary>A version string in major <paramref name="major"/> with a minor of <paramref name="minor"/> or above.</summary>
    public static string ThisOrLaterMinor(int major, int minor) =>
        "^" + major.ToString(CultureInfo.InvariantCulture) + "\\.(" + minor.ToString(CultureInfo.InvariantCulture) + "|" + GreaterThan(minor) + ")$";

    /// <summary>An alternation matching the decimal integers (no leading zeros) greater than <paramref name="value"/>.</summary>
    private static string GreaterThan(int value)
    {
        var digits = value.ToString(CultureInfo.InvariantCulture);
        var alternatives = new List<string> { "[1-9][0-9]{" + digits.Length.ToString(CultureInfo.InvariantCulture) + ",}" };
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[i] - '0';
            var lowest = digit + 1;
            if (lowest > 9)
            {
                continue;
            }

            var alternative = new StringBuilder(digits, 0, i, digits.Length + 8);
            alternative.Append(lowest == 9 ? "9" : "[" + lowest.ToString(CultureInfo.InvariantCulture) + "-9]");
            var rest = digits.Length - i - 1;
            if (rest > 0)
            {
                alternative.Append("[0-9]");
                if (rest > 1)
                {
                    alternative.Append('{').Append(rest.ToString(CultureInfo.InvariantCulture)).Append('}');
                }
            }

            alternatives.Add(alternative.ToString());
        }

        return string.Join("|", alternatives);
    }
}
