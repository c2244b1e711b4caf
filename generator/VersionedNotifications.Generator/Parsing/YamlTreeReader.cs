using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace VersionedNotifications.Generator.Parsing;

/// <summary>Reads YAML text into a <see cref="YamlTreeNode"/> tree, or says where and why it cannot.</summary>
internal static class YamlTreeReader
{
    /// <summary>Deeper nesting than any definition needs; the limit keeps hostile input from exhausting the stack.</summary>
    private const int MaxDepth = 64;

    /// <summary>
    /// How many nodes all the aliases of a file may stand for together. Definitions use an alias for a
    /// shared description or example, a few nodes each; a "billion laughs" file, aliases of aliases,
    /// stands for billions from a few hundred bytes and would take the build's memory and time.
    /// </summary>
    public const int MaxAliasNodes = 10_000;

    /// <summary>How many characters of scalar text all the aliases of a file may stand for together.</summary>
    public const int MaxAliasCharacters = 1_000_000;

    public sealed class YamlReadException : Exception
    {
        public YamlReadException(string message, Mark start, Mark end)
            : base(message)
        {
            Start = start;
            End = end;
        }

        public Mark Start { get; }

        public Mark End { get; }
    }

    /// <summary>Reads the single document of <paramref name="text"/>; null when the text holds no document.</summary>
    /// <exception cref="YamlReadException">The text is not well-formed YAML, or not of the shape a definitions file can have.</exception>
    public static YamlTreeNode? Read(string text)
    {
        var parser = new TrackingParser(new Parser(new StringReader(text)));
        try
        {
            var anchors = new Anchors();
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, anchors, depth: 0);
            parser.Consume<DocumentEnd>();
            if (!parser.TryConsume<StreamEnd>(out _))
            {
                var next = parser.Current!;
                throw new YamlReadException("a definitions file holds one YAML document; nothing may follow its end", next.Start, next.End);
            }

            return root;
        }
        catch (YamlException e) when (e.Start.Index > 0 || e.End.Index > 0)
        {
            throw new YamlReadException(Describe(e), e.Start, e.End);
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException or FormatException)
        {
            // YamlDotNet sometimes fails without a position (a tab in the indentation) or with an
            // exception of its own making (an unclosed flow mapping, text after "..."). Place the
            // error where it most likely is: the first tab-indented line, the first line of content
            // after a document end marker, else the last token read.
            var reason = e is YamlException yaml ? Describe(yaml) : e.Message;
            var place = FirstTabIndentedLine(text) ?? FirstContentAfterDocumentEnd(text) ?? parser.LastStart;
            throw new YamlReadException(reason, place, place);
        }
    }

    private static Mark? FirstTabIndentedLine(string text) =>
        FirstLine(text, (line, _) => line.TrimStart(' ').StartsWith("\t", StringComparison.Ordinal));

    private static Mark? FirstContentAfterDocumentEnd(string text) =>
        FirstLine(text, (line, previous) => previous is not null && previous.StartsWith("...", StringComparison.Ordinal)
            && line.Trim().Length > 0 && !line.TrimStart().StartsWith("#", StringComparison.Ordinal)
            && !line.StartsWith("---", StringComparison.Ordinal) && !line.StartsWith("%", StringComparison.Ordinal));

    /// <summary>The start of the first line (split at '\n') that <paramref name="matches"/>, given the line before it.</summary>
    private static Mark? FirstLine(string text, Func<string, string?, bool> matches)
    {
        var index = 0;
        var number = 1;
        string? previous = null;
        while (index <= text.Length)
        {
            var end = text.IndexOf('\n', index);
            end = end < 0 ? text.Length : end;
            var line = text.Substring(index, end - index).TrimEnd('\r');
            if (matches(line, previous))
            {
                return new Mark(index, number, 1);
            }

            previous = line;
            index = end + 1;
            number++;
        }

        return null;
    }

    /// <summary>A parser that remembers where the last event it handed out started, for errors that come without a place.</summary>
    private sealed class TrackingParser : IParser
    {
        private readonly IParser _inner;

        public TrackingParser(IParser inner) => _inner = inner;

        public ParsingEvent? Current => _inner.Current;

        public Mark LastStart { get; private set; } = Mark.Empty;

        public bool MoveNext()
        {
            var moved = _inner.MoveNext();
            if (_inner.Current is { } current)
            {
                LastStart = current.Start;
            }

            return moved;
        }
    }

    private static YamlTreeNode ReadNode(IParser parser, Anchors anchors, int depth)
    {
        var current = parser.Current ?? throw new YamlException("unexpected end of the document");
        if (depth > MaxDepth)
        {
            throw new YamlReadException($"nesting deeper than {MaxDepth} levels", current.Start, current.End);
        }

        YamlTreeNode node;
        switch (current)
        {
            case AnchorAlias alias:
                parser.MoveNext();
                if (!anchors.Named.TryGetValue(alias.Value.Value, out var target))
                {
                    throw new YamlReadException($"the alias '*{alias.Value.Value}' names no anchor", alias.Start, alias.End);
                }

                anchors.ExpandedNodes += target.ExpandedNodes;
                anchors.ExpandedCharacters += target.ExpandedCharacters;
                if (anchors.ExpandedNodes > MaxAliasNodes || anchors.ExpandedCharacters > MaxAliasCharacters)
                {
                    throw new YamlReadException(
                        $"the aliases up to '*{alias.Value.Value}' stand for more than {MaxAliasNodes.ToString("N0", CultureInfo.InvariantCulture)} nodes or {MaxAliasCharacters.ToString("N0", CultureInfo.InvariantCulture)} characters of text; write the repeated parts out, or repeat less",
                        alias.Start,
                        alias.End);
                }

                return target;

            case Scalar scalar:
                parser.MoveNext();
                node = new YamlTreeScalar(scalar.Value, scalar.Style == ScalarStyle.Plain && !scalar.IsQuotedImplicit, scalar.Start, scalar.End);
                Remember(anchors, scalar.Anchor, node);
                return node;

            case SequenceStart sequenceStart:
                parser.MoveNext();
                var items = new List<YamlTreeNode>();
                var sequenceEnd = sequenceStart.End;
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    var item = ReadNode(parser, anchors, depth + 1);
                    items.Add(item);
                    sequenceEnd = item.End;
                }

                node = new YamlTreeSequence(items, sequenceStart.Start, sequenceEnd);
                Remember(anchors, sequenceStart.Anchor, node);
                return node;

            case MappingStart mappingStart:
                parser.MoveNext();
                var entries = new List<KeyValuePair<YamlTreeScalar, YamlTreeNode>>();
                var end = mappingStart.End;
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var keyNode = ReadNode(parser, anchors, depth + 1);
                    if (keyNode is not YamlTreeScalar key)
                    {
                        throw new YamlReadException("mapping keys must be plain names, not " + keyNode.Kind, keyNode.Start, keyNode.End);
                    }

                    var value = ReadNode(parser, anchors, depth + 1);
                    entries.Add(new KeyValuePair<YamlTreeScalar, YamlTreeNode>(key, value));
                    end = value.End;
                }

                node = new YamlTreeMapping(entries, mappingStart.Start, end);
                Remember(anchors, mappingStart.Anchor, node);
                return node;

            default:
                throw new YamlReadException("unexpected " + current.GetType().Name, current.Start, current.End);
        }
    }

    private static void Remember(Anchors anchors, AnchorName anchor, YamlTreeNode node)
    {
        if (!anchor.IsEmpty)
        {
            anchors.Named[anchor.Value] = node;
        }
    }

    /// <summary>The anchors met so far, and how much the aliases read so far stand for.</summary>
    private sealed class Anchors
    {
        public Dictionary<string, YamlTreeNode> Named { get; } = new(StringComparer.Ordinal);

        public long ExpandedNodes { get; set; }

        public long ExpandedCharacters { get; set; }
    }

    private static string Describe(YamlException e)
    {
        // YamlDotNet prefixes its messages with "(Line: 3, Col: 1, Idx: 20) - (…): "; the diagnostic
        // carries the place already, so keep only the reason.
        var message = e.Message;
        var separator = message.LastIndexOf("): ", StringComparison.Ordinal);
        return separator >= 0 && message.StartsWith("(", StringComparison.Ordinal) ? message.Substring(separator + 3) : message;
    }
}
