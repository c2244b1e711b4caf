using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using VersionedNotifications.Generator.Model;
using VersionedNotifications.Tool.Publishing.Catalog;
using VersionedNotifications.Tool.Publishing.Profiles;
using VersionedNotifications.Tool.Publishing.Schemas;

namespace VersionedNotifications.Tool.Publishing.Examples;

/// <summary>
/// Example messages made from the definitions: each field takes its <c>example</c>, else its
/// <c>default</c>, else null when it is nullable, else a plain value of its type. The envelope is the
/// real wire's (upper-case priority, oslo's timestamp), with a message id derived from the event type
/// so that the output is the same in every run.
/// </summary>
/// <remarks>
/// An example stays small whatever the definitions: a list of objects shows one element only near the
/// top of the payload and only for the first list of that object, since objects that list objects that
/// list objects would otherwise give examples that double at each level. Objects a payload must contain
/// (non-nullable fields) nest as deep as the definitions say, up to <see cref="MaxDepth"/>.
/// </remarks>
internal static class ExampleMessages
{
    /// <summary>How deep objects may nest in an example; deeper, the example is refused (a usage error).</summary>
    public const int MaxDepth = 32;

    /// <summary>How many objects one example may hold; more, and it is refused.</summary>
    public const int MaxObjects = 10_000;

    /// <summary>Below this depth a list of objects is shown empty.</summary>
    private const int MaxListedDepth = 3;

    /// <summary>What one example has expanded so far.</summary>
    private sealed class Expansion
    {
        public int Depth { get; set; }

        public int Objects { get; set; }

        /// <summary>Objects already shown as the element of a list in this example.</summary>
        public HashSet<string> Listed { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>The envelope timestamp of every example.</summary>
    public const string Timestamp = "2024-01-01 10:00:00.250000";

    /// <summary>The message an event type's producer sends, in the v1 envelope form.</summary>
    public static JsonObject Message(EventContract eventType, ServiceContracts service, ServiceProfile profile) => new()
    {
        ["message_id"] = NameUuid(eventType.Name),
        ["publisher_id"] = profile.ExamplePublisherId(eventType.Name),
        ["event_type"] = eventType.Name,
        ["priority"] = EnvelopeSchemas.WireName(eventType.Definition.Priority),
        ["payload"] = eventType.Payload is null ? "A text message." : Payload(eventType.Payload, service),
        ["timestamp"] = Timestamp,
    };

    /// <summary>The payload of <paramref name="contract"/> at its current version, as it travels.</summary>
    /// <exception cref="UsageException">The definitions make objects nest deeper than <see cref="MaxDepth"/>, or more than <see cref="MaxObjects"/> of them, in one example.</exception>
    public static JsonNode Payload(ObjectContract contract, ServiceContracts service) => Payload(contract, service, new Expansion());

    private static JsonNode Payload(ObjectContract contract, ServiceContracts service, Expansion expansion)
    {
        if (expansion.Depth >= MaxDepth || ++expansion.Objects > MaxObjects)
        {
            throw new UsageException($"the example payload of {contract.WireNamespace}.{contract.Name} would hold objects nested more than {MaxDepth} deep or more than {MaxObjects.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} objects; make some of the object fields on the way nullable");
        }

        expansion.Depth++;
        var data = new JsonObject();
        foreach (var field in InWireOrder(contract))
        {
            data[field.Name] = Value(field, service, expansion);
        }

        expansion.Depth--;

        if (!contract.IsVersioned)
        {
            return data;
        }

        var prefix = contract.WireNamespace + "_object.";
        return new JsonObject
        {
            [prefix + "name"] = contract.Name,
            [prefix + "namespace"] = contract.WireNamespace,
            [prefix + "version"] = contract.Current.ToString(),
            [prefix + "data"] = data,
        };
    }

    private static JsonNode? Value(VersionField field, ServiceContracts service, Expansion expansion)
    {
        if (field.Definition?.Example is { } example)
        {
            return JsonNode.Parse(example.Json);
        }

        if (field.DefaultJson is not null)
        {
            return JsonNode.Parse(field.DefaultJson);
        }

        return field.IsNullable ? null : Placeholder(field.Types[0], service, expansion);
    }

    /// <summary>
    /// The current fields in the order the payload has them on the wire: for a versioned object oslo's
    /// (<see cref="OsloFieldOrder"/>), for a plain one the base's first, as the generated writer writes them.
    /// </summary>
    private static IEnumerable<VersionField> InWireOrder(ObjectContract contract)
    {
        var fields = contract.AllCurrentFields();
        if (!contract.IsVersioned || contract.Base is null)
        {
            return fields;
        }

        var place = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in OsloFieldOrder.Of(ChainOf(contract)))
        {
            place.Add(name, place.Count);
        }

        return fields.OrderBy(f => place.TryGetValue(f.Name, out var at) ? at : int.MaxValue);
    }

    private static IEnumerable<ObjectDefinition> ChainOf(ObjectContract contract)
    {
        for (var current = contract; current is not null; current = current.Base)
        {
            yield return current.Definition;
        }
    }

    /// <summary>A plain value of the type, for a field with no example, no default and no null.</summary>
    private static JsonNode? Placeholder(FieldType fieldType, ServiceContracts service, Expansion expansion)
    {
        var type = fieldType.Type;
        return type.Kind switch
        {
            TypeKind.String => "string",
            TypeKind.Integer => 0,
            TypeKind.Float => 0.5,
            TypeKind.Boolean => false,
            TypeKind.Uuid => NameUuid(type.ToString()),
            TypeKind.DateTime => "2024-01-01T10:00:00Z",
            TypeKind.IpAddress => "192.0.2.1",
            TypeKind.MacAddress => "00:00:5e:00:53:01",
            TypeKind.FlexibleDict or TypeKind.Dict => new JsonObject(),
            TypeKind.List when type.Element!.Kind == TypeKind.Named && service.FindObject(type.Element.Name!) is { } element =>
                expansion.Depth <= MaxListedDepth && expansion.Listed.Add(element.Name) ? new JsonArray(Payload(element, service, expansion)) : new JsonArray(),
            TypeKind.List => new JsonArray(),
            TypeKind.InlineEnum => fieldType.EnumValues[0],
            TypeKind.Named when service.FindEnum(type.Name!) is { } named => named.Members[0].Value,
            TypeKind.Named when service.FindObject(type.Name!) is { } nested => Payload(nested, service, expansion),
            _ => null,
        };
    }

    /// <summary>A name-based UUID (version 5 layout over SHA-1): the same name always gives the same id.</summary>
    private static string NameUuid(string name)
    {
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes("vnotify:" + name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(hash.AsSpan(0, 16));
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}";
    }
}
