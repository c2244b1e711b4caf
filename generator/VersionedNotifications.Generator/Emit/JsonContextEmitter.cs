using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Emit;

/// <summary>
/// Emits the compilation's <c>JsonSerializerContext</c>. System.Text.Json's own generator cannot see
/// the records this generator emits, so the context is written here: one <c>JsonTypeInfo</c> per
/// object, made from the generated converter, plus the envelope; and the list of contracts that
/// <c>NotificationReader</c> takes.
/// </summary>
internal static class JsonContextEmitter
{
    private const string Metadata = "global::System.Text.Json.Serialization.Metadata";
    private const string Json = "global::System.Text.Json";
    private const string Runtime = "global::VersionedNotifications";

    public static string HintName(JsonContextSpec spec) => EmitHelpers.HintName(spec.Namespace, spec.TypeName);

    public static SourceWriter Emit(JsonContextSpec spec)
    {
        var writer = new SourceWriter();
        EmitHelpers.WriteHeader(writer, spec.Namespace);
        var name = spec.TypeName;
        writer.Lines($$"""
            /// <summary>
            /// JSON metadata for every notification payload of these definitions, in the oslo wire form:
            /// <c>JsonSerializer.Serialize(payload, {{name}}.Default.{{spec.Payloads[0].PropertyName}})</c>.
            /// It is also the set of contracts a reader takes: <c>new NotificationReader({{name}}.Default)</c>.
            /// </summary>
            /// <remarks>No reflection: each type info wraps the generated converter, so the context is trim- and AOT-safe.</remarks>
            {{EmitHelpers.GeneratedCodeAttribute}}
            public sealed partial class {{name}} : {{Json}}.Serialization.JsonSerializerContext, {{Metadata}}.IJsonTypeInfoResolver, {{Runtime}}.Wire.INotificationContracts
            {
                private static readonly {{Json}}.JsonSerializerOptions s_defaultOptions = new();

                /// <summary>The context with default options.</summary>
                public static {{name}} Default { get; } = new(new {{Json}}.JsonSerializerOptions(s_defaultOptions));

                /// <summary>Creates a context with default options.</summary>
                public {{name}}()
                    : base(null)
                {
                }

                /// <summary>Creates a context bound to <paramref name="options"/>.</summary>
                public {{name}}({{Json}}.JsonSerializerOptions options)
                    : base(options)
                {
                }

                /// <inheritdoc/>
                protected override {{Json}}.JsonSerializerOptions? GeneratedSerializerOptions => s_defaultOptions;

                private {{Metadata}}.JsonTypeInfo<{{Runtime}}.Notification>? _notification;

                /// <summary>A whole notification as the bare v1 envelope, its payload read by event type.</summary>
                public {{Metadata}}.JsonTypeInfo<{{Runtime}}.Notification> Notification =>
                    _notification ??= ({{Metadata}}.JsonTypeInfo<{{Runtime}}.Notification>)Options.GetTypeInfo(typeof({{Runtime}}.Notification));
            """);
        writer.Indent();
        foreach (var payload in spec.Payloads)
        {
            var field = JsonContextBuilder.FieldName(payload.PropertyName);
            writer.Line();
            writer.Line($"private {Metadata}.JsonTypeInfo<{payload.TypeName}>? {field};");
            writer.Line();
            writer.Line($"/// <summary>The oslo wire form of <see cref=\"{payload.TypeName}\"/>.</summary>");
            writer.Line($"public {Metadata}.JsonTypeInfo<{payload.TypeName}> {payload.PropertyName} =>");
            writer.Line($"    {field} ??= ({Metadata}.JsonTypeInfo<{payload.TypeName}>)Options.GetTypeInfo(typeof({payload.TypeName}));");
        }

        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public override {Metadata}.JsonTypeInfo? GetTypeInfo(global::System.Type type)");
        writer.OpenBlock();
        writer.Line("Options.TryGetTypeInfo(type, out var typeInfo);");
        writer.Line("return typeInfo;");
        writer.CloseBlock();
        writer.Line();
        writer.Line($"{Metadata}.JsonTypeInfo? {Metadata}.IJsonTypeInfoResolver.GetTypeInfo(global::System.Type type, {Json}.JsonSerializerOptions options)");
        writer.OpenBlock();
        writer.Line($"if (type == typeof({Runtime}.Notification))");
        writer.OpenBlock();
        writer.Line($"return Create(options, new {Runtime}.Wire.NotificationJsonConverter(this));");
        writer.CloseBlock();
        foreach (var payload in spec.Payloads)
        {
            writer.Line();
            writer.Line($"if (type == typeof({payload.TypeName}))");
            writer.OpenBlock();
            writer.Line($"return Create(options, {payload.ConverterTypeName}.Instance);");
            writer.CloseBlock();
        }

        writer.Line();
        writer.Line("return null;");
        writer.CloseBlock();
        writer.Line();
        writer.Line($"private {Metadata}.JsonTypeInfo<T> Create<T>({Json}.JsonSerializerOptions options, {Json}.Serialization.JsonConverter<T> converter)");
        writer.OpenBlock();
        writer.Line($"var typeInfo = {Metadata}.JsonMetadataServices.CreateValueInfo<T>(options, converter);");
        writer.Line("typeInfo.OriginatingResolver = this;");
        writer.Line("return typeInfo;");
        writer.CloseBlock();
        writer.Line();
        writer.Line($"private static readonly global::System.Collections.Generic.IReadOnlyList<{Runtime}.Wire.PayloadContract> s_payloads = new {Runtime}.Wire.PayloadContract[]");
        writer.OpenBlock();
        foreach (var payload in spec.Payloads)
        {
            writer.Line($"{Runtime}.Wire.PayloadContract.For<{payload.TypeName}>(),");
        }

        writer.CloseBlock(";");
        writer.Line();
        writer.Line($"private static readonly global::System.Collections.Generic.IReadOnlyList<{Runtime}.EventTypeInfo> s_eventTypes = Concat(");
        for (var i = 0; i < spec.EventTypeNamespaces.Count; i++)
        {
            writer.Line($"    global::{spec.EventTypeNamespaces[i]}.EventTypes.All{(i == spec.EventTypeNamespaces.Count - 1 ? string.Empty : ",")}");
        }

        writer.Line(");");
        writer.Line();
        writer.Line("/// <summary>Every event type these definitions declare.</summary>");
        writer.Line($"public global::System.Collections.Generic.IReadOnlyList<{Runtime}.EventTypeInfo> EventTypes => s_eventTypes;");
        writer.Line();
        writer.Line("/// <summary>Every payload and nested object these definitions declare.</summary>");
        writer.Line($"public global::System.Collections.Generic.IReadOnlyList<{Runtime}.Wire.PayloadContract> Payloads => s_payloads;");
        writer.Line();
        writer.Line($"private static {Runtime}.EventTypeInfo[] Concat(params global::System.Collections.Generic.IReadOnlyList<{Runtime}.EventTypeInfo>[] lists)");
        writer.OpenBlock();
        writer.Line($"var all = new global::System.Collections.Generic.List<{Runtime}.EventTypeInfo>();");
        writer.Line("foreach (var list in lists)");
        writer.OpenBlock();
        writer.Line("all.AddRange(list);");
        writer.CloseBlock();
        writer.Line();
        writer.Line("return all.ToArray();");
        writer.CloseBlock();
        writer.CloseBlock();
        return writer;
    }
}
