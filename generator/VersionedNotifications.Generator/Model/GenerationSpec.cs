namespace VersionedNotifications.Generator.Model;

/// <summary>
/// Everything to emit, after the checks, as C#-ready data. It holds no locations, so an edit that
/// only moves text around (a comment, a blank line) leaves it equal and nothing is re-emitted.
/// </summary>
internal sealed record GenerationSpec(
    EquatableArray<ObjectSpec> Objects,
    EquatableArray<EnumSpec> Enums,
    EquatableArray<EventTypesSpec> EventTypes)
{
    public static readonly GenerationSpec Empty = new(EquatableArray<ObjectSpec>.Empty, EquatableArray<EnumSpec>.Empty, EquatableArray<EventTypesSpec>.Empty);

    public bool IsEmpty => Objects.IsEmpty && Enums.IsEmpty && EventTypes.IsEmpty;
}

/// <summary>One payload or nested object record to emit.</summary>
/// <param name="Namespace">The C# namespace.</param>
/// <param name="TypeName">The C# type name.</param>
/// <param name="WireName">The object name on the wire.</param>
/// <param name="WireNamespace">The object namespace on the wire.</param>
/// <param name="Version">The current version.</param>
/// <param name="KnownVersions">Every version in the history, oldest first.</param>
/// <param name="IsVersioned">Whether the wire wraps it in <c>&lt;ns&gt;_object.*</c> keys.</param>
/// <param name="BaseType">The fully qualified base record, if it extends one.</param>
/// <param name="IsSealed">False when another object extends this one.</param>
/// <param name="Description">What the object is.</param>
/// <param name="History">One line per version, "1.1: what changed".</param>
/// <param name="Properties">The object's own properties, in definition order.</param>
/// <param name="InheritedProperties">The properties of its base objects, farthest base first: the converter reads and writes them too.</param>
internal sealed record ObjectSpec(
    string Namespace,
    string TypeName,
    string WireName,
    string WireNamespace,
    string Version,
    EquatableArray<string> KnownVersions,
    bool IsVersioned,
    string? BaseType,
    bool IsSealed,
    string? Description,
    EquatableArray<string> History,
    EquatableArray<PropertySpec> Properties,
    EquatableArray<PropertySpec> InheritedProperties)
{
    /// <summary>
    /// Whether every base on the chain says which of its base's versions each of its versions contains
    /// (<c>base_versions</c>), so that <see cref="InheritedProperties"/> carry their <c>Since</c> on this object's scale.
    /// </summary>
    public bool InheritedSinceKnown { get; init; }

    /// <summary>
    /// The wire names of its fields in the order oslo.versionedobjects writes them: the object's own fields as
    /// declared (an inherited field declared again among them, at its place there), then its base's order without
    /// those (<c>_make_class_properties</c> copies the class's own <c>fields</c> and then adds each superclass's
    /// missing ones, nearest first). Empty for an object without a base, and for a plain (unversioned) object, whose
    /// base's fields come first, as a dict the code updates with the derived keys has them.
    /// </summary>
    public EquatableArray<string> WireOrder { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The fully qualified record type.</summary>
    public string FullTypeName => "global::" + Namespace + "." + TypeName;

    /// <summary>The fully qualified generated converter type.</summary>
    public string ConverterTypeName => FullTypeName + "JsonConverter";
}

/// <summary>One property of a generated record.</summary>
/// <param name="Name">The C# property name.</param>
/// <param name="WireName">The field name on the wire.</param>
/// <param name="Type">The fully qualified C# type, with <c>?</c> when nullable.</param>
/// <param name="IsRequired">Whether the property is <c>required</c> (not nullable and no default).</param>
/// <param name="Initializer">The C# expression of the default, if any.</param>
/// <param name="Description">What the field holds.</param>
/// <param name="Since">The version that added the field.</param>
/// <param name="IsSecret">Whether the value is masked on the wire.</param>
/// <param name="TypeDisplay">The type as the definitions write it, for the docs.</param>
/// <param name="Example">An example value as JSON, for the docs.</param>
/// <param name="Value">How the value travels on the wire.</param>
/// <param name="MaskedKeys">For a secret dictionary, keys whose values are always masked.</param>
internal sealed record PropertySpec(
    string Name,
    string WireName,
    string Type,
    bool IsRequired,
    string? Initializer,
    string? Description,
    string Since,
    bool IsSecret,
    string TypeDisplay,
    string? Example,
    ValueSpec Value,
    EquatableArray<string> MaskedKeys)
{
    /// <summary>Whether the field may be unset: its property is an <c>Optional&lt;T&gt;</c> and an unset value is left off the wire.</summary>
    public bool IsOptional { get; init; }

    /// <summary>For a field holding an object: which version of it each version of the containing object carries (<c>child_versions</c>).</summary>
    public EquatableArray<VersionStepSpec> ChildVersions { get; init; } = EquatableArray<VersionStepSpec>.Empty;
}

/// <summary>One step of a version map: from container version <paramref name="From"/> on, child version <paramref name="Child"/>.</summary>
internal sealed record VersionStepSpec(string From, string Child);

/// <summary>How one value travels on the wire, for the generated converters.</summary>
/// <param name="Kind">The definition type kind; <see cref="TypeKind.Named"/> and <see cref="TypeKind.InlineEnum"/> name a generated type.</param>
/// <param name="TypeSyntax">The fully qualified C# type, without the <c>?</c> of nullability.</param>
/// <param name="IsNullable">Whether <c>null</c> is a valid value.</param>
/// <param name="IsEnum">For named types, whether the type is a generated string-backed enum (else an object record).</param>
/// <param name="Element">For lists and dicts, the element.</param>
internal sealed record ValueSpec(TypeKind Kind, string TypeSyntax, bool IsNullable, bool IsEnum, ValueSpec? Element)
{
    /// <summary>Whether the C# type is a struct (so that its nullable form is <c>Nullable&lt;T&gt;</c>).</summary>
    public bool IsValueType => IsEnum || Kind is TypeKind.Integer or TypeKind.Float or TypeKind.Boolean or TypeKind.Uuid or TypeKind.DateTime;

    /// <summary>The C# type with <c>?</c> when nullable.</summary>
    public string NullableTypeSyntax => IsNullable ? TypeSyntax + "?" : TypeSyntax;
}

/// <summary>One string-backed enum to emit.</summary>
internal sealed record EnumSpec(string Namespace, string TypeName, string? Description, EquatableArray<EnumMemberSpec> Members);

/// <summary>One known value of an enum.</summary>
internal sealed record EnumMemberSpec(string Name, string Value, string? Description);

/// <summary>The <c>EventTypes</c> class of one C# namespace.</summary>
internal sealed record EventTypesSpec(string Namespace, EquatableArray<EventTypeSpec> Events);

/// <summary>One event type to emit.</summary>
/// <param name="Name">The wire <c>event_type</c>.</param>
/// <param name="Path">The nested class names and, last, the member name (<c>Baremetal, Node, PowerSet, Start</c>).</param>
/// <param name="Priority">The runtime <c>NotificationPriority</c> member.</param>
/// <param name="PayloadType">The fully qualified payload type.</param>
/// <param name="PayloadName">The payload object name, or <c>text</c>.</param>
/// <param name="Aliases">Other names of the event type.</param>
/// <param name="TextPriorities">Runtime priority members at which the payload is plain text.</param>
/// <param name="Description">What the event means.</param>
internal sealed record EventTypeSpec(
    string Name,
    EquatableArray<string> Path,
    string Priority,
    string PayloadType,
    string PayloadName,
    EquatableArray<string> Aliases,
    EquatableArray<string> TextPriorities,
    string? Description);
