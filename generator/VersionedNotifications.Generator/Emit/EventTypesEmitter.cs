using System;
using System.Collections.Generic;
using System.Linq;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Emit;

/// <summary>
/// Emits the <c>EventTypes</c> class of a C# namespace: one nested class per dotted segment, one
/// typed <c>EventType&lt;TPayload&gt;</c> per event type, the list of all of them, and a lookup by
/// name or alias compiled to a string switch.
/// </summary>
internal static class EventTypesEmitter
{
    private const string Runtime = "global::VersionedNotifications";

    /// <summary>The name of the generated class, one per C# namespace that has event types.</summary>
    public const string TypeName = "EventTypes";

    public static string HintName(EventTypesSpec spec) => EmitHelpers.HintName(spec.Namespace, TypeName);

    public static SourceWriter Emit(EventTypesSpec spec)
    {
        var writer = new SourceWriter();
        EmitHelpers.WriteHeader(writer, spec.Namespace);
        var example = spec.Events[0];
        writer.Line("/// <summary>");
        writer.Line("/// The event types of these notification definitions, nested by their dotted segments:");
        writer.Line($"/// <c>{example.Name}</c> is <c>EventTypes.{MemberPath(example)}</c>.");
        writer.Line("/// </summary>");
        writer.Line(EmitHelpers.GeneratedCodeAttribute);
        writer.Line("public static partial class EventTypes");
        writer.OpenBlock();

        // The event types come first: static initializers run in text order, and All reads the
        // top-level ones (an event type named by one segment is a field of this class).
        WriteLevel(writer, spec.Events.ToList(), depth: 0, prefix: string.Empty);
        writer.Line();
        writer.Line("/// <summary>Every event type, ordered by name.</summary>");
        writer.Line($"public static global::System.Collections.Generic.IReadOnlyList<{Runtime}.EventTypeInfo> All {{ get; }} = new {Runtime}.EventTypeInfo[]");
        writer.OpenBlock();
        foreach (var eventType in spec.Events)
        {
            writer.Line(MemberPath(eventType) + ",");
        }

        writer.CloseBlock(";");
        writer.Line();
        writer.Line("/// <summary>Finds the event type with this wire name or alias; null when there is none.</summary>");
        writer.Line("/// <param name=\"name\">An <c>event_type</c> as the wire carries it, or one of its aliases.</param>");
        writer.Line($"public static {Runtime}.EventTypeInfo? Find(string? name) => name switch");
        writer.OpenBlock();
        foreach (var (name, eventType) in spec.Events.SelectMany(e => new[] { e.Name }.Concat(e.Aliases).Select(n => (n, e))).OrderBy(p => p.Item1, StringComparer.Ordinal))
        {
            writer.Line($"{EmitHelpers.Literal(name)} => {MemberPath(eventType)},");
        }

        writer.Line("_ => null,");
        writer.CloseBlock(";");
        writer.Line();
        writer.Lines($$"""
            /// <summary>Finds the event type with this wire name or alias.</summary>
            /// <param name="name">An <c>event_type</c> as the wire carries it, or one of its aliases.</param>
            /// <param name="eventType">The event type, when there is one.</param>
            /// <returns>Whether the name is known.</returns>
            public static bool TryGet(string? name, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out {{Runtime}}.EventTypeInfo? eventType)
            {
                eventType = Find(name);
                return eventType is not null;
            }
            """);
        writer.CloseBlock();
        return writer;
    }

    private static string MemberPath(EventTypeSpec eventType) => string.Join(".", eventType.Path);

    private static void WriteLevel(SourceWriter writer, List<EventTypeSpec> events, int depth, string prefix)
    {
        // Members are separated by a blank line; the first member of a class follows its brace.
        var first = true;
        foreach (var eventType in events.Where(e => e.Path.Count == depth + 1))
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            WriteEventType(writer, eventType);
        }

        var groups = events.Where(e => e.Path.Count > depth + 1).GroupBy(e => e.Path[depth]).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var segment = group.First().Name.Split('.')[depth];
            if (!first)
            {
                writer.Line();
            }

            first = false;
            writer.Line($"/// <summary>Event types under <c>{prefix}{segment}</c>.</summary>");
            writer.Line($"public static partial class {group.Key}");
            writer.OpenBlock();
            WriteLevel(writer, group.ToList(), depth + 1, prefix + segment + ".");
            writer.CloseBlock();
        }
    }

    private static void WriteEventType(SourceWriter writer, EventTypeSpec eventType)
    {
        EmitHelpers.WriteDocXml(writer, "summary", $"<c>{eventType.Name}</c>" + (eventType.Description is null ? "." : ": " + EmitHelpers.DocText(eventType.Description)));
        var payload = eventType.PayloadType == "string" ? "a plain text message" : $"<see cref=\"{eventType.PayloadType}\"/>";
        var remarks = $"Priority {eventType.Priority.ToUpperInvariant()}; payload {payload}.";
        if (!eventType.Aliases.IsEmpty)
        {
            remarks += " Also known as " + string.Join(", ", eventType.Aliases.Select(a => $"<c>{a}</c>")) + ".";
        }

        if (!eventType.TextPriorities.IsEmpty)
        {
            remarks += " At " + string.Join(", ", eventType.TextPriorities.Select(p => p.ToUpperInvariant())) + " the payload is a plain text message.";
        }

        writer.Line($"/// <remarks>{remarks}</remarks>");
        var textPriorities = eventType.TextPriorities.IsEmpty
            ? $"global::System.Array.Empty<{Runtime}.NotificationPriority>()"
            : $"new {Runtime}.NotificationPriority[] {{ " + string.Join(", ", eventType.TextPriorities.Select(p => $"{Runtime}.NotificationPriority.{p}")) + " }";
        var description = eventType.Description is null ? "null" : EmitHelpers.Literal(eventType.Description);
        writer.Line($"public static readonly {Runtime}.EventType<{eventType.PayloadType}> {eventType.Path[eventType.Path.Count - 1]} = new(");
        writer.Line($"    {EmitHelpers.Literal(eventType.Name)},");
        writer.Line($"    {Runtime}.NotificationPriority.{eventType.Priority},");
        writer.Line($"    {EmitHelpers.Literal(eventType.PayloadName)},");
        writer.Line($"    {EmitHelpers.StringArray(eventType.Aliases)},");
        writer.Line($"    {textPriorities},");
        writer.Line($"    {description});");
    }
}
