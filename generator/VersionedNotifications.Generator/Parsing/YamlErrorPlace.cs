using System;
using System.Collections.Generic;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Parsing;

/// <summary>
/// Finds the real place and reason of a YAML error that is about indentation. YamlDotNet says "did not find
/// expected key" on the line after an over-indented first key of a mapping (the line that is right), and
/// "found invalid mapping" for a key indented under a key that has a value already. Looking at the indentation
/// of the lines around the error tells which line is out of line; the error then names that line and says
/// "indentation".
/// </summary>
internal static class YamlErrorPlace
{
    /// <summary>The place and reason when <paramref name="error"/> is an indentation slip; null to keep YamlDotNet's own.</summary>
    public static (LocationInfo Location, string Reason)? Find(ParseContext context, string text, YamlTreeReader.YamlReadException error)
    {
        var isMissingKey = error.Message.IndexOf("did not find expected key", StringComparison.Ordinal) >= 0;
        var isInvalidMapping = error.Message.IndexOf("found invalid mapping", StringComparison.Ordinal) >= 0;
        if (!isMissingKey && !isInvalidMapping)
        {
            return null;
        }

        var lines = Line.Split(text);
        var at = LineAt(lines, (int)Math.Min(error.Start.Index, int.MaxValue));
        var previous = at is null ? null : PreviousContent(lines, at.Number);
        if (at is null || previous is null || !at.IsPlainKey || !previous.IsPlainKey)
        {
            return null;
        }

        if (at.Indent > previous.Indent)
        {
            // Deeper than the key above, which has its value already: this line is out of line.
            return previous.HasInlineValue
                ? Blame(context, at, $"'{at.Key}' is indented {Spaces(at.Indent)}, {Spaces(at.Indent - previous.Indent)} more than '{previous.Key}' on the line above, which has its value already; line it up with the keys of its mapping")
                : null;
        }

        if (!isMissingKey || at.Indent == previous.Indent)
        {
            return null;
        }

        // Shallower than the key above and deeper than the key that opened that key's mapping: one of the two
        // is out of line. The file's indentation step tells which (a first key one space too deep is the common slip).
        var first = FirstOfRun(lines, previous);
        var opener = PreviousContent(lines, first.Number);
        if (opener is null || at.Indent <= opener.Indent)
        {
            return null;
        }

        var step = IndentationStep(lines);
        if (first == previous && previous.Indent != opener.Indent + step && at.Indent == opener.Indent + step)
        {
            return Blame(context, previous, $"'{previous.Key}' is indented {Spaces(previous.Indent)}, but '{at.Key}' after it, a key of the same mapping under '{opener.Key}', is indented {Spaces(at.Indent)}; line them up");
        }

        return Blame(context, at, $"'{at.Key}' is indented {Spaces(at.Indent)}, which lines up with no key above it ('{previous.Key}' is at {Spaces(previous.Indent)}, '{opener.Key}' at {Spaces(opener.Indent)}); line it up with the keys of its mapping");
    }

    private static (LocationInfo, string) Blame(ParseContext context, Line line, string reason) =>
        (context.LocationOf(line.Start + line.Indent, line.Start + line.Text.TrimEnd().Length), "indentation: " + reason);

    private static string Spaces(int count) => count == 1 ? "1 space" : count + " spaces";

    private static Line? LineAt(List<Line> lines, int index)
    {
        foreach (var line in lines)
        {
            if (index >= line.Start && index <= line.Start + line.Text.Length)
            {
                return line.IsContent ? line : null;
            }
        }

        return null;
    }

    private static Line? PreviousContent(List<Line> lines, int number)
    {
        for (var i = number - 1; i >= 0; i--)
        {
            if (lines[i].IsContent)
            {
                return lines[i];
            }
        }

        return null;
    }

    /// <summary>The first line of the run of keys at <paramref name="line"/>'s indentation that ends with it.</summary>
    private static Line FirstOfRun(List<Line> lines, Line line)
    {
        var first = line;
        for (var i = line.Number - 1; i >= 0; i--)
        {
            if (!lines[i].IsContent)
            {
                continue;
            }

            if (lines[i].Indent != line.Indent)
            {
                break;
            }

            first = lines[i];
        }

        return first;
    }

    /// <summary>The smallest indentation of any line: the step the file nests by (2 unless it says otherwise).</summary>
    private static int IndentationStep(List<Line> lines)
    {
        var step = int.MaxValue;
        foreach (var line in lines)
        {
            if (line.IsContent && line.Indent > 0)
            {
                step = Math.Min(step, line.Indent);
            }
        }

        return step == int.MaxValue ? 2 : step;
    }

    /// <summary>One line of the text (split at '\n') and what its indentation says.</summary>
    private sealed class Line
    {
        private Line(int number, int start, string text)
        {
            Number = number;
            Start = start;
            Text = text;
            Indent = text.Length - text.TrimStart(' ').Length;
            var content = text.Substring(Indent).TrimEnd();
            IsContent = content.Length > 0 && content[0] != '#';
            var colon = content.IndexOf(": ", StringComparison.Ordinal);
            var endsWithColon = content.EndsWith(":", StringComparison.Ordinal);
            Key = colon > 0 ? content.Substring(0, colon) : endsWithColon ? content.Substring(0, content.Length - 1) : content;

            // Only block-mapping lines written with spaces are judged; lists, flow collections and tabs are left to YamlDotNet.
            IsPlainKey = IsContent && (colon > 0 || endsWithColon) && content[0] is not ('-' or '[' or '{' or '?') && text.IndexOf('\t') < 0;
            HasInlineValue = colon > 0 && content.Substring(colon + 1).Trim().Length > 0 && content.Substring(colon + 1).Trim()[0] != '#';
        }

        /// <summary>The 0-based line number.</summary>
        public int Number { get; }

        /// <summary>The offset of the line's first character in the text.</summary>
        public int Start { get; }

        public string Text { get; }

        public int Indent { get; }

        /// <summary>Whether the line holds more than spaces and a comment.</summary>
        public bool IsContent { get; }

        public bool IsPlainKey { get; }

        public string Key { get; }

        /// <summary>Whether the key's value is on the same line (<c>id: uuid</c>), not below it (<c>fields:</c>).</summary>
        public bool HasInlineValue { get; }

        public static List<Line> Split(string text)
        {
            var lines = new List<Line>();
            var start = 0;
            while (start <= text.Length)
            {
                var end = text.IndexOf('\n', start);
                end = end < 0 ? text.Length : end;
                lines.Add(new Line(lines.Count, start, text.Substring(start, end - start).TrimEnd('\r')));
                start = end + 1;
            }

            return lines;
        }
    }
}
