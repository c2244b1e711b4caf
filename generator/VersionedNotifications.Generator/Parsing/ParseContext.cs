using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using VersionedNotifications.Generator.Diagnostics;
using VersionedNotifications.Generator.Model;
using YamlDotNet.Core;

namespace VersionedNotifications.Generator.Parsing;

/// <summary>
/// What the readers of one definitions file share: the file, the diagnostics reported so far, and the
/// helpers that turn YAML nodes into places and single values. Each reader reports here, on the YAML line.
/// </summary>
internal sealed class ParseContext
{
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly List<string> _unreadNames = new();
    private readonly SourceText _text;

    public ParseContext(string path, string text, CancellationToken cancellationToken)
    {
        Path = path;
        _text = SourceText.From(text);
        CancellationToken = cancellationToken;
    }

    /// <summary>The file path, as the compiler was given it.</summary>
    public string Path { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>Whether an error has been reported: the file's declarations may be incomplete.</summary>
    public bool HasErrors { get; private set; }

    public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

    /// <summary>Objects and enums named in the file whose definitions could not be read (see <see cref="DefinitionFile.UnreadNames"/>).</summary>
    public IReadOnlyList<string> UnreadNames => _unreadNames;

    public LocationInfo FileStart => LocationInfo.StartOf(Path);

    public void Report(DiagnosticDescriptor descriptor, YamlTreeNode node, params string[] args) =>
        Report(descriptor, LocationOf(node), args);

    public void Report(DiagnosticDescriptor descriptor, LocationInfo location, params string[] args)
    {
        HasErrors |= descriptor.DefaultSeverity == DiagnosticSeverity.Error;
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, args));
    }

    public void MarkUnread(string name) => _unreadNames.Add(name);

    public LocationInfo LocationOf(YamlTreeNode node) => LocationOf(node.Start, node.End);

    /// <summary>
    /// A YAML span as a place in the file. Lines and columns come from the character offsets, with
    /// the compiler's own idea of a line break ('\r' and U+2028 end lines in C#, not in YAML), and
    /// are clamped to the text: YamlDotNet places some errors past the end of the file.
    /// </summary>
    public LocationInfo LocationOf(Mark start, Mark end) => LocationOf((int)Math.Min(start.Index, int.MaxValue), (int)Math.Min(end.Index, int.MaxValue));

    /// <summary>The place from the character offset <paramref name="start"/> to <paramref name="end"/>, clamped to the text.</summary>
    public LocationInfo LocationOf(int start, int end)
    {
        var startIndex = Math.Min(Math.Max(0, start), _text.Length);
        var endIndex = Math.Min(Math.Max(startIndex, end), _text.Length);
        var span = TextSpan.FromBounds(startIndex, endIndex);
        return new LocationInfo(Path, span, _text.Lines.GetLinePositionSpan(span));
    }

    /// <summary>The text of a single value; null (reported) for a list or a mapping, null for an empty value.</summary>
    public string? ScalarText(YamlTreeNode node, string what)
    {
        if (node is YamlTreeScalar scalar)
        {
            return scalar.IsNull ? null : scalar.Value;
        }

        Report(DiagnosticDescriptors.InvalidValue, node, what, $"expected a single value, found {node.Kind}");
        return null;
    }

    /// <summary>The text of a scalar that must have a value: an empty or null value is reported.</summary>
    public string? RequiredScalar(YamlTreeNode node, string what)
    {
        if (node is YamlTreeScalar { IsNull: true })
        {
            Report(DiagnosticDescriptors.InvalidValue, node, what, "a value is needed here, found nothing");
            return null;
        }

        return ScalarText(node, what);
    }

    /// <summary>A <c>major.minor</c> version, read as written (an unquoted <c>1.10</c> stays 1.10).</summary>
    public ObjectVersion? ReadVersion(YamlTreeNode node, string key)
    {
        var text = RequiredScalar(node, key);
        if (text is null)
        {
            return null;
        }

        if (ObjectVersion.TryParse(text, out var version))
        {
            return version;
        }

        Report(DiagnosticDescriptors.InvalidValue, node, key, $"'{text}' is not a version of the form major.minor, such as \"1.16\"");
        return null;
    }

    /// <summary>A field type expression; null (reported) when it does not parse.</summary>
    public TypeReference? ReadType(YamlTreeNode node)
    {
        var text = RequiredScalar(node, "type");
        if (text is null)
        {
            return null;
        }

        var type = TypeExpressionParser.Parse(text, out var error);
        if (type is null)
        {
            Report(DiagnosticDescriptors.InvalidValue, node, "type", $"'{text}' is not a type expression: {error}");
        }

        return type;
    }

    /// <summary>A C# type name made from <paramref name="wireName"/>; null (reported) when C# cannot have it.</summary>
    public string? ValidTypeName(string wireName, string csharpName, YamlTreeNode at, string hint)
    {
        if (!Naming.IsValidIdentifier(csharpName) || Naming.IsValidTypeName(csharpName))
        {
            return ValidIdentifier(wireName, csharpName, at, hint);
        }

        Report(DiagnosticDescriptors.InvalidIdentifier, at, wireName, csharpName, ": a type name of lower case letters only is reserved by C# for keywords such as 'required', 'file' and 'record'" + hint);
        return null;
    }

    /// <summary>A C# member name made from <paramref name="wireName"/>; null (reported) when it is not an identifier.</summary>
    public string? ValidIdentifier(string wireName, string csharpName, YamlTreeNode at, string hint)
    {
        if (Naming.IsValidIdentifier(csharpName))
        {
            return csharpName;
        }

        Report(DiagnosticDescriptors.InvalidIdentifier, at, wireName, csharpName, hint);
        return null;
    }
}
