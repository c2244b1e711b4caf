using System.Linq;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Emit;

/// <summary>Emits one payload record: its wire constants, its metadata and its properties.</summary>
internal static class ObjectEmitter
{
    private const string Runtime = "global::VersionedNotifications";

    public static string HintName(ObjectSpec spec) => EmitHelpers.HintName(spec.Namespace, spec.TypeName);

    public static SourceWriter Emit(ObjectSpec spec)
    {
        var writer = new SourceWriter();
        EmitHelpers.WriteHeader(writer, spec.Namespace);
        WriteTypeDocs(writer, spec);
        writer.Line(EmitHelpers.GeneratedCodeAttribute);
        writer.Line($"[global::System.Text.Json.Serialization.JsonConverter(typeof({spec.ConverterTypeName}))]");

        var self = spec.FullTypeName;
        var bases = spec.BaseType is null
            ? $" : {Runtime}.INotificationPayload<{self}>"
            : $" : {spec.BaseType}, {Runtime}.INotificationPayload<{self}>";
        writer.Line($"public {(spec.IsSealed ? "sealed " : string.Empty)}partial record {spec.TypeName}{bases}");
        writer.OpenBlock();

        // A derived record hides its base's constants with its own name and version.
        var hides = spec.BaseType is null ? string.Empty : "new ";
        writer.Line($"/// <summary>The object name on the wire, <c>{spec.WireNamespace}_object.name</c>.</summary>");
        writer.Line($"public {hides}const string ObjectName = {EmitHelpers.Literal(spec.WireName)};");
        writer.Line();
        writer.Line($"/// <summary>The object namespace on the wire, <c>{spec.WireNamespace}_object.namespace</c>.</summary>");
        writer.Line($"public {hides}const string ObjectNamespace = {EmitHelpers.Literal(spec.WireNamespace)};");
        writer.Line();
        writer.Line($"/// <summary>The current version, <c>{spec.WireNamespace}_object.version</c> on the wire.</summary>");
        writer.Line($"public {hides}const string ObjectVersion = {EmitHelpers.Literal(spec.Version)};");
        writer.Line();
        writer.Line("/// <summary>The wire name, namespace and every known version of this object, oldest first.</summary>");
        writer.Line($"public static {hides}{Runtime}.VersionedObjectInfo ObjectInfo {{ get; }} = new(ObjectName, ObjectNamespace, ObjectVersion, {EmitHelpers.StringArray(spec.KnownVersions)}, isVersioned: {(spec.IsVersioned ? "true" : "false")});");

        writer.Line();
        writer.Line("/// <summary>The generated converter that reads and writes this object in the oslo wire form.</summary>");
        writer.Line($"static {Runtime}.Wire.WirePayloadConverter<{self}> {Runtime}.INotificationPayload<{self}>.WireConverter => {spec.ConverterTypeName}.Instance;");
        if (spec.BaseType is null)
        {
            writer.Line();
            writer.Line("/// <summary>");
            writer.Line("/// How this payload, read from the wire, differed from the current definition (an older or newer");
            writer.Line("/// version, absent or unknown fields); <see langword=\"null\"/> when it did not, and for payloads built in code.");
            writer.Line("/// </summary>");
            writer.Line($"public {Runtime}.Wire.PayloadWireState? WireState {{ get; init; }}");
        }

        foreach (var property in spec.Properties)
        {
            writer.Line();
            WritePropertyDocs(writer, property);
            var required = property.IsRequired ? "required " : string.Empty;
            var initializer = property.Initializer is null ? string.Empty : " = " + property.Initializer + ";";
            writer.Line($"public {required}{property.Type} {property.Name} {{ get; init; }}{initializer}");
        }

        writer.CloseBlock();
        return writer;
    }

    private static void WriteTypeDocs(SourceWriter writer, ObjectSpec spec)
    {
        EmitHelpers.WriteDoc(writer, "summary", spec.Description ?? $"The {spec.WireName} object.");
        writer.Line("/// <remarks>");
        var wire = spec.IsVersioned
            ? $"Sent as the versioned object <c>{EmitHelpers.DocText(spec.WireName)}</c> {spec.Version} in namespace <c>{spec.WireNamespace}</c>."
            : $"Sent as a plain JSON object (not versioned on the wire); definition version {spec.Version}.";
        writer.Line($"/// <para>{wire}</para>");
        if (!spec.History.IsEmpty)
        {
            writer.Line("/// <para>Version history:</para>");
            writer.Line("/// <list type=\"bullet\">");
            foreach (var line in spec.History)
            {
                writer.Line($"/// <item><description>{EmitHelpers.DocText(line)}</description></item>");
            }

            writer.Line("/// </list>");
        }

        writer.Line("/// </remarks>");
    }

    private static void WritePropertyDocs(SourceWriter writer, PropertySpec property)
    {
        if (property.Description is null)
        {
            EmitHelpers.WriteDocXml(writer, "summary", $"The <c>{EmitHelpers.DocText(property.WireName)}</c> field.");
        }
        else
        {
            EmitHelpers.WriteDoc(writer, "summary", property.Description);
        }

        var notes = $"Wire field <c>{EmitHelpers.DocText(property.WireName)}</c>, {EmitHelpers.DocText(property.TypeDisplay)}, since version {property.Since}.";
        if (property.IsSecret)
        {
            notes += " Secret: masked as <c>******</c> on the wire.";
        }

        writer.Line($"/// <remarks>{notes}</remarks>");
        if (property.Example is not null)
        {
            writer.Line($"/// <example>On the wire: <c>{EmitHelpers.DocText(property.Example)}</c></example>");
        }
    }
}
