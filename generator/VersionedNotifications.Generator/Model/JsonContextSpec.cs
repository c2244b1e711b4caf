namespace VersionedNotifications.Generator.Model;

/// <summary>The one JSON context of a compilation: every object's type info, and the contracts the reader needs.</summary>
/// <param name="Namespace">The C# namespace of the context.</param>
/// <param name="TypeName">The context class name, such as <c>OpenStackJsonContext</c>.</param>
/// <param name="Payloads">Every object, with the name of its type-info property.</param>
/// <param name="EventTypeNamespaces">The C# namespaces that have an <c>EventTypes</c> class.</param>
internal sealed record JsonContextSpec(
    string Namespace,
    string TypeName,
    EquatableArray<ContextPayloadSpec> Payloads,
    EquatableArray<string> EventTypeNamespaces);

/// <summary>One object in the JSON context.</summary>
/// <param name="TypeName">The fully qualified record type.</param>
/// <param name="ConverterTypeName">The fully qualified converter type.</param>
/// <param name="PropertyName">The name of its <c>JsonTypeInfo</c> property on the context.</param>
internal sealed record ContextPayloadSpec(string TypeName, string ConverterTypeName, string PropertyName);

/// <summary>What the project says about the context's name: its root namespace, or a full name set explicitly.</summary>
/// <param name="RootNamespace">The <c>RootNamespace</c> build property.</param>
/// <param name="ExplicitName">The <c>VersionedNotificationsJsonContext</c> build property: a full type name.</param>
internal sealed record ContextNaming(string? RootNamespace, string? ExplicitName);
