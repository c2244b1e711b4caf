using System.Text;

namespace VersionedNotifications.Tests.Fuzz;

/// <summary>Byte-level and token-level damage of the kinds networks and buggy producers cause.</summary>
internal static class Mutator
{
    private static readonly string[] Values =
    [
        "null", "true", "false", "0", "-1", "1.5", "1e400", "9223372036854775808", "\"\"", "\"x\"", "[]", "{}", "[null]",
        "{\"a\":{}}", "\"2016-01-26T20:41:03Z\"", "\"\\ud800\"", "\"\\u0000\"", "\"1.999\"", "\"2.0\"", "\"INFO\"",
        "\"warning\"", "[[[[[[[[[[]]]]]]]]]]", "\"" + new string('a', 5000) + "\"",
        "NaN", "Infinity", "-Infinity", "[NaN, -Infinity]", "{\"f\": Infinity}", "nan", "+Infinity",
        "{\"\\udfff\": 1}", "{\"k\": 1, \"k\": {\"k\": 2, \"k\": 3}}", "{\"password\": \"a\", \"password\": \"b\"}",
    ];

    /// <summary>What a renamed key gains before its closing quote.</summary>
    private static readonly string[] KeySuffixes = ["_x", "\\u00e9", "\\udfff", "\\ud800", "\\ud83d\\ude00", "\\u0000"];

    public static byte[] Mutate(byte[] seed, Random random)
    {
        var operations = 1 + random.Next(3);
        var bytes = seed;
        for (var i = 0; i < operations; i++)
        {
            bytes = random.Next(12) switch
            {
                0 => FlipByte(bytes, random),
                1 => Truncate(bytes, random),
                2 => DeleteSpan(bytes, random),
                3 => DuplicateSpan(bytes, random),
                4 or 5 or 6 => ReplaceValue(bytes, random),
                7 => RenameKey(bytes, random),
                8 or 9 => RepeatMember(bytes, random),
                10 => ByteOrderMark(bytes),
                _ => InsertGarbage(bytes, random),
            };
        }

        return bytes;
    }

    private static byte[] FlipByte(byte[] bytes, Random random)
    {
        var copy = (byte[])bytes.Clone();
        if (copy.Length > 0)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }

        return copy;
    }

    private static byte[] Truncate(byte[] bytes, Random random) => bytes[..random.Next(bytes.Length + 1)];

    private static byte[] DeleteSpan(byte[] bytes, Random random)
    {
        var start = random.Next(bytes.Length + 1);
        var length = Math.Min(random.Next(1, 16), bytes.Length - start);
        return [.. bytes[..start], .. bytes[(start + length)..]];
    }

    private static byte[] DuplicateSpan(byte[] bytes, Random random)
    {
        var start = random.Next(bytes.Length + 1);
        var length = Math.Min(random.Next(1, 32), bytes.Length - start);
        return [.. bytes[..(start + length)], .. bytes[start..]];
    }

    /// <summary>Replaces the value after a random <c>":</c> with another JSON value: type swaps, overflows, deep nesting.</summary>
    private static byte[] ReplaceValue(byte[] bytes, Random random)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var colons = AllIndexes(text, "\":").ToList();
        if (colons.Count == 0)
        {
            return bytes;
        }

        var start = colons[random.Next(colons.Count)] + 2;
        var end = EndOfValue(text, start);
        var value = Values[random.Next(Values.Length)];
        return Encoding.UTF8.GetBytes(text[..start] + value + text[end..]);
    }

    private static byte[] RenameKey(byte[] bytes, Random random)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var colons = AllIndexes(text, "\":").ToList();
        if (colons.Count == 0)
        {
            return bytes;
        }

        var at = colons[random.Next(colons.Count)];
        return Encoding.UTF8.GetBytes(text[..at] + KeySuffixes[random.Next(KeySuffixes.Length)] + text[at..]);
    }

    /// <summary>Sends a random member of an object twice, the second time with another value: <c>"a": 1, ..., "a": 2</c>.</summary>
    private static byte[] RepeatMember(byte[] bytes, Random random)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var colons = AllIndexes(text, "\":").ToList();
        if (colons.Count == 0)
        {
            return bytes;
        }

        var colon = colons[random.Next(colons.Count)];
        var nameStart = text.LastIndexOf('"', colon - 1);
        var end = EndOfValue(text, colon + 2);
        if (nameStart < 0 || end >= text.Length)
        {
            return bytes;
        }

        var name = text[nameStart..(colon + 1)];
        var value = Values[random.Next(Values.Length)];
        return Encoding.UTF8.GetBytes(text[..end] + "," + name + ":" + value + text[end..]);
    }

    private static byte[] ByteOrderMark(byte[] bytes) => [0xEF, 0xBB, 0xBF, .. bytes];

    private static byte[] InsertGarbage(byte[] bytes, Random random)
    {
        var at = random.Next(bytes.Length + 1);
        var garbage = random.Next(4) switch
        {
            0 => "{",
            1 => "\"",
            2 => ",",
            _ => "\\",
        };
        return [.. bytes[..at], .. Encoding.UTF8.GetBytes(garbage), .. bytes[at..]];
    }

    private static IEnumerable<int> AllIndexes(string text, string value)
    {
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            yield return i;
        }
    }

    /// <summary>Where the JSON value that starts at <paramref name="start"/> ends (best effort on broken input).</summary>
    private static int EndOfValue(string text, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                    if (depth == 0)
                    {
                        return i + 1;
                    }
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']':
                    if (depth == 0)
                    {
                        return i;
                    }

                    depth--;
                    if (depth == 0)
                    {
                        return i + 1;
                    }

                    break;
                case ',' when depth == 0:
                    return i;
            }
        }

        return text.Length;
    }
}
