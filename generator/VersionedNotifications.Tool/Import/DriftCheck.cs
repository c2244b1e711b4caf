using System.Text.Json;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Tool.Import;

/// <summary>One way the definitions and the Python classes disagree, at the YAML place it concerns.</summary>
internal sealed record Drift(string Place, string Message)
{
    public override string ToString() => Place + ": " + Message;
}

/// <summary>
/// <c>vnotify import --check</c>: the definitions of a namespace, as the generator's parser reads them, against the
/// Python classes, as the import reads them. Compared: the objects, their versions and bases, and each own field's
/// presence, type, nullability, default, enum values, whether it may be unset (where the code says), and the order
/// of the fields a class declares (the order oslo writes them in).
/// </summary>
internal static class DriftCheck
{
    public static IReadOnlyList<Drift> Compare(IReadOnlyList<DefinitionFile> files, ImportedService python)
    {
        var ours = files.Where(f => f.WireNamespace == python.WireNamespace).ToList();
        var enums = ours.SelectMany(f => f.Enums).GroupBy(e => e.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var defined = ours.SelectMany(f => f.Objects).GroupBy(o => o.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var imported = python.Files.SelectMany(f => f.Objects).ToDictionary(o => o.Name, StringComparer.Ordinal);
        var drifts = new List<Drift>();

        foreach (var (name, theirs) in imported)
        {
            if (!defined.ContainsKey(name))
            {
                drifts.Add(new Drift(PythonPlace(theirs.Source), $"{name} {theirs.Version} is not in the definitions"));
            }
        }

        foreach (var mine in ours.SelectMany(f => f.Objects))
        {
            if (!imported.TryGetValue(mine.Name, out var theirs))
            {
                drifts.Add(new Drift(Place(mine.Location), $"{mine.Name} is not among the Python payload classes"));
                continue;
            }

            CompareObject(mine, theirs, enums, drifts);
        }

        return drifts;
    }

    private static void CompareObject(ObjectDefinition mine, ImportedObject theirs, Dictionary<string, EnumDefinition> enums, List<Drift> drifts)
    {
        var at = Place(mine.Location);
        var where = theirs.Source.Module + "." + theirs.Source.Class;
        if (mine.Version.ToString() != theirs.Version)
        {
            drifts.Add(new Drift(Place(mine.VersionLocation), $"{mine.Name}: version {mine.Version} in the definitions, {theirs.Version} in {where}"));
        }

        if (mine.Extends != theirs.Extends)
        {
            drifts.Add(new Drift(at, $"{mine.Name}: extends {mine.Extends ?? "nothing"} in the definitions, {theirs.Extends ?? "nothing"} in {where}"));
        }

        var myFields = mine.Fields.Where(f => f.Removed is null).ToList();
        var theirFields = theirs.OwnFields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        foreach (var field in theirs.OwnFields.Where(f => myFields.All(m => m.Name != f.Name)))
        {
            drifts.Add(new Drift(at, $"{mine.Name}.{field.Name}: field {Describe(field)} of {where} is not in the definitions"));
        }

        foreach (var field in myFields)
        {
            if (!theirFields.TryGetValue(field.Name, out var their))
            {
                drifts.Add(new Drift(Place(field.Location), $"{mine.Name}.{field.Name}: {where} has no such field"));
                continue;
            }

            CompareField(mine.Name + "." + field.Name, field, their, enums, drifts);
        }

        var myOrder = myFields.Select(f => f.Name).Where(theirFields.ContainsKey).ToList();
        var theirOrder = theirs.OwnFields.Select(f => f.Name).Where(n => myOrder.Contains(n)).ToList();
        if (!myOrder.SequenceEqual(theirOrder))
        {
            drifts.Add(new Drift(at, $"{mine.Name}: the fields are listed in another order than {where} declares them, which is the order oslo writes them in: {string.Join(", ", theirOrder)}"));
        }
    }

    private static void CompareField(string name, FieldDefinition mine, ImportedField theirs, Dictionary<string, EnumDefinition> enums, List<Drift> drifts)
    {
        var at = Place(mine.Location);
        var myType = Canonical(mine.Type, enums);
        var theirType = theirs.Type.Value is { } type ? Canonical(type, theirs.EnumName) : "oslo " + theirs.Source.Type.Class;
        if (myType != theirType)
        {
            drifts.Add(new Drift(Place(mine.TypeLocation), $"{name}: type {myType} in the definitions, {theirType} in the Python class"));
        }

        if (mine.IsNullable != theirs.IsNullable)
        {
            drifts.Add(new Drift(at, $"{name}: {(mine.IsNullable ? "nullable" : "not nullable")} in the definitions, {(theirs.IsNullable ? "nullable" : "not nullable")} in the Python class"));
        }

        var myDefault = mine.Default?.Json;
        var theirDefault = theirs.Source.Default is { IsLiteral: true } literal ? literal.Text : theirs.Source.Default?.Text is { } computed ? "computed by " + computed : null;
        if (!SameDefault(myDefault, theirDefault, mine.IsNullable))
        {
            drifts.Add(new Drift(Place(mine.DefaultLocation ?? mine.Location), $"{name}: default {myDefault ?? "none"} in the definitions, {theirDefault ?? "none"} in the Python class"));
        }

        var myValues = EnumValues(mine, enums);
        var theirValues = theirs.EnumName is null ? theirs.EnumValues : ValuesOf(theirs.Source.Type);
        if (!myValues.SequenceEqual(theirValues))
        {
            drifts.Add(new Drift(at, $"{name}: enum values [{string.Join(", ", myValues)}] in the definitions, [{string.Join(", ", theirValues)}] in the Python class"));
        }

        // Where the code does not tell whether the field is always set, there is nothing to compare.
        if (theirs.Optional is not { IsDecided: false } && mine.IsOptional != theirs.Optional is { Value: "true" })
        {
            drifts.Add(new Drift(at, $"{name}: {(mine.IsOptional ? "optional" : "always set")} in the definitions, while the Python class's __init__ {(theirs.Optional is null ? "always sets it" : "leaves it unset on some paths")}"));
        }
    }

    private static IReadOnlyList<string> ValuesOf(PythonType type) => type.Element is { } element ? ValuesOf(element) : type.ValidValues ?? [];

    private static IReadOnlyList<string> EnumValues(FieldDefinition field, Dictionary<string, EnumDefinition> enums)
    {
        if (!field.EnumMembers.IsEmpty)
        {
            return field.EnumMembers.Select(m => m.Value).ToList();
        }

        return field.Type.Innermost is { Kind: TypeKind.Named, Name: { } name } && enums.TryGetValue(name, out var named)
            ? named.Members.Select(m => m.Value).ToList()
            : [];
    }

    /// <summary>A nullable field without a default is null when not set, as one that defaults to null.</summary>
    private static bool SameDefault(string? mine, string? theirs, bool nullable)
    {
        if (nullable)
        {
            mine = mine == "null" ? null : mine;
            theirs = theirs == "null" ? null : theirs;
        }

        if (mine is null || theirs is null)
        {
            return mine == theirs;
        }

        try
        {
            using var a = JsonDocument.Parse(mine);
            using var b = JsonDocument.Parse(theirs);
            return JsonElement.DeepEquals(a.RootElement, b.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>A type as text, with every enum (named or inline) written <c>enum</c>: their values are compared apart.</summary>
    private static string Canonical(TypeReference type, Dictionary<string, EnumDefinition> enums) => type.Kind switch
    {
        TypeKind.List or TypeKind.Dict => $"{(type.Kind == TypeKind.List ? "list" : "dict")}<{Canonical(type.Element!, enums)}{(type.ElementNullable ? "?" : string.Empty)}>",
        TypeKind.InlineEnum => "enum",
        TypeKind.Named when enums.ContainsKey(type.Name!) => "enum",
        _ => type.ToString(),
    };

    private static string Canonical(string importedType, string? enumName) =>
        enumName is null ? importedType : System.Text.RegularExpressions.Regex.Replace(importedType, @"\b" + enumName + @"\b", "enum");

    private static string Describe(ImportedField field) =>
        (field.Type.Value ?? "oslo " + field.Source.Type.Class) + (field.IsNullable ? ", nullable" : string.Empty);

    public static string Place(LocationInfo location) =>
        $"{location.FilePath}({location.LineSpan.Start.Line + 1},{location.LineSpan.Start.Character + 1})";

    public static string PythonPlace(PythonObject source) => $"{source.File}:{source.Line}";
}
