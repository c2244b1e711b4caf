using System;
using System.Collections.Generic;
using System.Linq;
using VersionedNotifications.Generator.Model;
using VersionedNotifications.Generator.Parsing;

namespace VersionedNotifications.Generator.Emit;

/// <summary>
/// Decides the context's name and the names of its members. The checker reports what clashes (from
/// <see cref="Plan"/>, with the YAML place of each object); the emit step leaves it out, so that the
/// generated context always compiles.
/// </summary>
internal static class JsonContextBuilder
{
    /// <summary>Members of the context (and of <c>JsonSerializerContext</c>) that a payload property must not hide.</summary>
    private static readonly HashSet<string> ReservedNames = new(StringComparer.Ordinal)
    {
        "Default", "Options", "GetTypeInfo", "GeneratedSerializerOptions", "Notification", "EventTypes", "Payloads", "Create", "Concat",
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
    };

    /// <summary>The generated context's private fields, which no property or its field may take either.</summary>
    private static readonly string[] ContextFields = { "s_defaultOptions", "_notification", "s_payloads", "s_eventTypes" };

    /// <summary>What the context will be, and what clashes with it.</summary>
    /// <param name="Spec">The context to emit; null when there is none, or when its own name is taken.</param>
    /// <param name="Clashes">Objects whose property on the context would clash with another member: their full type name and why.</param>
    internal sealed record ContextPlan(JsonContextSpec? Spec, IReadOnlyList<(string ObjectTypeName, string Reason)> Clashes);

    public static JsonContextSpec? Build(GenerationSpec spec, ContextNaming naming) => Plan(spec, naming).Spec;

    public static ContextPlan Plan(GenerationSpec spec, ContextNaming naming)
    {
        if (spec.Objects.IsEmpty)
        {
            return new ContextPlan(null, Array.Empty<(string, string)>());
        }

        var (contextNamespace, typeName) = NameOf(spec.Objects[0].Namespace, naming);
        var fullName = contextNamespace + "." + typeName;
        var clashes = new List<(string ObjectTypeName, string Reason)>();
        var members = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in ReservedNames.Concat(ContextFields))
        {
            members.Add(member, "a member the context has itself");
        }

        var duplicateNames = new HashSet<string>(spec.Objects.GroupBy(o => o.TypeName).Where(g => g.Count() > 1).Select(g => g.Key), StringComparer.Ordinal);
        var payloads = new List<ContextPayloadSpec>(spec.Objects.Count);
        foreach (var o in spec.Objects)
        {
            var property = duplicateNames.Contains(o.TypeName) ? Naming.ToPascalCase(o.Namespace) + o.TypeName : o.TypeName;
            if (ReservedNames.Contains(property) || property == typeName)
            {
                property += "Payload";
            }

            var field = FieldName(property);
            var owner = $"the property of '{o.Namespace}.{o.TypeName}'";
            var holder = property == typeName ? "the name of the context itself"
                : members.TryGetValue(property, out var propertyHolder) ? propertyHolder
                : members.TryGetValue(field, out var fieldHolder) ? fieldHolder
                : null;
            if (holder is not null)
            {
                clashes.Add((o.FullTypeName, $"its property '{property}' on the JSON context '{fullName}' would clash with {holder}"));
                continue;
            }

            members.Add(property, owner);
            members.Add(field, "the field behind " + owner);
            payloads.Add(new ContextPayloadSpec(o.FullTypeName, o.ConverterTypeName, property));
        }

        // Its own name taken by a generated type would give two files one hint name: the checker
        // reports it at that type, and no context is emitted rather than a broken one.
        var generated = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var o in spec.Objects)
        {
            generated.Add(o.Namespace + "." + o.TypeName);
            generated.Add(o.Namespace + "." + ConverterEmitter.TypeNameOf(o.TypeName));
        }

        generated.UnionWith(spec.Enums.Select(e => e.Namespace + "." + e.TypeName));
        generated.UnionWith(spec.EventTypes.Select(e => e.Namespace + "." + EventTypesEmitter.TypeName));
        var eventTypeNamespaces = spec.EventTypes.Select(e => e.Namespace).Distinct().OrderBy(n => n, StringComparer.Ordinal);
        var context = generated.Contains(fullName) || payloads.Count == 0
            ? null
            : new JsonContextSpec(contextNamespace, typeName, payloads.ToEquatableArray(), eventTypeNamespaces.ToEquatableArray());
        return new ContextPlan(context, clashes);
    }

    /// <summary>The private field that caches the type info of the property <paramref name="property"/>.</summary>
    public static string FieldName(string property) => "_" + char.ToLowerInvariant(property[0]) + property.Substring(1);

    /// <summary>
    /// <c>VersionedNotificationsJsonContext</c> when it is a valid full type name; else
    /// <c>&lt;RootNamespace&gt;.&lt;last segment&gt;JsonContext</c>; else <c>NotificationsJsonContext</c>
    /// in <paramref name="firstObjectNamespace"/>, the namespace of the first object.
    /// </summary>
    public static (string Namespace, string TypeName) NameOf(string firstObjectNamespace, ContextNaming naming)
    {
        if (naming.ExplicitName is { Length: > 0 } explicitName && IsQualifiedName(explicitName) && explicitName.Contains('.'))
        {
            var dot = explicitName.LastIndexOf('.');
            return (explicitName.Substring(0, dot), explicitName.Substring(dot + 1));
        }

        if (naming.RootNamespace is { Length: > 0 } root && IsQualifiedName(root))
        {
            var last = root.Substring(root.LastIndexOf('.') + 1);
            return (root, last + "JsonContext");
        }

        return (firstObjectNamespace, "NotificationsJsonContext");
    }

    private static bool IsQualifiedName(string name) => name.Split('.').All(Naming.IsValidIdentifier);
}
