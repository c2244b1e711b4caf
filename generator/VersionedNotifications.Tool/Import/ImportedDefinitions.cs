namespace VersionedNotifications.Tool.Import;

/// <summary>
/// A value of the definitions that the import either read from the Python code (<see cref="Value"/>, as YAML text) or
/// could not determine (<see cref="Todo"/> says what a person has to decide).
/// </summary>
internal sealed record Choice(string? Value, string? Todo = null)
{
    /// <summary>The placeholder written where a person has to decide; every place it is written fails the build.</summary>
    public const string Placeholder = "TODO";

    public static Choice Undetermined(string todo) => new(null, todo);

    public bool IsDecided => Todo is null;
}

/// <summary>What <c>vnotify import</c> makes of a Python service: one file per Python module, and what it could not find.</summary>
internal sealed record ImportedService(string WireNamespace, string Python, IReadOnlyList<ImportedFile> Files, IReadOnlyList<string> Findings);

/// <summary>The definitions file of one Python module.</summary>
internal sealed record ImportedFile(string Module, string FileName, IReadOnlyList<ImportedEnum> Enums, IReadOnlyList<ImportedObject> Objects, IReadOnlyList<ImportedEventType> EventTypes);

/// <summary>A named enum: an oslo Enum class that every field using it lists with the same values.</summary>
internal sealed record ImportedEnum(string Name, string PythonClass, IReadOnlyList<string> Values);

/// <summary>One payload class, as the definitions language says it.</summary>
/// <param name="OwnFields">The fields the class declares itself (all of them when it extends nothing), in the order of its <c>fields</c> dict.</param>
internal sealed record ImportedObject(
    string Name,
    PythonObject Source,
    string Version,
    string? FirstVersion,
    string? Extends,
    IReadOnlyList<VersionStep> BaseVersions,
    bool IsSparse,
    IReadOnlyList<ImportedField> OwnFields,
    IReadOnlyList<ImportedHistoryEntry> History,
    string? HistoryTodo);

/// <summary>One field. <see cref="Type"/> uses the definitions' type syntax with <c>enum</c> for an enum without a name.</summary>
/// <param name="Default">The default as YAML text; null when the field has none.</param>
/// <param name="Optional">Whether the field may be unset; null when it is always set (or the object is sparse and it is not).</param>
/// <param name="Since">The version that added it; null for the object's first version.</param>
/// <param name="EnumValues">The values of an enum without a name (also inside a list or dict), in oslo's order, repeats kept.</param>
/// <param name="EnumName">The named enum the type uses, when it uses one.</param>
internal sealed record ImportedField(
    string Name,
    PythonField Source,
    Choice Type,
    bool IsNullable,
    Choice? Default,
    Choice? Optional,
    Choice? Since,
    IReadOnlyList<string> EnumValues,
    string? EnumName,
    IReadOnlyList<VersionStep> ChildVersions,
    IReadOnlyList<string> Notes);

/// <summary>One step of <c>base_versions</c> or <c>child_versions</c>: from <see cref="From"/> on, the other object is at <see cref="To"/>.</summary>
internal sealed record VersionStep(string From, string To);

internal sealed record ImportedHistoryEntry(string Version, string Text);

/// <summary>An event type or a family, with its payload object and the priority of each status.</summary>
/// <param name="Statuses">The statuses of a family with their priorities (null priority: not known); null for a plain event type.</param>
/// <param name="Priority">The priority of a plain event type; null when not known.</param>
internal sealed record ImportedEventType(string Name, Choice Payload, IReadOnlyList<(string Status, string? Priority)>? Statuses, string? Priority, bool StatusesKnown, IReadOnlyList<string> Places);
