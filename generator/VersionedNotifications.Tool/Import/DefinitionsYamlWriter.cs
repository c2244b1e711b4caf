using System.Text;
using VersionedNotifications.Generator.Parsing;

namespace VersionedNotifications.Tool.Import;

/// <summary>
/// Writes an imported module as a definitions file. Where the import could not decide, the line carries
/// <see cref="Choice.Placeholder"/> and a <c># TODO:</c> comment saying what to decide; each such value is one the
/// build rejects (an unknown type, version, status or payload, a key the language does not have), so the build fails
/// with our diagnostic until a person has decided.
/// </summary>
internal static class DefinitionsYamlWriter
{
    public static string Write(ImportedService service, ImportedFile file, string csharpNamespace)
    {
        var yaml = new StringBuilder();
        yaml.Append("# Imported by vnotify import from the Python module ").Append(file.Module).Append(" (Python ").Append(service.Python).Append(").\n");
        yaml.Append("# Review it: descriptions are not imported, and every TODO needs a decision before the build passes.\n");
        yaml.Append("namespace: ").Append(service.WireNamespace).Append('\n');
        yaml.Append("csharp_namespace: ").Append(csharpNamespace).Append('\n');

        if (file.Enums.Count > 0)
        {
            yaml.Append("\nenums:\n");
            foreach (var named in file.Enums)
            {
                yaml.Append("  ").Append(named.Name).Append(":\n");
                yaml.Append("    description: ").Append(ServiceImporter.Quoted("oslo's " + named.PythonClass + ".")).Append('\n');
                yaml.Append("    values:\n");
                AppendValues(yaml, named.Values, "      ");
            }
        }

        yaml.Append("\nobjects:\n");
        foreach (var imported in file.Objects)
        {
            AppendObject(yaml, imported);
        }

        if (file.EventTypes.Count > 0)
        {
            yaml.Append("\nevent_types:\n");
            foreach (var eventType in file.EventTypes)
            {
                AppendEventType(yaml, eventType);
            }
        }

        return yaml.ToString();
    }

    private static void AppendObject(StringBuilder yaml, ImportedObject imported)
    {
        var source = imported.Source;
        yaml.Append("  ").Append(imported.Name).Append(":  # ").Append(source.Module).Append('.').Append(source.Class).Append('\n');
        yaml.Append("    version: ").Append(ServiceImporter.Quoted(imported.Version)).Append('\n');
        if (imported.FirstVersion is { } first)
        {
            yaml.Append("    first_version: ").Append(ServiceImporter.Quoted(first)).Append('\n');
        }

        if (imported.Extends is { } extends)
        {
            yaml.Append("    extends: ").Append(extends).Append('\n');
        }

        if (imported.BaseVersions.Count > 0)
        {
            yaml.Append("    base_versions: ").Append(Steps(imported.BaseVersions)).Append('\n');
        }

        if (imported.IsSparse)
        {
            yaml.Append("    sparse: true  # ").Append(source.Init).Append(" leaves each field unset when its source has none\n");
        }

        if (imported.OwnFields.Count > 0)
        {
            yaml.Append("    fields:\n");
            foreach (var field in imported.OwnFields)
            {
                AppendField(yaml, field, imported.IsSparse);
            }
        }

        if (imported.History.Count > 0)
        {
            yaml.Append("    history:\n");
            foreach (var entry in imported.History)
            {
                yaml.Append("      ").Append(ServiceImporter.Quoted(entry.Version)).Append(": ")
                    .Append(ServiceImporter.Quoted(entry.Text.Length > 0 ? entry.Text : "(the code's line for this version has no text)")).Append('\n');
            }
        }

        if (imported.HistoryTodo is { } todo)
        {
            yaml.Append("      # TODO: ").Append(todo).Append('\n');
        }
    }

    private static void AppendField(StringBuilder yaml, ImportedField field, bool sparse)
    {
        // In a sparse object every field may be unset, which sparse: true says once.
        var optional = sparse ? null : field.Optional;
        var simple = field.Type.IsDecided && !field.IsNullable && field.Default is null && optional is null && field.Since is null
            && field.EnumValues.Count == 0 && field.ChildVersions.Count == 0 && field.Notes.Count == 0;
        if (simple)
        {
            yaml.Append("      ").Append(field.Name).Append(": ").Append(field.Type.Value).Append('\n');
            return;
        }

        yaml.Append("      ").Append(field.Name).Append(":\n");
        AppendChoice(yaml, "type", field.Type);
        if (field.IsNullable)
        {
            yaml.Append("        nullable: true\n");
        }

        if (field.Default is { } value)
        {
            AppendChoice(yaml, "default", value, undecidedKey: "TODO");
        }

        if (optional is not null)
        {
            AppendChoice(yaml, "optional", optional);
        }

        if (field.Since is { } since)
        {
            AppendChoice(yaml, "since", since);
        }

        if (field.EnumValues.Count > 0)
        {
            yaml.Append("        values:\n");
            AppendValues(yaml, field.EnumValues, "          ");
        }

        if (field.ChildVersions.Count > 0)
        {
            yaml.Append("        child_versions: ").Append(Steps(field.ChildVersions)).Append('\n');
        }

        foreach (var note in field.Notes)
        {
            yaml.Append("        # ").Append(note).Append('\n');
        }
    }

    /// <summary>
    /// A decided value as <c>key: value</c>; an undecided one as <c>key: TODO  # TODO: ...</c>, or, for a key whose
    /// placeholder the build might accept (a string default <c>TODO</c>), under <paramref name="undecidedKey"/>, a key
    /// the language does not have.
    /// </summary>
    private static void AppendChoice(StringBuilder yaml, string key, Choice choice, string? undecidedKey = null)
    {
        if (choice.IsDecided)
        {
            yaml.Append("        ").Append(key).Append(": ").Append(choice.Value).Append('\n');
            return;
        }

        yaml.Append("        ").Append(undecidedKey ?? key).Append(": ").Append(Choice.Placeholder).Append("  # TODO: ").Append(choice.Todo).Append('\n');
    }

    private static void AppendValues(StringBuilder yaml, IReadOnlyList<string> values, string indent)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            yaml.Append(indent).Append("- ");
            var quoted = ServiceImporter.Quoted(value);
            var name = EnumMemberName(value);
            yaml.Append(!seen.Add(value) ? "{ value: " + quoted + ", repeat: true }" : name is null ? quoted : "{ value: " + quoted + ", csharp_name: " + name + " }");
            yaml.Append('\n');
        }
    }

    /// <summary>
    /// A C# member name for a value whose PascalCase is none (<c>1.2</c> gives <c>12</c>): <c>V</c> and the value with
    /// every other character made <c>_</c> (<c>V1_2</c>); null when the PascalCase serves.
    /// </summary>
    private static string? EnumMemberName(string value)
    {
        if (Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(Naming.ToPascalCase(value)))
        {
            return null;
        }

        var name = "V" + new string(value.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        return Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(name) ? name : null;
    }

    private static void AppendEventType(StringBuilder yaml, ImportedEventType eventType)
    {
        yaml.Append("  ").Append(eventType.Name).Append(":  # ").Append(string.Join(", ", eventType.Places)).Append('\n');
        yaml.Append("    payload: ").Append(eventType.Payload.Value ?? Choice.Placeholder);
        yaml.Append(eventType.Payload.IsDecided ? "\n" : "  # TODO: " + eventType.Payload.Todo + "\n");
        if (!eventType.StatusesKnown)
        {
            yaml.Append("    statuses: [").Append(Choice.Placeholder).Append("]  # TODO: the phase is computed at run time; list the statuses this family sends, with their priorities\n");
            return;
        }

        if (eventType.Statuses is { } statuses)
        {
            yaml.Append("    statuses:\n");
            foreach (var (status, priority) in statuses)
            {
                yaml.Append("      ").Append(status).Append(": ").Append(priority ?? Choice.Placeholder);
                yaml.Append(priority is null ? "  # TODO: the priority is computed at run time; write it\n" : "\n");
            }

            return;
        }

        yaml.Append("    priority: ").Append(eventType.Priority ?? Choice.Placeholder);
        yaml.Append(eventType.Priority is null ? "  # TODO: the priority is computed at run time; write it\n" : "\n");
    }

    private static string Steps(IReadOnlyList<VersionStep> steps) =>
        "{ " + string.Join(", ", steps.Select(s => ServiceImporter.Quoted(s.From) + ": " + ServiceImporter.Quoted(s.To))) + " }";
}
