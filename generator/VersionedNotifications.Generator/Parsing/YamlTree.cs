using System.Collections.Generic;
using YamlDotNet.Core;

namespace VersionedNotifications.Generator.Parsing;

/// <summary>
/// A minimal YAML tree that keeps the start and end of every node and every mapping entry in the
/// order written, duplicates included, so that the definition reader can name exact places.
/// It lives only inside one parse call and never reaches the pipeline's models.
/// </summary>
internal abstract class YamlTreeNode
{
    protected YamlTreeNode(Mark start, Mark end)
    {
        Start = start;
        End = end;
    }

    public Mark Start { get; }

    public Mark End { get; }

    /// <summary>What the node is, for messages: "a mapping", "a list", "a scalar".</summary>
    public abstract string Kind { get; }
}

internal sealed class YamlTreeScalar : YamlTreeNode
{
    public YamlTreeScalar(string value, bool isPlain, Mark start, Mark end)
        : base(start, end)
    {
        Value = value;
        IsPlain = isPlain;
    }

    public string Value { get; }

    /// <summary>Whether the scalar was written without quotes, so that <c>null</c>, <c>true</c> and numbers keep their YAML meaning.</summary>
    public bool IsPlain { get; }

    /// <summary>An unquoted <c>~</c>, <c>null</c> or nothing at all.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Kind => "a scalar";
}

internal sealed class YamlTreeMapping : YamlTreeNode
{
    public YamlTreeMapping(List<KeyValuePair<YamlTreeScalar, YamlTreeNode>> entries, Mark start, Mark end)
        : base(start, end)
    {
        Entries = entries;
    }

    public IReadOnlyList<KeyValuePair<YamlTreeScalar, YamlTreeNode>> Entries { get; }

    public override string Kind => "a mapping";
}

internal sealed class YamlTreeSequence : YamlTreeNode
{
    public YamlTreeSequence(List<YamlTreeNode> items, Mark start, Mark end)
        : base(start, end)
    {
        Items = items;
    }

    public IReadOnlyList<YamlTreeNode> Items { get; }

    public override string Kind => "a list";
}
