using System.Linq;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Emit;

/// <summary>
/// Emits a string-backed enum: a value type that holds the wire string, with one static member per
/// known value. Unlike a C# enum it keeps a value the definitions do not list, so a newer producer's
/// values round-trip unchanged; <c>IsKnown</c> tells the two apart.
/// </summary>
internal static class EnumEmitter
{
    public static string HintName(EnumSpec spec) => EmitHelpers.HintName(spec.Namespace, spec.TypeName);

    public static SourceWriter Emit(EnumSpec spec)
    {
        var name = spec.TypeName;
        var writer = new SourceWriter();
        EmitHelpers.WriteHeader(writer, spec.Namespace);
        EmitHelpers.WriteDoc(writer, "summary", spec.Description ?? $"The values of {name}.");
        writer.Line("/// <remarks>A string-backed value: values the definitions do not list are kept as they are; <see cref=\"IsKnown\"/> tells them apart.</remarks>");
        writer.Line(EmitHelpers.GeneratedCodeAttribute);
        writer.Line($"public readonly partial struct {name} : global::System.IEquatable<{name}>");
        writer.OpenBlock();
        writer.Line("private readonly string? _value;");
        writer.Line();
        writer.Line("/// <summary>Wraps a wire value, known or not.</summary>");
        writer.Line("/// <param name=\"value\">The value as the wire carries it.</param>");
        writer.Line($"public {name}(string value)");
        writer.OpenBlock();
        writer.Line("_value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        writer.CloseBlock();

        foreach (var member in spec.Members)
        {
            writer.Line();
            var summary = $"<c>{EmitHelpers.DocText(member.Value)}</c>" + (member.Description is null ? string.Empty : ": " + EmitHelpers.DocText(member.Description));
            EmitHelpers.WriteDocXml(writer, "summary", summary);
            writer.Line($"public static {name} {member.Name} {{ get; }} = new({EmitHelpers.Literal(member.Value)});");
        }

        writer.Line();
        writer.Line("/// <summary>Every value the definitions list, in their order.</summary>");
        var known = string.Join(", ", spec.Members.Select(m => m.Name));
        writer.Line($"public static global::System.Collections.Generic.IReadOnlyList<{name}> KnownValues {{ get; }} = new {name}[] {{ {known} }};");
        writer.Line();
        writer.Line("/// <summary>The value as the wire carries it; empty for <c>default</c>.</summary>");
        writer.Line("public string Value => _value ?? string.Empty;");
        writer.Line();
        writer.Line("/// <summary>Whether the definitions list this value.</summary>");
        var cases = spec.Members.IsEmpty ? "false" : "Value is " + string.Join(" or ", spec.Members.Select(m => EmitHelpers.Literal(m.Value)));
        writer.Line($"public bool IsKnown => {cases};");
        writer.Lines($$"""

            /// <inheritdoc/>
            public bool Equals({{name}} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);

            /// <inheritdoc/>
            public override bool Equals(object? obj) => obj is {{name}} other && Equals(other);

            /// <inheritdoc/>
            public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);

            /// <inheritdoc/>
            public override string ToString() => Value;

            /// <summary>Compares two values ordinally.</summary>
            public static bool operator ==({{name}} left, {{name}} right) => left.Equals(right);

            /// <summary>Compares two values ordinally.</summary>
            public static bool operator !=({{name}} left, {{name}} right) => !left.Equals(right);

            /// <summary>The wire value.</summary>
            public static implicit operator string({{name}} value) => value.Value;

            /// <summary>Wraps a wire value, known or not.</summary>
            public static explicit operator {{name}}(string value) => new(value);
            """);
        writer.CloseBlock();
        return writer;
    }
}
