using VersionedNotifications.Generator.Compatibility;
using VersionedNotifications.Generator.Model;
using VersionedNotifications.Generator.Parsing;

namespace VersionedNotifications.Tool.Publishing.Catalog;

/// <summary>
/// One object with its bases resolved, and the fields each of its versions carries on the wire.
/// </summary>
/// <remarks>
/// An object's own fields are replayed from its history (<see cref="HistoryReplay"/>). The fields it
/// inherits are its bases' current fields in its current version. In an earlier version they are the
/// fields of the base version that version carries when the definitions say so (<c>base_versions</c>);
/// otherwise of <em>some</em> version of each base, so there an inherited field is required only when
/// every version of its base has it, and takes every shape the base ever gave it.
/// </remarks>
internal sealed class ObjectContract
{
    private readonly Dictionary<ObjectVersion, IReadOnlyList<VersionField>> _fields = new();

    public ObjectContract(ObjectDefinition definition, string wireNamespace, ObjectContract? baseContract)
    {
        Definition = definition;
        WireNamespace = wireNamespace;
        Base = baseContract;
        Versions = HistoryReplay.Versions(definition);
    }

    public ObjectDefinition Definition { get; }

    public string WireNamespace { get; }

    public string Name => Definition.Name;

    public bool IsVersioned => Definition.IsVersioned;

    public ObjectVersion Current => Definition.Version;

    /// <summary>The object it extends, if any.</summary>
    public ObjectContract? Base { get; }

    /// <summary>Every version the definition records, oldest first.</summary>
    public IReadOnlyList<ObjectVersion> Versions { get; }

    /// <summary>The history entry of <paramref name="version"/>, if the definition has a history.</summary>
    public HistoryEntry? HistoryOf(ObjectVersion version) => Definition.History.FirstOrDefault(h => h.Version == version);

    /// <summary>Its bases, nearest first.</summary>
    public IEnumerable<ObjectContract> Ancestors()
    {
        for (var current = Base; current is not null; current = current.Base)
        {
            yield return current;
        }
    }

    /// <summary>The fields of the current version: inherited ones first (farthest base first), then its own.</summary>
    public IReadOnlyList<VersionField> AllCurrentFields() => FieldsAt(Current);

    /// <summary>The object's own fields in <paramref name="version"/>, in definition order.</summary>
    public IReadOnlyList<VersionField> OwnFieldsAt(ObjectVersion version) => FieldsAt(version).Where(f => f.DeclaredBy == this).ToList();

    /// <summary>The fields <paramref name="version"/> carries: inherited ones first (farthest base first), then its own.</summary>
    public IReadOnlyList<VersionField> FieldsAt(ObjectVersion version)
    {
        if (!_fields.TryGetValue(version, out var fields))
        {
            var inherited = BaseVersionAt(version) is { } baseVersion
                ? Base!.FieldsAt(baseVersion)
                : Ancestors().Reverse().SelectMany(a => version == Current ? a.OwnFieldsAt(a.Current) : a.OwnFieldsInAnyVersion());
            fields = inherited.Concat(Own(version)).ToList();
            _fields.Add(version, fields);
        }

        return fields;
    }

    /// <summary>The base version <paramref name="version"/> carries, when <c>base_versions</c> says it and the base has that version.</summary>
    private ObjectVersion? BaseVersionAt(ObjectVersion version)
    {
        if (Base is null)
        {
            return null;
        }

        var step = Definition.BaseVersions.StepAt(version);
        return step is not null && Base.Versions.Contains(step.Child) ? step.Child : null;
    }

    private IEnumerable<VersionField> Own(ObjectVersion version)
    {
        var shapes = HistoryReplay.FieldsAt(Definition, version);
        // A field this object re-declares from a base (nova's request_id) is the base's field, in the base's place.
        foreach (var name in Ancestors().SelectMany(a => a.Definition.Fields).Select(f => f.Name))
        {
            shapes.Remove(name);
        }

        var ordered = Definition.Fields.Select(f => f.Name).Where(shapes.ContainsKey)
            .Concat(shapes.Keys.Where(k => !Definition.Fields.Any(f => f.Name == k)).OrderBy(k => k, StringComparer.Ordinal));
        foreach (var name in ordered)
        {
            var shape = shapes[name];
            var definition = Definition.Fields.FirstOrDefault(f => f.Name == name);
            yield return new VersionField(
                name,
                new[] { TypeOf(shape, definition) },
                shape.IsNullable,
                shape.DefaultJson,
                IsRequired: !(definition?.IsOptional ?? false),
                definition,
                this);
        }
    }

    /// <summary>Each own field any version has, required only when all have it, with every shape it took.</summary>
    private IEnumerable<VersionField> OwnFieldsInAnyVersion()
    {
        var perVersion = Versions.Select(v => OwnFieldsAt(v)).ToList();
        var current = OwnFieldsAt(Current).Select(f => f.Name).ToList();
        var earlierOnly = perVersion.SelectMany(fields => fields.Select(f => f.Name)).Except(current).Distinct().OrderBy(n => n, StringComparer.Ordinal);
        foreach (var name in current.Concat(earlierOnly))
        {
            var shapes = perVersion.Select(fields => fields.FirstOrDefault(f => f.Name == name)).ToList();
            var present = shapes.Where(s => s is not null).Select(s => s!).ToList();
            var latest = present[^1];
            yield return latest with
            {
                Types = present.SelectMany(s => s.Types).Distinct().ToList(),
                IsNullable = present.Any(s => s.IsNullable),
                DefaultJson = present.All(s => s.DefaultJson == latest.DefaultJson) ? latest.DefaultJson : null,
                IsRequired = shapes.All(s => s is not null && s.IsRequired),
            };
        }
    }

    private static FieldType TypeOf(FieldShape shape, FieldDefinition? definition)
    {
        var type = definition is not null && definition.Type.ToString() == shape.Type
            ? definition.Type
            : TypeExpressionParser.Parse(shape.Type, out var error) ?? throw new InvalidOperationException($"the replayed type '{shape.Type}' does not parse: {error}");
        return new FieldType(type, shape.EnumValues.ToList());
    }
}

/// <summary>One field as one version of an object carries it.</summary>
/// <param name="Name">The wire name.</param>
/// <param name="Types">The type; more than one only for an inherited field whose base changed its type between versions.</param>
/// <param name="IsNullable">Whether null is a valid value.</param>
/// <param name="DefaultJson">The default, as JSON.</param>
/// <param name="IsRequired">Whether the producer always sends the key: every field that the definitions do not mark optional (the reader refuses a message without it).</param>
/// <param name="Definition">The field as defined now; null for a field that a later version removed or renamed.</param>
/// <param name="DeclaredBy">The object that declares the field (the object itself or one of its bases).</param>
internal sealed record VersionField(
    string Name,
    IReadOnlyList<FieldType> Types,
    bool IsNullable,
    string? DefaultJson,
    bool IsRequired,
    FieldDefinition? Definition,
    ObjectContract DeclaredBy)
{
    public string? Description => Definition?.Description;

    public bool IsSecret => Definition?.IsSecret ?? false;
}

/// <summary>A field type, and for an inline enum its values.</summary>
internal sealed record FieldType(TypeReference Type, IReadOnlyList<string> EnumValues)
{
    public bool Equals(FieldType? other) => other is not null && Type == other.Type && EnumValues.SequenceEqual(other.EnumValues, StringComparer.Ordinal);

    public override int GetHashCode() => Type.GetHashCode();
}
