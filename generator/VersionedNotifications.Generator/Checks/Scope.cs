using System;
using System.Collections.Generic;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Checks;

/// <summary>An object with the file that declares it.</summary>
/// <remarks>
/// A class, compared by reference: the checker keys dictionaries by it, and a record would hash the
/// whole definitions file on every lookup.
/// </remarks>
internal sealed class DeclaredObject
{
    public DeclaredObject(ObjectDefinition definition, DefinitionFile file)
    {
        Definition = definition;
        File = file;
        FullTypeName = "global::" + file.CSharpNamespace + "." + definition.CSharpName;
    }

    public ObjectDefinition Definition { get; }

    public DefinitionFile File { get; }

    public string FullTypeName { get; }
}

/// <summary>A named enum with the file that declares it; compared by reference, as <see cref="DeclaredObject"/>.</summary>
internal sealed class DeclaredEnum
{
    public DeclaredEnum(EnumDefinition definition, DefinitionFile file)
    {
        Definition = definition;
        File = file;
        FullTypeName = "global::" + file.CSharpNamespace + "." + definition.CSharpName;
    }

    public EnumDefinition Definition { get; }

    public DefinitionFile File { get; }

    public string FullTypeName { get; }
}

/// <summary>The objects and enums of one wire namespace: the names that field types, bases and payloads resolve against.</summary>
internal sealed class Scope
{
    public Scope(string wireNamespace) => WireNamespace = wireNamespace;

    public string WireNamespace { get; }

    public Dictionary<string, DeclaredObject> Objects { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, DeclaredEnum> Enums { get; } = new(StringComparer.Ordinal);

    /// <summary>Objects in declaration order (files by path, then file order), for deterministic checks.</summary>
    public List<DeclaredObject> OrderedObjects { get; } = new();

    /// <summary>Objects and enums a file names but could not read: their own file reports why, so their users are not told the name is unknown.</summary>
    public HashSet<string> UnreadNames { get; } = new(StringComparer.Ordinal);

    /// <summary>The object and enum names, sorted, for "did you mean" hints.</summary>
    public IEnumerable<string> TypeNames()
    {
        var names = new List<string>(Objects.Keys);
        names.AddRange(Enums.Keys);
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    /// <summary>The object names, sorted, for "did you mean" hints.</summary>
    public IEnumerable<string> ObjectNames()
    {
        var names = new List<string>(Objects.Keys);
        names.Sort(StringComparer.Ordinal);
        return names;
    }
}
