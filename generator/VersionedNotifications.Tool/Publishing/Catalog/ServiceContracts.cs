using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Tool.Publishing.Catalog;

/// <summary>The objects, enums and event types of one wire namespace, each ordered by name.</summary>
internal sealed class ServiceContracts
{
    private readonly Dictionary<string, ObjectContract> _objects;
    private readonly Dictionary<string, EnumDefinition> _enums;

    private ServiceContracts(string wireNamespace, Dictionary<string, ObjectContract> objects, Dictionary<string, EnumDefinition> enums, IReadOnlyList<EventContract> events)
    {
        WireNamespace = wireNamespace;
        _objects = objects;
        _enums = enums;
        Objects = objects.Values.OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
        Enums = enums.Values.OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        Events = events;
        Families = events
            .GroupBy(e => e.FamilyName, StringComparer.Ordinal)
            .Select(g => new EventFamily(g.Key, g.First().Definition.Family is not null, g.OrderBy(e => EventFamily.StatusOrder(e.Status)).ThenBy(e => e.Name, StringComparer.Ordinal).ToList()))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The wire namespace: the prefix of <c>&lt;ns&gt;_object.*</c> keys, and the name of the service here.</summary>
    public string WireNamespace { get; }

    public IReadOnlyList<ObjectContract> Objects { get; }

    public IReadOnlyList<EnumDefinition> Enums { get; }

    /// <summary>Every event type, families expanded, ordered by name.</summary>
    public IReadOnlyList<EventContract> Events { get; }

    /// <summary>The event types grouped as declared: a family, or a plain event type on its own.</summary>
    public IReadOnlyList<EventFamily> Families { get; }

    /// <summary>Whether any object travels as a versioned object.</summary>
    public bool HasVersionedObjects => Objects.Any(o => o.IsVersioned);

    public ObjectContract? FindObject(string name) => _objects.GetValueOrDefault(name);

    public EnumDefinition? FindEnum(string name) => _enums.GetValueOrDefault(name);

    /// <summary>The objects that <paramref name="contract"/> holds in its fields (not its bases), by name.</summary>
    public IEnumerable<ObjectContract> NestedObjects(ObjectContract contract) =>
        contract.AllCurrentFields()
            .SelectMany(f => f.Types)
            .Select(t => t.Type.Innermost)
            .Where(t => t.Kind == TypeKind.Named && _objects.ContainsKey(t.Name!))
            .Select(t => _objects[t.Name!])
            .Distinct();

    public static ServiceContracts Build(string wireNamespace, IReadOnlyList<DefinitionFile> files)
    {
        var definitions = files.SelectMany(f => f.Objects).GroupBy(o => o.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var objects = new Dictionary<string, ObjectContract>(StringComparer.Ordinal);
        foreach (var definition in definitions.Values)
        {
            Resolve(definition);
        }

        var enums = files.SelectMany(f => f.Enums).GroupBy(e => e.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var events = files.SelectMany(f => f.Events)
            .GroupBy(e => e.Name, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => new EventContract(e, wireNamespace, e.Payload == EventDefinition.TextPayload ? null : objects.GetValueOrDefault(e.Payload)))
            .ToList();
        return new ServiceContracts(wireNamespace, objects, enums, events);

        ObjectContract Resolve(ObjectDefinition definition)
        {
            if (objects.TryGetValue(definition.Name, out var resolved))
            {
                return resolved;
            }

            var baseContract = definition.Extends is { } extends && definitions.TryGetValue(extends, out var baseDefinition) ? Resolve(baseDefinition) : null;
            resolved = new ObjectContract(definition, wireNamespace, baseContract);
            objects.Add(definition.Name, resolved);
            return resolved;
        }
    }
}
