using System.Text;
using System.Text.RegularExpressions;

namespace VersionedNotifications.Generator.Tests.Fuzz;

/// <summary>One generated input: its number (which fixes its random seed), path, text, and how it was made.</summary>
internal sealed record FuzzInput(int Index, string Path, string Text, string Recipe);

/// <summary>
/// Makes fuzz inputs deterministically: input <c>n</c> comes from <c>new Random(BaseSeed + n)</c>, so any
/// input can be made again from its number alone. Most inputs are a seed with one to three mutations;
/// some are pure garbage.
/// </summary>
internal static class FuzzInputs
{
    public const int BaseSeed = 20_241_122;

    private static readonly string[] SyntaxTokens =
    [
        ":", ": ", "-", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "!!int ", "!!map ", "!<tag:x> ", "---\n", "...\n", "\t", "\t\t",
        "%YAML 1.2\n", "%TAG ! tag:x,2000:\n", "%", "? ", "|\n", "|-\n", ">+\n", "#", "'", "\"", "\n", "\r\n", "\r", " ", "  ", "<<: *a\n", "@", "`", "\\", "~",
    ];

    private static readonly string[] SpecialText =
    [
        "\0", "\uD800", "\uDC00", "\uDBFF\uDFFF", "\uD83D\uDE00", "\uFEFF", "\u2028", "\u2029", "\u0085", "\u202E", "\u200D", "\u200B", "\u0301",
        "\uFFFF", "\uFFFE", "\u000B", "\u000C", "\u001B", "\u007F", "é", "中", "İ", "ß", "\u00A0", "\u3000",
    ];

    private static readonly string[] Values =
    [
        "~", "null", "\"\"", "''", "[]", "{}", "[a, b]", "{a: b}", "[start, end, error, success]", "{start: info, error: error}", "[start, finish]", "[~]",
        "1.0", "\"1.0\"", "1.01", "\"1.10\"", "2.0", "0.0", "99999999999.1", "0", "-1", "1e400", "9223372036854775808", "-9223372036854775809", ".5",
        "true", "false", "yes", "text", "enum", "uuid", "string", "integer", "float", "boolean", "datetime", "ip_address", "mac_address", "flexible_dict",
        "list<", "list<string>", "list<enum>", "dict<enum>", "dict<string?>", "list<list<list<list<list<list<list<list<list<string>>>>>>>>>", "string?", "list<>",
        "\"2024-01-01T00:00:00Z\"", "\"not a date\"", "\"::1\"", "\"1be26c0b-03f2-4d2e-ae87-c02d7f33c123\"",
        "\"\\L\"", "\"a\\rb\"", "\"a\\nb\"", "\"\\N\"", "\"\\0\"", "\"\\x85\"", "\"\\P\"", "\"\\uD800\"", "\"<b>&amp;</b>\"", "\"\\\"quoted\\\"\"", "\"}\"", "\"/*\"",
        "*a", "&a x", "!!str 5", "!!binary AAAA", "|\n  block\n  text\n", ">-\n  folded\n", "info", "warn", "error", "critical", "audit", "sample", "loud",
        "record", "required", "class", "_", "Value", "ObjectInfo", "EventTypes", "All", "a.b", "a.b.c", "x.y-z", "Node", "NODE", "node", "equals", "to_string",
    ];

    private static readonly string[] Keys =
    [
        "namespace", "csharp_namespace", "description", "enums", "objects", "event_types", "version", "versioned", "extends", "csharp_name", "fields", "history",
        "type", "nullable", "default", "since", "removed", "example", "secret", "values", "value", "changes", "exceptions", "name", "field", "kind", "reason", "was",
        "payload", "priority", "statuses", "aliases", "text_priorities", "start", "end", "error", "success", "1.0", "1.1", "2.0",
        "EventTypes", "ObjectInfo", "object_info", "equals", "to_string", "node", "Node", "NODE", "required", "all", "find", "\"a\\nb\"", "\"x\\Ly\"", "\"\"", "\"*\"",
    ];

    private static readonly Func<Random, string, string, (string Name, string Text)>[] Mutations =
    [
        Truncate, FlipChars, DeleteLines, DuplicateLines, SwapLines, Reindent, InsertSyntax, InsertUnicode, ReplaceValue, ReplaceKey, InsertEntry, Splice, CopyBlock,
        OddText, Rename,
    ];

    private static readonly Func<Random, string, string, (string Name, string Text)>[] GentleMutations = [ReplaceValue, ReplaceKey, InsertEntry, OddText, Rename, Rename];

    /// <summary>Pieces of free text (descriptions, history) that mean something to YAML, XML doc comments or C#.</summary>
    private static readonly string[] OddTextPieces =
    [
        "\\L", "\\P", "\\N", "\\r", "\\n", "\\t", "\\0", "\\e", "\\_", "\\x7f", "\\uD83D\\uDE00", "\\\\", "\\\"",
        "<", ">", "&", "&amp;", "</summary>", "<c>", "*/", "/*", "//", "{", "}", "#", "'", "é", "中", " ", "text", "\u00A0",
    ];

    /// <summary>Words of the definition language that a rename must leave alone.</summary>
    private static readonly HashSet<string> Reserved = new(Keys.Concat(Values), StringComparer.Ordinal)
    {
        "list", "dict", "true", "false", "yaml", "language", "server", "schema", "json", "definitions",
    };

    public static FuzzInput Create(int index, IReadOnlyList<(string Name, string Text)> seeds)
    {
        var random = new Random(BaseSeed + index);
        var path = $"/fuzz/input-{index:D5}.yaml";
        if (random.Next(20) == 0)
        {
            return new FuzzInput(index, path, Garbage(random), "garbage");
        }

        var seed = seeds[random.Next(seeds.Count)];

        // Own namespaces keep inputs that share a run from clashing, so a clean input stays clean
        // next to others; one input in ten keeps the seed's names to exercise clashes across files.
        var isolated = random.Next(10) != 0;
        var text = isolated ? Isolate(seed.Text, index) : seed.Text;
        var recipe = new StringBuilder(seed.Name).Append(isolated ? string.Empty : " (shared names)");
        // A third of the inputs get one change that keeps the YAML well formed, so that many still
        // generate and their output gets compiled; the rest get one to three changes of any kind.
        var gentle = random.Next(3) == 0;
        var steps = gentle ? 1 : 1 + random.Next(3);
        for (var i = 0; i < steps; i++)
        {
            var other = seeds[random.Next(seeds.Count)].Text;
            var mutation = gentle ? GentleMutations[random.Next(GentleMutations.Length)] : Mutations[random.Next(Mutations.Length)];
            var (name, mutated) = mutation(random, text, other);
            text = mutated;
            recipe.Append(" > ").Append(name);
        }

        return new FuzzInput(index, path, text, recipe.ToString());
    }

    private static string Isolate(string text, int index) =>
        Regex.Replace(
            Regex.Replace(text, @"^namespace: *(\w+)", m => $"namespace: {m.Groups[1].Value}_f{index}", RegexOptions.Multiline),
            @"^csharp_namespace: *""?([\w.]+)""?", m => $"csharp_namespace: {m.Groups[1].Value}.F{index}", RegexOptions.Multiline);

    private static string Garbage(Random random)
    {
        var builder = new StringBuilder();
        var length = random.Next(600);
        while (builder.Length < length)
        {
            builder.Append(random.Next(10) switch
            {
                < 5 => ((char)random.Next(0x20, 0x7F)).ToString(),
                < 7 => SyntaxTokens[random.Next(SyntaxTokens.Length)],
                < 8 => random.Next(2) == 0 ? "\n" : "  ",
                < 9 => SpecialText[random.Next(SpecialText.Length)],
                _ => ((char)random.Next(0x10000)).ToString(),
            });
        }

        return builder.ToString();
    }

    private static (string, string) Truncate(Random random, string text, string other) =>
        ("truncate", text.Substring(0, random.Next(text.Length + 1)));

    private static (string, string) FlipChars(Random random, string text, string other)
    {
        if (text.Length == 0)
        {
            return ("flip (empty)", text);
        }

        var chars = text.ToCharArray();
        for (var i = random.Next(1, 5); i > 0; i--)
        {
            var at = random.Next(chars.Length);
            chars[at] = random.Next(3) switch
            {
                0 => (char)(chars[at] ^ (1 << random.Next(8))),
                1 => (char)random.Next(0x20, 0x7F),
                _ => (char)random.Next(0x10000),
            };
        }

        return ("flip chars", new string(chars));
    }

    private static (string, string) DeleteLines(Random random, string text, string other)
    {
        var lines = Lines(text);
        var at = random.Next(lines.Count);
        lines.RemoveRange(at, Math.Min(lines.Count - at, 1 + random.Next(3)));
        return ("delete lines", Join(lines));
    }

    private static (string, string) DuplicateLines(Random random, string text, string other)
    {
        var lines = Lines(text);
        var at = random.Next(lines.Count);
        var count = Math.Min(lines.Count - at, 1 + random.Next(5));
        lines.InsertRange(at + count, lines.GetRange(at, count));
        return ("duplicate lines", Join(lines));
    }

    private static (string, string) SwapLines(Random random, string text, string other)
    {
        var lines = Lines(text);
        var a = random.Next(lines.Count);
        var b = random.Next(lines.Count);
        (lines[a], lines[b]) = (lines[b], lines[a]);
        return ("swap lines", Join(lines));
    }

    private static (string, string) Reindent(Random random, string text, string other)
    {
        var lines = Lines(text);
        var at = random.Next(lines.Count);
        var content = lines[at].TrimStart(' ', '\t');
        var indent = lines[at].Length - content.Length;
        lines[at] = random.Next(4) switch
        {
            0 => new string(' ', indent + 1 + random.Next(4)) + content,
            1 => new string(' ', Math.Max(0, indent - 1 - random.Next(4))) + content,
            2 => new string('\t', Math.Max(1, indent / 2)) + content,
            _ => lines[at].Substring(0, indent) + "\t" + content,
        };
        return ("reindent", Join(lines));
    }

    private static (string, string) InsertSyntax(Random random, string text, string other) =>
        ("insert syntax", text.Insert(random.Next(text.Length + 1), SyntaxTokens[random.Next(SyntaxTokens.Length)]));

    private static (string, string) InsertUnicode(Random random, string text, string other)
    {
        var inserted = random.Next(2) == 0 ? SpecialText[random.Next(SpecialText.Length)] : ((char)random.Next(0x10000)).ToString();
        return ("insert unicode", text.Insert(random.Next(text.Length + 1), inserted));
    }

    /// <summary>Replaces what follows the first <c>": "</c> (or <c>"- "</c>) of a line with a value that means something to the definitions.</summary>
    private static (string, string) ReplaceValue(Random random, string text, string other)
    {
        var lines = Lines(text);
        var at = random.Next(lines.Count);
        var separator = lines[at].IndexOf(": ", StringComparison.Ordinal) is var colon and >= 0 ? colon + 2 : lines[at].IndexOf("- ", StringComparison.Ordinal) is var dash and >= 0 ? dash + 2 : -1;
        if (separator < 0)
        {
            return ("replace value (none)", text);
        }

        lines[at] = lines[at].Substring(0, separator) + Value(random, text).Replace("\n", "\n" + new string(' ', separator), StringComparison.Ordinal);
        return ("replace value", Join(lines));
    }

    /// <summary>Replaces the key of a line (the text before its first <c>':'</c>) with a key the definitions know or a name from the file.</summary>
    private static (string, string) ReplaceKey(Random random, string text, string other)
    {
        var lines = Lines(text);
        var at = random.Next(lines.Count);
        var content = lines[at].TrimStart(' ', '-');
        var colon = content.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return ("replace key (none)", text);
        }

        var key = random.Next(3) == 0 ? Name(random, text) : Keys[random.Next(Keys.Length)];
        lines[at] = lines[at].Substring(0, lines[at].Length - content.Length) + key + content.Substring(colon);
        return ("replace key", Join(lines));
    }

    /// <summary>Adds a <c>key: value</c> line next to a line, at its indentation.</summary>
    private static (string, string) InsertEntry(Random random, string text, string other)
    {
        var lines = Lines(text);
        var at = random.Next(lines.Count);
        var indent = lines[at].Length - lines[at].TrimStart(' ').Length;
        lines.Insert(at + 1, new string(' ', indent) + Keys[random.Next(Keys.Length)] + ": " + Value(random, text));
        return ("insert entry", Join(lines));
    }

    private static (string, string) Splice(Random random, string text, string other)
    {
        var head = Lines(text);
        var tail = Lines(other);
        var cut = random.Next(head.Count + 1);
        var from = random.Next(tail.Count + 1);
        return ("splice", Join(head.Take(cut).Concat(tail.Skip(from)).ToList()));
    }

    private static (string, string) CopyBlock(Random random, string text, string other)
    {
        var lines = Lines(text);
        var from = random.Next(lines.Count);
        var block = lines.GetRange(from, Math.Min(lines.Count - from, 1 + random.Next(8)));
        lines.InsertRange(random.Next(lines.Count + 1), block);
        return ("copy block", Join(lines));
    }

    /// <summary>Replaces a description, a history line or a reason with a double-quoted string of odd pieces.</summary>
    private static (string, string) OddText(Random random, string text, string other)
    {
        var matches = Regex.Matches(text, @"^( *(?:description|changes|reason|example): |  *""\d+\.\d+"": )(.*)$", RegexOptions.Multiline);
        if (matches.Count == 0)
        {
            return ("odd text (none)", text);
        }

        var match = matches[random.Next(matches.Count)];
        var odd = new StringBuilder("\"");
        for (var i = random.Next(1, 6); i > 0; i--)
        {
            odd.Append(OddTextPieces[random.Next(OddTextPieces.Length)]);
        }

        return ("odd text", text.Substring(0, match.Groups[2].Index) + odd.Append('"') + text.Substring(match.Groups[2].Index + match.Groups[2].Length));
    }

    /// <summary>Renames a name everywhere it occurs (so references still hold): another case, an added letter, or another name's spelling in another case.</summary>
    private static (string, string) Rename(Random random, string text, string other)
    {
        var names = Regex.Matches(text, @"(?<![\w.])[A-Za-z][A-Za-z0-9_]*(?![\w])").Select(m => m.Value).Where(n => !Reserved.Contains(n)).Distinct().ToList();
        if (names.Count == 0)
        {
            return ("rename (none)", text);
        }

        var name = names[random.Next(names.Count)];
        var renamed = random.Next(6) switch
        {
            0 => name.ToUpperInvariant(),
            1 => name.ToLowerInvariant(),
            2 => (char.IsUpper(name[0]) ? char.ToLowerInvariant(name[0]) : char.ToUpperInvariant(name[0])) + name.Substring(1),
            3 => name + "é",
            4 => name + "_" + random.Next(3),
            _ => names[random.Next(names.Count)].ToUpperInvariant(),
        };
        return ($"rename {name} to {renamed}", Regex.Replace(text, $@"(?<![\w]){Regex.Escape(name)}(?![\w])", renamed));
    }

    private static string Value(Random random, string text) => random.Next(4) == 0 ? Name(random, text) : Values[random.Next(Values.Length)];

    /// <summary>A name that occurs in <paramref name="text"/> (an object, a field, an event type), so that mutations make references and clashes.</summary>
    private static string Name(Random random, string text)
    {
        var names = Regex.Matches(text, @"[A-Za-z_][A-Za-z0-9_.\-]*").Select(m => m.Value).ToList();
        return names.Count == 0 ? "Node" : names[random.Next(names.Count)];
    }

    private static List<string> Lines(string text) => text.Split('\n').ToList();

    private static string Join(List<string> lines) => string.Join("\n", lines);
}
