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

    /// <summary>
    /// How many nodes the node stands for once every alias in it is replaced by what it names: what a
    /// reader that walks the tree (the literal reader, the docs) will visit. Aliases share their
    /// target, so a few lines can stand for billions of nodes; the tree reader keeps this small.
    /// </summary>
    public long ExpandedNodes { get; protected set; } = 1;

    /// <summary>How many characters of scalar text the node stands for once its aliases are expanded.</summary>
    public long ExpandedCharacters { get; protected set; }

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
        ExpandedCharacters = value.Length;
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
        foreach (var entry in entries)
        {
            ExpandedNodes += entry.Key.ExpandedNodes + entry.Value.ExpandedNodes;
            ExpandedCharacters += entry.Key.ExpandedCharacters + entry.Value.ExpandedCharacters;
        }
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
        foreach (var item in items)
        {
            ExpandedNodes += item.ExpandedNodes;
            ExpandedCharacters += item.ExpandedCharacters;
        }
    }

    public IReadOnlyList<YamlTreeNode> Items { get; }

    public override string Kind => "a list";
}
