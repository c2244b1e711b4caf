using System;
using System.Collections.Generic;
using System.Linq;
using VersionedNotifications.Generator.Diagnostics;
using VersionedNotifications.Generator.Model;
using VersionedNotifications.Generator.Parsing;

namespace VersionedNotifications.Generator.Checks;

internal sealed partial class DefinitionChecker
{
    /// <summary>Members of every generated <c>EventTypes</c> class; a top-level segment cannot take these names.</summary>
    private static readonly HashSet<string> EventTypesMemberNames = new(StringComparer.Ordinal) { "EventTypes", "All", "TryGet", "Find" };

    /// <summary>Members every class inherits from <see cref="object"/>; a nested class or member of that name would hide them.</summary>
    private static readonly HashSet<string> ObjectMemberNames = new(StringComparer.Ordinal)
    {
        "Equals", "GetHashCode", "GetType", "ToString", "ReferenceEquals", "MemberwiseClone", "Finalize",
    };

    private sealed class PathNode
    {
        public Dictionary<string, PathNode> Classes { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, EventDefinition> Leaves { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>Binds the event types of each C# namespace into its <c>EventTypes</c> class.</summary>
    private EquatableArray<EventTypesSpec> BindEventTypes(List<DefinitionFile> files)
    {
        var result = new List<EventTypesSpec>();

        // An event_type on the wire means one thing, whichever C# namespace declares it.
        var names = new Dictionary<string, EventDefinition>(StringComparer.Ordinal);
        foreach (var group in files.Where(f => !f.Events.IsEmpty).GroupBy(f => f.CSharpNamespace!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var root = new PathNode();
            var events = new List<EventTypeSpec>();
            foreach (var file in group)
            {
                var scope = _scopes[file.WireNamespace!];
                foreach (var definition in file.Events)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    var spec = BindEventType(scope, definition, names, root);
                    if (spec is not null)
                    {
                        events.Add(spec);
                    }
                }
            }

            if (events.Count > 0 && ClaimTypeName(group.Key, "EventTypes", group.First().NamespaceLocation, "the generated EventTypes class"))
            {
                result.Add(new EventTypesSpec(group.Key, events.OrderBy(e => e.Name, StringComparer.Ordinal).ToEquatableArray()));
            }
        }

        return result.ToEquatableArray();
    }

    private EventTypeSpec? BindEventType(Scope scope, EventDefinition definition, Dictionary<string, EventDefinition> names, PathNode root)
    {
        string payloadType;
        if (definition.Payload == EventDefinition.TextPayload)
        {
            payloadType = "string";
        }
        else if (scope.Objects.TryGetValue(definition.Payload, out var payload))
        {
            payloadType = payload.FullTypeName;
        }
        else
        {
            if (!scope.UnreadNames.Contains(definition.Payload))
            {
                Report(DiagnosticDescriptors.UnknownPayloadObject, definition.PayloadLocation, definition.Name, definition.Payload, scope.WireNamespace, NameSuggestions.Hint(definition.Payload, scope.ObjectNames()));
            }

            return null;
        }

        var own = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in new[] { definition.Name }.Concat(definition.Aliases))
        {
            var what = name == definition.Name ? "Event type" : "Event type alias";
            if (names.TryGetValue(name, out var first))
            {
                Report(DiagnosticDescriptors.DuplicateName, definition.Location, what, name, $" (first at {Where(first.Location)})");
                return null;
            }

            if (!own.Add(name))
            {
                Report(DiagnosticDescriptors.DuplicateName, definition.Location, what, name, $" in the names of event type '{definition.Name}'");
                return null;
            }
        }

        var path = definition.Name.Split('.').Select(Naming.ToPascalCase).ToArray();
        if (!ClaimPath(root, path, definition))
        {
            return null;
        }

        names.Add(definition.Name, definition);
        foreach (var alias in definition.Aliases)
        {
            names.Add(alias, definition);
        }

        return new EventTypeSpec(
            definition.Name,
            path.ToEquatableArray(),
            definition.Priority.ToString(),
            payloadType,
            definition.Payload,
            definition.Aliases,
            definition.TextPriorities.Select(p => p.ToString()).ToEquatableArray(),
            definition.Description);
    }

    /// <summary>
    /// Places the event type in the nested classes of <c>EventTypes</c>. C# cannot have a class and a
    /// member of the same name side by side, nor a class named like the class it sits in.
    /// </summary>
    private bool ClaimPath(PathNode root, string[] path, EventDefinition definition)
    {
        string? problem = null;
        var node = root;
        for (var i = 0; i < path.Length && problem is null; i++)
        {
            var segment = path[i];
            var parent = i == 0 ? "EventTypes" : path[i - 1];
            var isLeaf = i == path.Length - 1;
            if (segment.Length > GeneratedNames.MaxIdentifierLength)
            {
                problem = $"the C# name '{GeneratedNames.Shorten(segment)}' made from it has {segment.Length} characters; the generator takes at most {GeneratedNames.MaxIdentifierLength}";
            }
            else if (!Naming.IsValidIdentifier(segment))
            {
                problem = $"the C# name '{segment}' made from it is not a valid identifier";
            }
            else if (segment == parent)
            {
                problem = $"the C# name '{segment}' is the name of the class '{parent}' it would sit in";
            }
            else if (ObjectMemberNames.Contains(segment))
            {
                problem = $"the C# name '{segment}' would hide the member '{segment}' every class has";
            }
            else if (i == 0 && EventTypesMemberNames.Contains(segment))
            {
                problem = $"the C# name '{segment}' would clash with the member '{segment}' of the generated EventTypes class";
            }
            else if (isLeaf ? node.Classes.ContainsKey(segment) : node.Leaves.ContainsKey(segment))
            {
                var other = isLeaf ? "other event types begin with it" : $"'{node.Leaves[segment].Name}' is an event type of its own";
                problem = $"'{string.Join(".", path.Take(i + 1))}' would be both a class and a member in the generated EventTypes ({other})";
            }
            else if (isLeaf && node.Leaves.TryGetValue(segment, out var sibling))
            {
                problem = $"it gives the same C# name as '{sibling.Name}'";
            }
            else if (!isLeaf)
            {
                // Only look while checking: a path that fails must leave no classes behind.
                node = node.Classes.TryGetValue(segment, out var child) ? child : new PathNode();
            }
        }

        if (problem is not null)
        {
            Report(DiagnosticDescriptors.InvalidEventType, definition.Location, definition.Name, problem);
            return false;
        }

        node = root;
        foreach (var segment in path.Take(path.Length - 1))
        {
            if (!node.Classes.TryGetValue(segment, out var child))
            {
                child = new PathNode();
                node.Classes.Add(segment, child);
            }

            node = child;
        }

        node.Leaves.Add(path[path.Length - 1], definition);
        return true;
    }
}
