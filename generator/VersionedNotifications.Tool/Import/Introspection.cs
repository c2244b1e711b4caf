using System.Text.Json;
using System.Text.Json.Serialization;

namespace VersionedNotifications.Tool.Import;

/// <summary>What introspect.py reports about a Python service: its notification payload classes and event types.</summary>
internal sealed record Introspection(
    string Python,
    IReadOnlyList<string> Modules,
    IReadOnlyList<string> Notifications,
    IReadOnlyList<PythonObject> Objects,
    IReadOnlyList<string> MissingObjects,
    IReadOnlyList<PythonEventType> EventTypes,
    IReadOnlyList<PythonEventTypeCall> UnresolvedEventTypes)
{
    /// <summary>The options introspect.py's JSON is read with (its keys are snake_case).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };
}

/// <summary>One oslo.versionedobjects class that a notification carries, or that such a class extends or holds.</summary>
/// <param name="Base">The nearest base class of the service with its own VERSION and fields (null: none).</param>
/// <param name="OwnOrder">The keys of the <c>fields</c> dict the class itself declares, in source order.</param>
/// <param name="Fields">Every field, in the order of the class's <c>fields</c> dict, which is the order obj_to_primitive writes.</param>
/// <param name="ObjRelationships">oslo's <c>obj_relationships</c>: field name to [container version, child version] steps.</param>
/// <param name="History">The <c>#&#160;Version x.y: text</c> comments above VERSION, in source order.</param>
/// <param name="Init">Which <c>__init__</c> was read to tell which fields are always set.</param>
/// <param name="Schema">The keys of the class's SCHEMA (what <c>populate_schema</c> sets).</param>
internal sealed record PythonObject(
    string Name,
    string Class,
    string Module,
    string File,
    int Line,
    string Version,
    string? ProjectNamespace,
    string? SerialNamespace,
    string? Base,
    IReadOnlyList<string> OwnOrder,
    IReadOnlyList<PythonField> Fields,
    IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>> ObjRelationships,
    IReadOnlyList<PythonHistoryLine> History,
    string Init,
    IReadOnlyList<string> InitProblems,
    IReadOnlyList<string> Schema);

/// <param name="Declared"><c>own</c>, <c>redeclared</c> (the base has it too) or <c>inherited</c> (the base's field object).</param>
/// <param name="SetByInit"><c>always</c>: <c>__init__</c> sets it on every path; <c>sometimes</c>: on some; <c>unknown</c>: it does not say.</param>
internal sealed record PythonField(
    string Name,
    string Declared,
    string FieldClass,
    PythonType Type,
    bool Nullable,
    PythonDefault? Default,
    string SetByInit);

/// <summary>An oslo field type: its class, the oslo.versionedobjects classes it is or derives from (nearest first), and what it holds.</summary>
internal sealed record PythonType(
    string Class,
    string Module,
    IReadOnlyList<string> Ovo,
    string? Object,
    PythonType? Element,
    bool ElementNullable,
    IReadOnlyList<string>? ValidValues);

/// <summary>A field's default: a literal (<see cref="Text"/> is its JSON), a callable (computed at run time) or a value JSON cannot hold.</summary>
/// <param name="Kind"><c>value</c>, <c>callable</c> or <c>unrepresentable</c>.</param>
/// <param name="Text">The JSON of a value; the name of a callable; the Python repr of anything else.</param>
internal sealed record PythonDefault(string Kind, string Text)
{
    /// <summary>Whether the default is a literal value (possibly <c>None</c>).</summary>
    public bool IsLiteral => Kind == "value";
}

internal sealed record PythonHistoryLine(string Version, string Text, int Line);

/// <summary>An <c>EventType(object, action, phase)</c> call whose object and action are constants.</summary>
/// <param name="Phase">The phase or status; null when the call gives none (or when it is not a constant, see <paramref name="PhaseKnown"/>).</param>
/// <param name="Payload">The payload object of the notification class the call is passed to, when that is known.</param>
/// <param name="Priority">The constant priority passed beside it, when there is one.</param>
internal sealed record PythonEventType(
    string File,
    int Line,
    string Object,
    string Action,
    string? Phase,
    bool PhaseKnown,
    string? Payload,
    string? Priority);

/// <summary>An <c>EventType(...)</c> call whose object or action is computed at run time.</summary>
internal sealed record PythonEventTypeCall(string File, int Line, string Text);
