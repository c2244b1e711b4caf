using System.Collections.Generic;
using System.Linq;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Emit;

/// <summary>
/// Emits the reflection-free <c>JsonConverter</c> of one object: a reader that numbers the fields it
/// meets and keeps the unknown ones, and a writer that asks the write state which fields to write.
/// The wrapper of versioned objects, versions and backports live in the runtime base class.
/// </summary>
internal static class ConverterEmitter
{
    private const string Wire = "global::VersionedNotifications.Wire";
    private const string Json = "global::System.Text.Json";

    /// <summary>The two writers the converter writes to, with the same code but for the writer's type and how a field's name is written.</summary>
    private static readonly WriterKind JsonWriter = new($"{Json}.Utf8JsonWriter", OsloNames: false);
    private static readonly WriterKind OsloWriter = new($"{Wire}.OsloJsonWriter", OsloNames: true);

    public static string HintName(ObjectSpec spec) => EmitHelpers.HintName(spec.Namespace, TypeNameOf(spec.TypeName));

    /// <summary>The converter type of the record <paramref name="typeName"/>.</summary>
    public static string TypeNameOf(string typeName) => typeName + "JsonConverter";

    public static SourceWriter Emit(ObjectSpec spec)
    {
        // Inherited fields whose Since is on this object's scale (base_versions declared) decide backports like its own.
        // The converter numbers, reads and writes them in oslo's order (ObjectSpec.WireOrder), so that what it writes
        // is what obj_to_primitive writes.
        var fields = spec.InheritedProperties.Select(p => (Property: p, IsInherited: !spec.InheritedSinceKnown))
            .Concat(spec.Properties.Select(p => (Property: p, IsInherited: false)))
            .OrderBy(f => PlaceOf(spec.WireOrder, f.Property.WireName))
            .ToList();
        var self = spec.FullTypeName;
        var name = TypeNameOf(spec.TypeName);

        var writer = new SourceWriter();
        EmitHelpers.WriteHeader(writer, spec.Namespace);
        writer.Line($"/// <summary>Reads and writes <see cref=\"{self}\"/> in the oslo wire form, without reflection.</summary>");
        writer.Line(EmitHelpers.GeneratedCodeAttribute);
        writer.Line($"public sealed class {name} : {Wire}.WirePayloadConverter<{self}>");
        writer.OpenBlock();

        writer.Line($"private static readonly {Wire}.WireField[] s_fields = new {Wire}.WireField[]");
        writer.OpenBlock();
        foreach (var (property, isInherited) in fields)
        {
            var since = property.Since.Split('.');
            var flags = (isInherited ? ", IsInherited: true" : string.Empty) + (property.IsOptional ? ", IsOptional: true" : string.Empty);
            writer.Line($"new({EmitHelpers.Literal(property.WireName)}, new({since[0]}, {since[1]}){flags}),");
        }

        writer.CloseBlock(";");
        writer.Line();
        writer.Line("// Each field's name as the oslo writer writes it, quoted and escaped, made once.");
        writer.Line($"private static readonly {Wire}.OsloPropertyName[] s_names = {Wire}.OsloPropertyName.Of(s_fields);");
        for (var i = 0; i < fields.Count; i++)
        {
            if (!fields[i].Property.MaskedKeys.IsEmpty)
            {
                writer.Line();
                writer.Line($"private static readonly string[] s_maskedKeys{i} = {EmitHelpers.StringArray(fields[i].Property.MaskedKeys)};");
            }

            if (!fields[i].Property.ChildVersions.IsEmpty)
            {
                var steps = string.Join(", ", fields[i].Property.ChildVersions.Select(step => $"({EmitHelpers.Literal(step.From)}, {EmitHelpers.Literal(step.Child)})"));
                writer.Line();
                writer.Line($"private static readonly {Wire}.VersionMap s_childVersions{i} = new({steps});");
            }
        }

        writer.Line();
        writer.Line("/// <summary>The converter; it holds no state.</summary>");
        writer.Line($"public static {name} Instance {{ get; }} = new();");
        writer.Line();
        writer.Line("/// <summary>Creates the converter; use <see cref=\"Instance\"/>.</summary>");
        writer.Line($"public {name}()");
        writer.Line($"    : base({self}.ObjectInfo, s_fields)");
        writer.OpenBlock();
        writer.CloseBlock();

        WriteReadData(writer, self, fields.Select(f => f.Property).ToList());
        WriteWriteData(writer, self, fields.Select(f => f.Property).ToList(), JsonWriter);
        WriteWriteData(writer, self, fields.Select(f => f.Property).ToList(), OsloWriter);

        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"protected override {Wire}.PayloadWireState? GetWireState({self} value) => value.WireState;");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"protected override {self} WithWireState({self} value, {Wire}.PayloadWireState state) => value with {{ WireState = state }};");
        writer.Line();
        WriteFieldOf(writer, fields.Select(f => f.Property.WireName).ToList());
        writer.CloseBlock();
        return writer;
    }

    // A field's place in the wire order; without one (an object with no base) the declared order stands (OrderBy is stable).
    private static int PlaceOf(EquatableArray<string> wireOrder, string wireName)
    {
        for (var i = 0; i < wireOrder.Count; i++)
        {
            if (wireOrder[i] == wireName)
            {
                return i;
            }
        }

        return wireOrder.Count;
    }

    /// <summary>
    /// The field number of the property name the reader stands on, or -1: names that arrive
    /// unescaped (all of oslo's) are compared only with the fields of the same UTF-8 length; the rare
    /// escaped one is looked up in a loop, which keeps the generated code one line per field.
    /// </summary>
    private static void WriteFieldOf(SourceWriter writer, List<string> names)
    {
        writer.Line($"private static int FieldOf(ref {Json}.Utf8JsonReader reader)");
        writer.OpenBlock();
        writer.Line("if (!reader.ValueIsEscaped && !reader.HasValueSequence)");
        writer.OpenBlock();
        writer.Line("var name = reader.ValueSpan;");
        writer.Line("switch (name.Length)");
        writer.OpenBlock();
        foreach (var group in names.Select((name, index) => (Name: name, Index: index)).GroupBy(f => System.Text.Encoding.UTF8.GetByteCount(f.Name)).OrderBy(g => g.Key))
        {
            writer.Line($"case {group.Key}:");
            foreach (var (name, index) in group)
            {
                writer.Line($"    if (global::System.MemoryExtensions.SequenceEqual(name, {EmitHelpers.Literal(name)}u8)) return {index};");
            }

            writer.Line("    return -1;");
        }

        writer.Line("default:");
        writer.Line("    return -1;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();
        writer.Line("// An escaped name (no producer of oslo's writes one) is compared with each field in turn.");
        writer.Line("for (var i = 0; i < s_fields.Length; i++)");
        writer.OpenBlock();
        writer.Line("if (reader.ValueTextEquals(s_fields[i].Name)) return i;");
        writer.CloseBlock();
        writer.Line();
        writer.Line("return -1;");
        writer.CloseBlock();
    }

    private static void WriteReadData(SourceWriter writer, string self, List<PropertySpec> fields)
    {
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"protected override {self} ReadData(ref {Json}.Utf8JsonReader reader, {Wire}.PayloadReadState state)");
        writer.OpenBlock();
        writer.Line($"{Wire}.WireValue.Expect(ref reader, {Json}.JsonTokenType.StartObject, \"an object\");");
        for (var i = 0; i < fields.Count; i++)
        {
            var value = fields[i].Value;
            // An optional field's local starts unset; a value read converts into a set one.
            var local = fields[i].IsOptional ? fields[i].Type : value.NullableTypeSyntax;
            writer.Line($"{local} f{i} = {(fields[i].IsOptional || value.IsValueType || value.IsNullable ? "default" : "default!")};");
        }

        writer.Line($"while (reader.Read() && reader.TokenType != {Json}.JsonTokenType.EndObject)");
        writer.OpenBlock();
        writer.Line("var field = FieldOf(ref reader);");
        writer.Line("// Only an unknown field needs its name as a string; a known one has it in s_fields.");
        writer.Line($"var unknownName = field < 0 ? {Wire}.WireValue.ReadPropertyName(ref reader) : null;");
        writer.Line("reader.Read();");
        writer.Line("try");
        writer.OpenBlock();
        writer.Line("switch (field)");
        writer.OpenBlock();
        for (var i = 0; i < fields.Count; i++)
        {
            writer.Line($"case {i}:");
            var read = ReadExpression(fields[i].Value, "reader", 0);
            // Explicitly constructed: C# applies no user-defined conversion from an interface type such as IReadOnlyList<T>.
            writer.Line(fields[i].IsOptional ? $"    f{i} = new {fields[i].Type}({read});" : $"    f{i} = {read};");
            writer.Line($"    state.MarkPresent({i});");
            writer.Line("    break;");
        }

        writer.Line("default:");
        writer.Line($"    state.AddUnknown(unknownName!, {Wire}.WireValue.ReadAny(ref reader));");
        writer.Line("    break;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line($"catch ({Json}.JsonException error)");
        writer.OpenBlock();
        writer.Line($"throw {Wire}.WireFormatException.Within(error, unknownName ?? s_fields[field].Name);");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();
        if (fields.Count == 0)
        {
            writer.Line($"return new {self}();");
        }
        else
        {
            writer.Line($"return new {self}");
            writer.OpenBlock();
            for (var i = 0; i < fields.Count; i++)
            {
                writer.Line($"{fields[i].Name} = f{i},");
            }

            writer.CloseBlock(";");
        }

        writer.CloseBlock();
    }

    private static void WriteWriteData(SourceWriter writer, string self, List<PropertySpec> fields, WriterKind kind)
    {
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"protected override void WriteData({kind.Type} writer, {self} value, {Wire}.PayloadWriteState state)");
        writer.OpenBlock();
        writer.Line("writer.WriteStartObject();");
        writer.Line("if (state.Order is { } order)");
        writer.OpenBlock();
        writer.Line("// Read in an order of its own: written again in that order, the kept fields at their places.");
        writer.Line("foreach (var entry in order)");
        writer.OpenBlock();
        writer.Line("if (entry >= 0)");
        writer.OpenBlock();
        writer.Line("WriteField(writer, value, state, entry);");
        writer.CloseBlock();
        writer.Line("else");
        writer.OpenBlock();
        writer.Line("state.WriteExtensionMember(writer, ~entry);");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line("else");
        writer.OpenBlock();
        writer.Line("for (var i = 0; i < s_fields.Length; i++)");
        writer.OpenBlock();
        writer.Line("WriteField(writer, value, state, i);");
        writer.CloseBlock();
        writer.Line();
        writer.Line("state.WriteExtensionData(writer);");
        writer.CloseBlock();
        writer.Line();
        writer.Line("writer.WriteEndObject();");
        writer.CloseBlock();

        writer.Line();
        writer.Line("/// <summary>Writes field number <paramref name=\"field\"/> when the state includes it.</summary>");
        writer.Line($"private static void WriteField({kind.Type} writer, {self} value, {Wire}.PayloadWriteState state, int field)");
        writer.OpenBlock();
        if (fields.Count == 0)
        {
            writer.Line("// The object has no fields.");
            writer.CloseBlock();
            return;
        }

        writer.Line("var all = state.WritesAll;");
        writer.Line("switch (field)");
        writer.OpenBlock();
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            writer.Line($"case {i}:");
            writer.Indent();
            // An optional field is written when it is set (and the version has it); the others also when they were
            // absent on the wire but have been given a value since.
            writer.Line(field.IsOptional
                ? $"if (value.{field.Name}.IsSet && (all || state.Includes({i}, holdsDefault: false)))"
                : $"if (all || state.Includes({i}, {Wire}.WireValue.IsDefault(value.{field.Name})))");
            writer.OpenBlock();
            writer.Line(kind.OsloNames ? $"writer.WritePropertyName(s_names[{i}]);" : $"writer.WritePropertyName({EmitHelpers.Literal(field.WireName)}u8);");
            var expression = "value." + field.Name + (field.IsOptional ? ".Value" : string.Empty);
            var childVersions = field.ChildVersions.IsEmpty ? null : "s_childVersions" + i;
            if (field.MaskedKeys.IsEmpty)
            {
                WriteValueStatement(writer, field.Value, expression, "writer", "state", field.IsSecret, 0, kind, childVersions);
            }
            else
            {
                WriteMaskedKeysStatement(writer, field, expression, i);
            }

            writer.CloseBlock();
            writer.Line();
            writer.Line("break;");
            writer.Unindent();
        }

        writer.CloseBlock();
        writer.CloseBlock();
    }

    /// <summary>A secret dictionary with keys that are always masked: the keys live in one static array per field.</summary>
    private static void WriteMaskedKeysStatement(SourceWriter writer, PropertySpec field, string expression, int index)
    {
        var call = $"{Wire}.WireValue.WriteSecretJsonObject(writer, {expression}, state, s_maskedKeys{index});";
        if (field.Value.IsNullable)
        {
            writer.Line($"if ({expression} is null)");
            writer.OpenBlock();
            writer.Line("writer.WriteNullValue();");
            writer.CloseBlock();
            writer.Line("else");
            writer.OpenBlock();
            writer.Line(call);
            writer.CloseBlock();
        }
        else
        {
            writer.Line(call);
        }
    }

    /// <summary>A C# expression that reads <paramref name="value"/> from the reader named <paramref name="reader"/>.</summary>
    private static string ReadExpression(ValueSpec value, string reader, int depth)
    {
        var core = value.Kind switch
        {
            TypeKind.String or TypeKind.MacAddress => $"{Wire}.WireValue.ReadString(ref {reader})",
            TypeKind.Integer => $"{Wire}.WireValue.ReadInt64(ref {reader})",
            TypeKind.Float => $"{Wire}.WireValue.ReadDouble(ref {reader})",
            TypeKind.Boolean => $"{Wire}.WireValue.ReadBoolean(ref {reader})",
            TypeKind.Uuid => $"{Wire}.WireValue.ReadUuid(ref {reader})",
            TypeKind.DateTime => $"{Wire}.WireValue.ReadDateTime(ref {reader})",
            TypeKind.IpAddress => $"{Wire}.WireValue.ReadIPAddress(ref {reader})",
            TypeKind.FlexibleDict => $"{Wire}.WireValue.ReadJsonObject(ref {reader})",
            TypeKind.List => $"{Wire}.WireValue.ReadList(ref {reader}, {ElementReader(value.Element!, depth + 1)})",
            TypeKind.Dict => $"{Wire}.WireValue.ReadDictionary(ref {reader}, {ElementReader(value.Element!, depth + 1)})",
            _ when value.IsEnum => $"new {value.TypeSyntax}({Wire}.WireValue.ReadString(ref {reader}))",
            _ => $"{value.TypeSyntax}JsonConverter.Instance.ReadValue(ref {reader})",
        };
        return value.IsNullable
            ? $"{reader}.TokenType == {Json}.JsonTokenType.Null ? default({value.NullableTypeSyntax}) : {core}"
            : core;
    }

    private static string ElementReader(ValueSpec element, int depth)
    {
        var reader = "r" + depth;
        return $"static (ref {Json}.Utf8JsonReader {reader}) => {ReadExpression(element, reader, depth)}";
    }

    /// <summary>Writes the statements that write <paramref name="value"/>, held in the expression <paramref name="expression"/>.</summary>
    private static void WriteValueStatement(SourceWriter writer, ValueSpec value, string expression, string jsonWriter, string state, bool isSecret, int depth, WriterKind kind, string? childVersions = null)
    {
        if (value.IsNullable)
        {
            writer.Line($"if ({expression} is null)");
            writer.OpenBlock();
            writer.Line($"{jsonWriter}.WriteNullValue();");
            writer.CloseBlock();
            writer.Line("else");
            writer.OpenBlock();
            WriteValueStatement(writer, value with { IsNullable = false }, value.IsValueType ? expression + ".Value" : expression, jsonWriter, state, isSecret, depth, kind, childVersions);
            writer.CloseBlock();
            return;
        }

        writer.Line(WriteCall(value, expression, jsonWriter, state, isSecret, depth, kind, childVersions));
    }

    /// <summary>The statement that writes a non-null value; <paramref name="childVersions"/> names the field's version map, for nested objects.</summary>
    private static string WriteCall(ValueSpec value, string x, string w, string s, bool isSecret, int depth, WriterKind kind, string? childVersions) => value.Kind switch
    {
        TypeKind.String or TypeKind.MacAddress when isSecret => $"{Wire}.WireValue.WriteSecretString({w}, {x}, {s});",
        TypeKind.FlexibleDict when isSecret => $"{Wire}.WireValue.WriteSecretJsonObject({w}, {x}, {s});",
        TypeKind.String or TypeKind.MacAddress => $"{Wire}.WireValue.WriteString({w}, {x}, {s});",
        TypeKind.Integer => $"{w}.WriteNumberValue({x});",
        TypeKind.Float => $"{Wire}.WireValue.WriteDouble({w}, {x}, {s});",
        TypeKind.Boolean => $"{w}.WriteBooleanValue({x});",
        TypeKind.Uuid => $"{Wire}.WireValue.WriteUuid({w}, {x}, {s});",
        TypeKind.DateTime => $"{Wire}.WireValue.WriteDateTime({w}, {x}, {s});",
        TypeKind.IpAddress => $"{Wire}.WireValue.WriteIPAddress({w}, {x}, {s});",
        TypeKind.FlexibleDict => $"{Wire}.WireValue.WriteJsonObject({w}, {x}, {s});",
        TypeKind.List => $"{Wire}.WireValue.WriteList({w}, {x}, {s}, {ElementWriter(value.Element!, depth + 1, kind, childVersions)});",
        TypeKind.Dict => $"{Wire}.WireValue.WriteDictionary({w}, {x}, {s}, {ElementWriter(value.Element!, depth + 1, kind, childVersions)});",
        _ when value.IsEnum => $"{Wire}.WireValue.WriteString({w}, {x}.Value, {s});",
        _ when childVersions is not null => $"{value.TypeSyntax}JsonConverter.Instance.WriteNested({w}, {x}, {s}, {childVersions});",
        _ => $"{value.TypeSyntax}JsonConverter.Instance.WriteNested({w}, {x}, {s});",
    };

    private static string ElementWriter(ValueSpec element, int depth, WriterKind kind, string? childVersions)
    {
        var (w, e, s) = ("w" + depth, "e" + depth, "s" + depth);
        var body = new SourceWriter();
        WriteValueStatement(body, element, e, w, s, isSecret: false, depth, kind, childVersions);
        var statements = string.Join(" ", body.ToString().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
        return $"static ({kind.Type} {w}, {element.NullableTypeSyntax} {e}, {Wire}.PayloadWriteState {s}) => {{ {statements} }}";
    }

    /// <summary>A writer the converter writes to: its type, and whether a field's name is one of <c>s_names</c> (made once) or a UTF-8 literal.</summary>
    private sealed record WriterKind(string Type, bool OsloNames);
}
