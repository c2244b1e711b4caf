using System.Globalization;
using System.Text.Json;

namespace VersionedNotifications.Tool.Import;

/// <summary>
/// Turns what introspect.py read from a Python service into definitions: one file per Python module, with what the
/// code says and a TODO wherever it does not say enough.
/// </summary>
internal static class ServiceImporter
{
    /// <exception cref="UsageException">The modules hold no notification payloads, or payloads of more than one namespace.</exception>
    public static ImportedService Build(Introspection introspection)
    {
        var findings = new List<string>();
        var objects = introspection.Objects;
        if (objects.Count == 0)
        {
            throw new UsageException($"no notification classes (versioned objects with a payload and an event_type field) in {string.Join(", ", introspection.Modules)}");
        }

        var wireNamespace = WireNamespace(objects, findings);
        var byName = objects.ToDictionary(o => o.Name, StringComparer.Ordinal);
        var namedEnums = NamedEnums(objects, byName.Keys);
        var imported = objects.Select(o => ImportObject(o, byName, namedEnums.Keys.ToHashSet(StringComparer.Ordinal), findings)).ToList();
        var fileNames = FileNames(objects.Select(o => o.Module).Distinct().ToList());
        var eventTypes = EventTypeGrouping.Group(introspection, findings);

        var files = new List<ImportedFile>();
        var placedEnums = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in imported.GroupBy(o => o.Source.Module))
        {
            var enums = group.SelectMany(o => o.OwnFields).Select(f => f.EnumName).OfType<string>().Distinct()
                .Where(placedEnums.Add)
                .Select(name => namedEnums[name])
                .ToList();
            var names = group.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
            var events = eventTypes.Where(e => e.Payload.Value is { } payload ? names.Contains(payload) : group.Key == objects[0].Module).ToList();
            files.Add(new ImportedFile(group.Key, fileNames[group.Key], enums, group.ToList(), events));
        }

        foreach (var missing in introspection.MissingObjects)
        {
            findings.Add($"a notification names the object {missing}, which none of the modules defines and no registry holds: import its module too");
        }

        return new ImportedService(wireNamespace, introspection.Python, files, findings);
    }

    private static string WireNamespace(IReadOnlyList<PythonObject> objects, List<string> findings)
    {
        var namespaces = objects.Select(o => o.ProjectNamespace).Distinct().ToList();
        if (namespaces.Count != 1 || namespaces[0] is not { } wire)
        {
            throw new UsageException("the payload classes do not share one OBJ_PROJECT_NAMESPACE (" + string.Join(", ", namespaces.Select(n => n ?? "none")) + "); import each service on its own");
        }

        foreach (var odd in objects.Where(o => o.SerialNamespace != wire + "_object"))
        {
            findings.Add($"{odd.Name}: OBJ_SERIAL_NAMESPACE is '{odd.SerialNamespace}', not '{wire}_object'; the definitions language writes '<namespace>_object' keys");
        }

        return wire;
    }

    /// <summary>The oslo Enum subclasses that every field using them lists with the same values, and whose name no object takes.</summary>
    private static Dictionary<string, ImportedEnum> NamedEnums(IReadOnlyList<PythonObject> objects, IEnumerable<string> objectNames)
    {
        var taken = objectNames.ToHashSet(StringComparer.Ordinal);
        return objects.SelectMany(o => o.Fields).Select(f => Innermost(f.Type))
            .Where(t => t.ValidValues is not null && t.Class != "Enum" && t.Module != "oslo_versionedobjects.fields" && !taken.Contains(t.Class))
            .GroupBy(t => t.Class, StringComparer.Ordinal)
            .Where(g => g.Select(t => t.Module).Distinct().Count() == 1 && g.Select(t => string.Join("\n", t.ValidValues!)).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => new ImportedEnum(g.Key, g.First().Module + "." + g.Key, g.First().ValidValues!), StringComparer.Ordinal);
    }

    private static PythonType Innermost(PythonType type) => type.Element is { } element ? Innermost(element) : type;

    private static ImportedObject ImportObject(PythonObject source, Dictionary<string, PythonObject> byName, IReadOnlySet<string> namedEnums, List<string> findings)
    {
        var history = source.History;
        var own = source.Base is null ? source.Fields : source.Fields.Where(f => f.Declared != "inherited").ToList();
        var ownNames = own.Select(f => f.Name).ToList();
        var unexplained = HistoryReading.Unexplained(history, ownNames, Ancestors(source, byName));
        var singleVersion = history.Count <= 1 && (history.Count == 0 || history[0].Version == source.Version);
        var optional = own.ToDictionary(f => f.Name, f => Optionality(source, f), StringComparer.Ordinal);
        var sparse = own.Count > 0 && own.All(f => optional[f.Name] is { IsDecided: true, Value: "true" });

        var fields = own.Select(f => ImportField(source, f, namedEnums, history, unexplained, singleVersion, optional[f.Name])).ToList();
        var historyTodo = history.Count > 0 && history[^1].Version != source.Version
            ? $"the code has no history line for {source.Version} (VERSION); add one"
            : null;
        var firstVersion = history.Count > 0 && !history[0].Version.EndsWith(".0", StringComparison.Ordinal) ? history[0].Version : null;
        IReadOnlyList<VersionStep> baseVersions = [];
        if (source.Base is { } baseName && history.Count > 0)
        {
            baseVersions = HistoryReading.BaseVersions(history, baseName, out var gap);
            if (gap is not null)
            {
                findings.Add($"{source.Name}: {gap}");
            }
        }

        ReportHistory(source, ownNames, unexplained, singleVersion, firstVersion, findings);
        ReportFieldOrder(source, ownNames, byName, findings);
        return new ImportedObject(source.Name, source, source.Version, firstVersion, source.Base, baseVersions, sparse, fields,
            history.Select(h => new ImportedHistoryEntry(h.Version, h.Text)).ToList(), historyTodo);
    }

    /// <summary>What the history comments leave to a person: changes and removals, undated fields, gaps, a late start.</summary>
    private static void ReportHistory(PythonObject source, IReadOnlyList<string> ownNames, IReadOnlyList<PythonHistoryLine> unexplained, bool singleVersion, string? firstVersion, List<string> findings)
    {
        var history = source.History;
        foreach (var (line, field) in HistoryReading.Changes(history, ownNames))
        {
            findings.Add($"{source.Name} {line.Version} changes {field} (\"{line.Text}\"): if that broke the minor-version rule, record a history exception");
        }

        foreach (var line in HistoryReading.Removals(history))
        {
            findings.Add($"{source.Name} {line.Version} removes what the code no longer declares (\"{line.Text}\"): add each removed field with its old type and removed: \"{line.Version}\" (a minor version: a history exception of kind removed), so that messages of the older versions read typed");
        }

        if (unexplained.Count > 0 && !singleVersion)
        {
            findings.Add($"{source.Name}: " + string.Join("; ", unexplained.Select(l => $"{l.Version} (\"{l.Text}\")")) + (unexplained.Count == 1 ? " names" : " name") + " no field, so the since of each field no line names is left to you");
        }

        if (firstVersion is not null)
        {
            findings.Add($"{source.Name}: the history starts at {firstVersion}, written as first_version; if earlier versions existed, add their lines instead");
        }

        for (var i = 1; i < history.Count; i++)
        {
            if (!FollowsDirectly(history[i - 1].Version, history[i].Version))
            {
                findings.Add($"{source.Name}: the history goes from {history[i - 1].Version} to {history[i].Version}; the lines between are missing in the code");
            }
        }
    }

    /// <summary>
    /// Whether the definitions can say the order oslo writes the fields in: the class's own fields, then its base's
    /// in the base's order. A class that copies its base's dict into its own would not fit.
    /// </summary>
    private static void ReportFieldOrder(PythonObject source, IReadOnlyList<string> ownNames, Dictionary<string, PythonObject> byName, List<string> findings)
    {
        if (source.Base is not { } parent || !byName.TryGetValue(parent, out var baseObject))
        {
            return;
        }

        var wireOrder = source.Fields.Select(f => f.Name).ToList();
        var expected = ownNames.Concat(baseObject.Fields.Select(f => f.Name).Where(n => !ownNames.Contains(n))).ToList();
        if (!expected.SequenceEqual(wireOrder))
        {
            findings.Add($"{source.Name}: oslo writes its fields in an order that its own fields followed by {parent}'s does not give: {string.Join(", ", wireOrder)}");
        }
    }

    private static IReadOnlyList<string> Ancestors(PythonObject source, Dictionary<string, PythonObject> byName)
    {
        var names = new List<string>();
        for (var parent = source.Base; parent is not null && !names.Contains(parent); parent = byName.TryGetValue(parent, out var next) ? next.Base : null)
        {
            names.Add(parent);
        }

        return names;
    }

    private static bool FollowsDirectly(string previous, string next)
    {
        var (a, b) = (previous.Split('.'), next.Split('.'));
        return (a[0] == b[0] && Number(b[1]) == Number(a[1]) + 1) || (Number(b[0]) == Number(a[0]) + 1 && b[1] == "0");

        static int Number(string part) => int.Parse(part, CultureInfo.InvariantCulture);
    }

    private static Choice? Optionality(PythonObject source, PythonField field) => field.SetByInit switch
    {
        "always" => null,
        "sometimes" => new Choice("true"),
        _ => Choice.Undetermined($"{source.Init} does not set {field.Name}; if callers may leave it unset, say true, else remove this line"),
    };

    private static ImportedField ImportField(PythonObject source, PythonField field, IReadOnlySet<string> namedEnums, IReadOnlyList<PythonHistoryLine> history,
        IReadOnlyList<PythonHistoryLine> unexplained, bool singleVersion, Choice? optional)
    {
        var notes = new List<string>();
        var values = new List<string>();
        string? enumName = null;
        var type = FieldTypes.Map(field.Type, namedEnums, values, ref enumName, notes);

        Choice? since = null;
        if (HistoryReading.AddedIn(history, field.Name) is { } added)
        {
            since = new Choice(Quoted(added));
        }
        else if (!singleVersion && unexplained.Count > 0)
        {
            since = Choice.Undetermined($"no history line names {field.Name}; {string.Join(", ", unexplained.Select(l => l.Version))} {(unexplained.Count == 1 ? "names" : "name")} no field: the first version, or {(unexplained.Count == 1 ? "that one" : "one of those")}");
        }

        var defaultValue = field.Default switch
        {
            null => null,
            { IsLiteral: true } literal => DefaultText(literal.Text),
            { Kind: "callable" } computed => Choice.Undetermined($"oslo computes the default at run time ({computed.Text}); write the value, or remove this line"),
            var other => Choice.Undetermined($"the default {other.Text} cannot be written in the definitions; write one, or remove this line"),
        };
        if (defaultValue is { IsDecided: true } && optional is { IsDecided: true, Value: "true" })
        {
            defaultValue = Choice.Undetermined($"{field.Name} has the default {defaultValue.Value} but {source.Init} leaves it unset on some paths; keep the default or optional: true");
        }

        var relationships = source.ObjRelationships.TryGetValue(field.Name, out var steps)
            ? steps.Select(s => new VersionStep(s[0], s[1])).ToList()
            : [];
        return new ImportedField(field.Name, field, type, field.Nullable, defaultValue, optional, since, values, enumName, relationships, notes);
    }

    /// <summary>A literal default as YAML: JSON scalars, [] and {} as they are; the language takes no other list or dict.</summary>
    private static Choice DefaultText(string json)
    {
        using var document = JsonDocument.Parse(json);
        var value = document.RootElement;
        return value.ValueKind switch
        {
            JsonValueKind.Array when value.GetArrayLength() > 0 => Choice.Undetermined($"the default {json} is not [], the only list default the language takes; remove this line or change the field"),
            JsonValueKind.Object when value.EnumerateObject().Any() => Choice.Undetermined($"the default {json} is not {{}}, the only dict default the language takes; remove this line or change the field"),
            _ => new Choice(json),
        };
    }

    /// <summary>A YAML double-quoted scalar: JSON's string syntax is one, and escapes only what needs it.</summary>
    public static string Quoted(string text) => JsonSerializer.Serialize(text, QuotingOptions);

    private static readonly JsonSerializerOptions QuotingOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One file name per module: the last part of its name, or more parts where two modules end alike.</summary>
    private static Dictionary<string, string> FileNames(IReadOnlyList<string> modules)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var module in modules)
        {
            var parts = module.Split('.');
            var take = 1;
            while (take < parts.Length && modules.Count(m => m.Split('.').TakeLast(take).SequenceEqual(parts.TakeLast(take))) > 1)
            {
                take++;
            }

            names[module] = string.Join("_", parts.TakeLast(take)) + ".yaml";
        }

        return names;
    }
}
