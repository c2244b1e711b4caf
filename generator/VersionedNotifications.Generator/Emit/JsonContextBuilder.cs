using System;
using System.Collections.Generic;
using System.Linq;
using VersionedNotifications.Generator.Model;
using VersionedNotifications.Generator.Parsing;

namespace VersionedNotifications.Generator.Emit;

/// <summary>Decides the context's name and the names of its properties.</summary>
internal static class JsonContextBuilder
{
    /// <summary>Members of the context (and of <c>JsonSerializerContext</c>) that a payload property must not hide.</summary>
    private static readonly HashSet<string> ReservedNames = new(StringComparer.Ordinal)
    {
        "Default", "Options", "GetTypeInfo", "GeneratedSerializerOptions", "Notification", "EventTypes", "Payloads",
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
    };

    public static JsonContextSpec? Build(GenerationSpec spec, ContextNaming naming)
    {
        if (spec.Objects.IsEmpty)
        {
            return null;
        }

        var (contextNamespace, typeName) = NameOf(spec, naming);
        var duplicateNames = new HashSet<string>(spec.Objects.GroupBy(o => o.TypeName).Where(g => g.Count() > 1).Select(g => g.Key), StringComparer.Ordinal);
        var payloads = spec.Objects.Select(o =>
        {
            var property = duplicateNames.Contains(o.TypeName) ? Naming.ToPascalCase(o.Namespace) + o.TypeName : o.TypeName;
            if (ReservedNames.Contains(property) || property == typeName)
            {
                property += "Payload";
            }

            return new ContextPayloadSpec(o.FullTypeName, o.ConverterTypeName, property);
        });
        var eventTypeNamespaces = spec.EventTypes.Select(e => e.Namespace).Distinct().OrderBy(n => n, StringComparer.Ordinal);
        return new JsonContextSpec(contextNamespace, typeName, payloads.ToEquatableArray(), eventTypeNamespaces.ToEquatableArray());
    }

    /// <summary>
    /// <c>VersionedNotificationsJsonContext</c> when it is a valid full type name; else
    /// <c>&lt;RootNamespace&gt;.&lt;last segment&gt;JsonContext</c>; else <c>NotificationsJsonContext</c>
    /// in the namespace of the first object.
    /// </summary>
    private static (string Namespace, string TypeName) NameOf(GenerationSpec spec, ContextNaming naming)
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

        return (spec.Objects[0].Namespace, "NotificationsJsonContext");
    }

    private static bool IsQualifiedName(string name) => name.Split('.').All(Naming.IsValidIdentifier);
}
