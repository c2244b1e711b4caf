using System.Reflection;
using System.Text.Json;
using VersionedNotifications;
using VersionedNotifications.Generator.Compatibility;
using VersionedNotifications.Generator.Model;
using VersionedNotifications.Generator.Parsing;
using VersionedNotifications.Generator.Tests.Infrastructure;
using VersionedNotifications.OpenStack.Ironic;

namespace VersionedNotifications.Generator.Tests.OpenStack;

/// <summary>
/// The generated ironic contracts against what ironic 21.4.4 really sends: tests/fixtures/openstack/ironic
/// holds one message per event type, captured from oslo.messaging's test driver while ironic's own
/// emit paths ran (make_ironic_fixtures.py beside it). Each must be an event type we know, at its
/// priority, carrying the payload object, version and field set our definitions declare.
/// </summary>
public sealed class IronicFixtureTests
{
    private static readonly string FixtureDirectory = Repository.PathOf("tests", "fixtures", "openstack", "ironic");

    private static readonly OpenStackDefinitions Definitions = OpenStackDefinitions.Ironic;

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
    public void There_is_exactly_one_fixture_per_event_type()
    {
        var files = Directory.EnumerateFiles(FixtureDirectory, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(92, files.Count);
        Assert.Equal(EventTypes.All.Select(e => e.Name).Order(StringComparer.Ordinal), files);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_matches_the_contract(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(FixtureDirectory, file)));
        var message = document.RootElement;

        // The envelope, as oslo.messaging's notifier builds it.
        Assert.Equal(
            ["event_type", "message_id", "payload", "priority", "publisher_id", "timestamp"],
            message.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var name = message.GetProperty("event_type").GetString()!;
        Assert.Equal(Path.GetFileNameWithoutExtension(file), name);
        Assert.True(EventTypes.TryGet(name, out var eventType), $"{name} is not a known ironic event type");
        Assert.Equal(name, eventType.Name);
        Assert.True(Guid.TryParse(message.GetProperty("message_id").GetString(), out _));
        Assert.Matches(@"^ironic-(api|conductor)\.", message.GetProperty("publisher_id").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{6})?$", message.GetProperty("timestamp").GetString());

        // Priority: ours case-insensitively, and the wire spells it in upper case (INFO, ERROR).
        var priority = message.GetProperty("priority").GetString()!;
        Assert.True(Enum.TryParse<NotificationPriority>(priority, ignoreCase: true, out var parsed), $"{name}: priority {priority}");
        Assert.Equal(eventType.Priority, parsed);
        Assert.Equal(eventType.Priority.ToString().ToUpperInvariant(), priority);

        // The versioned object: name, namespace, version, and no changes list.
        var payload = message.GetProperty("payload");
        Assert.Equal(
            ["ironic_object.data", "ironic_object.name", "ironic_object.namespace", "ironic_object.version"],
            payload.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(eventType.PayloadName, payload.GetProperty("ironic_object.name").GetString());
        Assert.Equal("ironic", payload.GetProperty("ironic_object.namespace").GetString());
        Assert.Equal(ObjectVersionOf(eventType.PayloadType), payload.GetProperty("ironic_object.version").GetString());

        // The data: exactly the wire fields of the payload, its own and its base's.
        var expected = Definitions.WireFields(eventType.PayloadName).Keys.Order(StringComparer.Ordinal).ToList();
        var actual = payload.GetProperty("ironic_object.data").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.True(
            expected.SequenceEqual(actual),
            $"{name} ({eventType.PayloadName}): only in the definitions [{string.Join(", ", expected.Except(actual))}], only on the wire [{string.Join(", ", actual.Except(expected))}]");
    }

    private static string ObjectVersionOf(Type payloadType)
    {
        var field = payloadType.GetField("ObjectVersion", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly);
        Assert.True(field is { IsLiteral: true }, $"{payloadType.Name} declares no ObjectVersion const");
        return (string)field!.GetRawConstantValue()!;
    }
}
