using System.Globalization;
using System.Text.Json;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Tool.Commands.Messages;

/// <summary>
/// Whether writing a decoded message again keeps every value it carried. The two are compared as
/// meaning, not as bytes: key order and escapes do not count, numbers compare by value (a float field
/// that came as <c>1</c> goes back as Python writes a float, <c>1.0</c>), strings that both read as
/// datetimes compare as instants (UUIDs keep their text, so they compare as text), and the envelope's
/// priority compares after parsing (<c>info</c> is <c>INFO</c>, <c>WARNING</c> is <c>WARN</c>).
/// A key sent twice counts with its last value, as Python's <c>json</c> and the reader keep it.
/// Anything else that differs is a change.
/// </summary>
internal static class ReencodingCheck
{
    private delegate Difference? MemberComparer(string name, JsonElement read, JsonElement written, string path);

    private sealed record Difference(string JsonPath, string What);

    /// <summary>The first change, in the order of the bytes read; <see langword="null"/> when there is none.</summary>
    /// <param name="read">The message as it came.</param>
    /// <param name="written">The decoded message written again.</param>
    /// <param name="format">The form of both; <see langword="null"/> for a bare payload.</param>
    /// <param name="maxDepth">The nesting the reader allowed the message.</param>
    public static MessageFailure? FindChange(ReadOnlyMemory<byte> read, byte[] written, MessageFormat? format, int maxDepth)
    {
        var options = new JsonDocumentOptions { MaxDepth = maxDepth };
        using var readDocument = Parse(read, options);
        using var writtenDocument = Parse(written, options);
        var difference = format switch
        {
            MessageFormat.MessagingV2 => CompareObjects(readDocument.RootElement, writtenDocument.RootElement, "$", (name, r, w, p) => CompareBodyMember(name, r, w, p, options), isEnvelope: false),
            MessageFormat.MessagingV1 => CompareObjects(readDocument.RootElement, writtenDocument.RootElement, "$", CompareEnvelopeMember, isEnvelope: true),
            _ => CompareValues(readDocument.RootElement, writtenDocument.RootElement, "$"),
        };
        return difference is null ? null : new MessageFailure(difference.JsonPath, $"re-encoding changes the value ({difference.What})");
    }

    private static Difference? CompareBodyMember(string name, JsonElement read, JsonElement written, string path, JsonDocumentOptions options)
    {
        if (name != "oslo.message" || read.ValueKind != JsonValueKind.String || written.ValueKind != JsonValueKind.String)
        {
            return CompareValues(read, written, path);
        }

        // The reader accepted the inner envelope, so it parses.
        using var readEnvelope = Parse(System.Text.Encoding.UTF8.GetBytes(read.GetString()!), options);
        using var writtenEnvelope = Parse(System.Text.Encoding.UTF8.GetBytes(written.GetString()!), options);
        return CompareObjects(readEnvelope.RootElement, writtenEnvelope.RootElement, path, CompareEnvelopeMember, isEnvelope: true);
    }

    /// <summary>Parses JSON as Python's json does, NaN and the infinities included (as their stand-ins).</summary>
    private static JsonDocument Parse(ReadOnlyMemory<byte> json, JsonDocumentOptions options) =>
        JsonDocument.Parse(PythonFloatLiterals.ToStandIns(json), options);

    private static Difference? CompareEnvelopeMember(string name, JsonElement read, JsonElement written, string path) =>
        name == "priority"
        && read.ValueKind == JsonValueKind.String && written.ValueKind == JsonValueKind.String
        && PriorityNames.TryParse(read.GetString(), out var readPriority) && PriorityNames.TryParse(written.GetString(), out var writtenPriority)
        && readPriority == writtenPriority
            ? null
            : CompareValues(read, written, path);

    private static Difference? CompareValues(JsonElement read, JsonElement written, string path)
    {
        if (read.ValueKind != written.ValueKind)
        {
            return Changed(read, written, path);
        }

        return read.ValueKind switch
        {
            JsonValueKind.Object => CompareObjects(read, written, path, static (_, r, w, p) => CompareValues(r, w, p), isEnvelope: false),
            JsonValueKind.Array => CompareArrays(read, written, path),
            JsonValueKind.String => CompareStrings(read, written, path),
            JsonValueKind.Number => SameNumber(read, written) ? null : Changed(read, written, path),
            _ => null,
        };
    }

    private static Difference? CompareObjects(JsonElement read, JsonElement written, string path, MemberComparer compareMember, bool isEnvelope)
    {
        if (read.ValueKind != JsonValueKind.Object || written.ValueKind != JsonValueKind.Object)
        {
            return CompareValues(read, written, path);
        }

        // Where each name is last: a key sent twice is compared with its last value only.
        var lastPlace = new Dictionary<string, int>(StringComparer.Ordinal);
        var place = 0;
        foreach (var member in read.EnumerateObject())
        {
            lastPlace[member.Name] = place++;
        }

        place = 0;
        foreach (var member in read.EnumerateObject())
        {
            if (lastPlace[member.Name] != place++)
            {
                continue;
            }

            var memberPath = Member(path, member.Name);
            if (!written.TryGetProperty(member.Name, out var writtenValue))
            {
                return new Difference(memberPath, $"read {Show(member.Value)}, not written");
            }

            if (compareMember(member.Name, member.Value, writtenValue, memberPath) is { } difference)
            {
                return difference;
            }
        }

        foreach (var member in written.EnumerateObject())
        {
            // A v2 write gives a message that had no _unique_id a fresh one, as oslo.messaging does.
            var isAddedUniqueId = isEnvelope && member.Name == "_unique_id";
            if (!lastPlace.ContainsKey(member.Name) && !isAddedUniqueId)
            {
                return new Difference(Member(path, member.Name), $"not read, written {Show(member.Value)}");
            }
        }

        return null;
    }

    private static Difference? CompareArrays(JsonElement read, JsonElement written, string path)
    {
        if (read.GetArrayLength() != written.GetArrayLength())
        {
            return new Difference(path, $"read {read.GetArrayLength()} elements, written {written.GetArrayLength()}");
        }

        for (var i = 0; i < read.GetArrayLength(); i++)
        {
            if (CompareValues(read[i], written[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]") is { } difference)
            {
                return difference;
            }
        }

        return null;
    }

    private static Difference? CompareStrings(JsonElement read, JsonElement written, string path)
    {
        if (!TryGetString(read, out var readText))
        {
            return new Difference(path, $"read {Show(read)}, which is not valid Unicode text");
        }

        if (!TryGetString(written, out var writtenText))
        {
            return new Difference(path, $"written {Show(written)}, which is not valid Unicode text");
        }

        var same = readText == writtenText
            || (OsloTime.TryParse(readText, out var readInstant) && OsloTime.TryParse(writtenText, out var writtenInstant) && readInstant == writtenInstant);
        return same ? null : Changed(read, written, path);
    }

    private static bool TryGetString(JsonElement value, out string text)
    {
        try
        {
            text = value.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8, or an escaped lone surrogate such as \ud800.
            text = string.Empty;
            return false;
        }
    }

    private static bool SameNumber(JsonElement read, JsonElement written)
    {
        if (read.GetRawText() == written.GetRawText())
        {
            return true;
        }

        if (read.TryGetDecimal(out var readDecimal) && written.TryGetDecimal(out var writtenDecimal))
        {
            return readDecimal == writtenDecimal;
        }

        return read.TryGetDouble(out var readDouble) && written.TryGetDouble(out var writtenDouble)
            && double.IsFinite(readDouble) && readDouble == writtenDouble;
    }

    private static Difference Changed(JsonElement read, JsonElement written, string path) =>
        new(path, $"read {Show(read)}, written {Show(written)}");

    private static string Show(JsonElement value)
    {
        const int Longest = 80;
        var text = value.GetRawText();
        return text.Length <= Longest ? text : string.Concat(text.AsSpan(0, Longest), "...");
    }

    /// <summary>A member's path, spelled as the reader spells paths: <c>.name</c>, or <c>['oslo.message']</c> for other keys.</summary>
    private static string Member(string path, string name)
    {
        var plain = name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        return plain ? path + "." + name : path + "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";
    }
}
