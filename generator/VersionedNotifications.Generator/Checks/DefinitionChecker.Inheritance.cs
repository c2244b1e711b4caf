using System;
using System.Collections.Generic;
using System.Linq;
using VersionedNotifications.Generator.Diagnostics;
using VersionedNotifications.Generator.Parsing;

namespace VersionedNotifications.Generator.Checks;

internal sealed partial class DefinitionChecker
{
    /// <summary>
    /// The longest chain of <c>extends</c> the generator takes (the other limits: DefinitionChecker.Limits.cs). A derived record's converter reads and
    /// writes every field of its bases, so the generated code of a chain grows with the square of its
    /// length; OpenStack's deepest chains have three levels.
    /// </summary>
    public const int MaxExtendsDepth = 16;

    /// <summary>Resolves every <c>extends</c>; unknown bases and cycles are reported and dropped.</summary>
    private Dictionary<DeclaredObject, DeclaredObject> ResolveBases()
    {
        var bases = new Dictionary<DeclaredObject, DeclaredObject>();
        foreach (var scope in _scopes.Values)
        {
            foreach (var declared in scope.OrderedObjects)
            {
                var definition = declared.Definition;
                if (definition.Extends is null)
                {
                    continue;
                }

                if (!scope.Objects.TryGetValue(definition.Extends, out var baseObject))
                {
                    if (!scope.UnreadNames.Contains(definition.Extends))
                    {
                        Report(DiagnosticDescriptors.UnknownBaseObject, definition.ExtendsLocation!, definition.Name, definition.Extends, scope.WireNamespace, NameSuggestions.Hint(definition.Extends, scope.ObjectNames()));
                    }

                    continue;
                }

                bases.Add(declared, baseObject);
            }
        }

        RemoveCycles(bases);
        return bases;
    }

    /// <summary>
    /// Finds each cycle of <c>extends</c> once, in one pass over the objects (each has one base at most,
    /// so every walk ends on an object already seen), and reports it at its first object in file
    /// order, whose <c>extends</c> is then dropped.
    /// </summary>
    private void RemoveCycles(Dictionary<DeclaredObject, DeclaredObject> bases)
    {
        var order = bases.Keys.OrderBy(d => d.File.Path, StringComparer.Ordinal).ThenBy(d => d.Definition.Name, StringComparer.Ordinal).ToList();
        var rank = order.Select((declared, index) => (declared, index)).ToDictionary(p => p.declared, p => p.index);

        // The walk that first reached each object; an object met again in the same walk closes a cycle.
        var walkOf = new Dictionary<DeclaredObject, int>();
        for (var walk = 0; walk < order.Count; walk++)
        {
            var path = new List<DeclaredObject>();
            var current = order[walk];
            while (!walkOf.ContainsKey(current))
            {
                walkOf.Add(current, walk);
                path.Add(current);
                if (!bases.TryGetValue(current, out current!))
                {
                    break;
                }
            }

            if (current is null || walkOf[current] != walk)
            {
                continue;
            }

            var cycle = path.Skip(path.IndexOf(current)).ToList();
            var first = cycle.OrderBy(d => rank[d]).First();
            var start = cycle.IndexOf(first);
            var names = cycle.Skip(start).Concat(cycle.Take(start)).Select(d => d.Definition.Name).Append(first.Definition.Name);
            Report(DiagnosticDescriptors.Cycle, first.Definition.ExtendsLocation!, $"Object '{first.Definition.Name}' extends itself", string.Join(" extends ", names));
            bases.Remove(first);
        }
    }

    /// <summary>Drops (reported) the base of every object more than <see cref="MaxExtendsDepth"/> levels down a chain.</summary>
    private void LimitExtendsDepth()
    {
        // Depths are found from the top of each chain down, so each object is measured once.
        var depths = new Dictionary<DeclaredObject, int>();
        var tooDeep = new List<(DeclaredObject Declared, int Depth)>();
        foreach (var declared in _bases.Keys)
        {
            var pending = new Stack<DeclaredObject>();
            var current = declared;
            while (!depths.ContainsKey(current) && _bases.TryGetValue(current, out var baseObject))
            {
                pending.Push(current);
                current = baseObject;
            }

            var depth = depths.TryGetValue(current, out var known) ? known : 0;
            while (pending.Count > 0)
            {
                var next = pending.Pop();
                depth++;
                depths.Add(next, depth);
                if (depth > MaxExtendsDepth)
                {
                    tooDeep.Add((next, depth));
                }
            }
        }

        foreach (var (declared, depth) in tooDeep.OrderBy(d => d.Declared.File.Path, StringComparer.Ordinal).ThenBy(d => d.Declared.Definition.Location.TextSpan.Start))
        {
            Report(
                DiagnosticDescriptors.LimitExceeded,
                declared.Definition.ExtendsLocation!,
                $"Object '{declared.Definition.Name}' is {depth} levels down a chain of extends; the generator takes at most {MaxExtendsDepth}, since each level repeats the fields of all the levels above it in its converter");
            _bases.Remove(declared);
        }
    }
}
