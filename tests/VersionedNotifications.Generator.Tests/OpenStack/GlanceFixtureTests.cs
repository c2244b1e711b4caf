using System.Text.Json;
using VersionedNotifications;
using VersionedNotifications.Generator.Compatibility;
using VersionedNotifications.Generator.Model;
using VersionedNotifications.Generator.Parsing;
using VersionedNotifications.Generator.Tests.Infrastructure;
using VersionedNotifications.OpenStack.Glance;

namespace VersionedNotifications.Generator.Tests.OpenStack;

/// <summary>
/// The generated glance contracts against what glance 25.1.0 really sends: tests/fixtures/openstack/glance
/// holds the messages captured from oslo.messaging's test driver while requests went through glance-api's
/// own WSGI stack, controllers and notifier proxies (make_glance_fixtures.py beside it): one file per event
/// type glance sends (<c>&lt;event_type&gt;.json</c>) and a few variants of the same event type
/// (<c>&lt;event_type&gt;.&lt;variant&gt;.json</c>). Each must be an event type we know, at a priority we
/// declare, carrying the payload fields our definitions declare.
/// </summary>
public sealed class GlanceFixtureTests
{
    private static readonly string FixtureDirectory = Repository.PathOf("tests", "fixtures", "openstack", "glance");

    private static readonly OpenStackDefinitions Definitions = OpenStackDefinitions.Glance;

    /// <summary>Defined, but glance 25.1.0 never sends them (definitions/glance/README.md: nothing calls TaskRepoProxy.remove).</summary>
    private static readonly string[] NeverSent = ["task.delete"];

    /// <summary>
    /// Keys glance leaves out rather than sending null, as definitions/glance/README.md documents: <c>backend</c> of
    /// image.prepare on a single-store glance, <c>destination_ip</c> of image.send outside the cache middleware,
    /// and <c>enum</c> of an array property's item schema when none was given.
    /// </summary>
    private static readonly Dictionary<string, string[]> OptionalKeys = new(StringComparer.Ordinal)
    {
        ["ImagePreparePayload"] = ["backend"],
        ["ImageSendPayload"] = ["destination_ip"],
        ["MetadefPropertyItems"] = ["enum"],
    };

    /// <summary>
    /// Object payloads sent at a priority other than the event type's own, which the definition language cannot
    /// declare (definitions/glance/README.md, "What the definition language cannot say"): image.send carries its
    /// ImageSendPayload at ERROR when fewer bytes were sent than the image holds. Listed so that the disagreement
    /// stays visible; any other case fails.
    /// </summary>
    private static readonly (string EventType, NotificationPriority Priority)[] ObjectPayloadAtUndeclaredPriority =
    [
        ("image.send", NotificationPriority.Error),
    ];

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(FixtureDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Fact]
    public void Every_event_type_Glance_sends_has_a_fixture()
    {
        var all = EventTypes.All.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(33, all.Count);
        Assert.Equal(["task.delete"], NeverSent);
        Assert.All(NeverSent, name => Assert.Contains(name, all));

        var messages = Directory.EnumerateFiles(FixtureDirectory, "*.json")
            .ToDictionary(path => Path.GetFileNameWithoutExtension(path)!, Read, StringComparer.Ordinal);
        var sent = messages.Values.Select(m => m.GetProperty("event_type").GetString()!).ToHashSet(StringComparer.Ordinal);

        // Every event type but the never-sent ones, each with a file of its own name, and nothing else.
        Assert.Equal(all.Except(NeverSent).Order(StringComparer.Ordinal), sent.Order(StringComparer.Ordinal));
        Assert.Equal(32, sent.Count);
        Assert.All(sent, name => Assert.True(messages.ContainsKey(name), $"no {name}.json"));
        Assert.All(NeverSent, name => Assert.DoesNotContain(name, sent));

        // The object payloads at an undeclared priority are exactly the listed ones.
        var undeclared = messages.Values
            .Where(m => m.GetProperty("payload").ValueKind == JsonValueKind.Object)
            .Select(m => (EventType: m.GetProperty("event_type").GetString()!, Priority: PriorityOf(m)))
            .Where(x => EventTypes.TryGet(x.EventType, out var eventType) && eventType.Priority != x.Priority)
            .Distinct()
            .ToArray();
        Assert.Equal(ObjectPayloadAtUndeclaredPriority, undeclared);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_matches_the_contract(string file)
    {
        var message = Read(Path.Combine(FixtureDirectory, file));

        // The envelope, as oslo.messaging's notifier builds it.
        Assert.Equal(
            ["event_type", "message_id", "payload", "priority", "publisher_id", "timestamp"],
            message.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var name = message.GetProperty("event_type").GetString()!;
        var fileName = Path.GetFileNameWithoutExtension(file);
        Assert.True(fileName == name || fileName.StartsWith(name + ".", StringComparison.Ordinal), $"{file} holds {name}");
        Assert.True(EventTypes.TryGet(name, out var eventType), $"{name} is not a known glance event type");
        Assert.Equal(name, eventType.Name);
        Assert.True(Guid.TryParse(message.GetProperty("message_id").GetString(), out _));
        Assert.Equal("image.localhost", message.GetProperty("publisher_id").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{6})?$", message.GetProperty("timestamp").GetString());

        // Priority: upper case on the wire; the event type's own for its object, a text priority for text.
        var priority = message.GetProperty("priority").GetString()!;
        Assert.Equal(priority.ToUpperInvariant(), priority);
        var parsed = PriorityOf(message);
        var payload = message.GetProperty("payload");
        if (payload.ValueKind == JsonValueKind.String)
        {
            Assert.Contains(parsed, eventType.TextPriorities);
            Assert.False(string.IsNullOrWhiteSpace(payload.GetString()));
            return;
        }

        Assert.Equal(JsonValueKind.Object, payload.ValueKind);
        Assert.True(
            parsed == eventType.Priority || ObjectPayloadAtUndeclaredPriority.Contains((name, parsed)),
            $"{name}: object payload at {priority}, declared {eventType.Priority}");

        // The payload: the wire fields of the payload object (its own and its bases'), nested objects too.
        AssertKeys($"{name} ({eventType.PayloadName})", eventType.PayloadName, payload);
    }

    private static void AssertKeys(string where, string objectName, JsonElement value)
    {
        var fields = Definitions.WireFields(objectName);
        var expected = fields.Keys.ToHashSet(StringComparer.Ordinal);
        var actual = value.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var unexpected = actual.Except(expected).Order(StringComparer.Ordinal).ToList();
        var missing = expected.Except(actual).Order(StringComparer.Ordinal).ToList();
        var optional = OptionalKeys.GetValueOrDefault(objectName, []);
        Assert.True(
            unexpected.Count == 0 && missing.All(optional.Contains),
            $"{where}: only in the definitions [{string.Join(", ", missing)}] (optional: [{string.Join(", ", optional)}]), only on the wire [{string.Join(", ", unexpected)}]");

        foreach (var property in value.EnumerateObject())
        {
            var type = fields[property.Name].Type.Innermost;
            if (type.Kind != TypeKind.Named || !Definitions.Objects.ContainsKey(type.Name!))
            {
                continue;
            }

            var elements = property.Value.ValueKind == JsonValueKind.Array ? property.Value.EnumerateArray().ToList() : [property.Value];
            foreach (var element in elements.Where(e => e.ValueKind != JsonValueKind.Null))
            {
                Assert.Equal(JsonValueKind.Object, element.ValueKind);
                AssertKeys($"{where}.{property.Name} ({type.Name})", type.Name!, element);
            }
        }
    }

    private static NotificationPriority PriorityOf(JsonElement message)
    {
        var priority = message.GetProperty("priority").GetString()!;
        Assert.True(Enum.TryParse<NotificationPriority>(priority, ignoreCase: true, out var parsed), $"priority {priority}");
        return parsed;
    }

    private static JsonElement Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }
}
