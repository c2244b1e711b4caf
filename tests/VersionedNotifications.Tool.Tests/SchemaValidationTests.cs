using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VersionedNotifications.OpenStack;
using VersionedNotifications.Tool.Tests.Infrastructure;
using static VersionedNotifications.Tool.Tests.Infrastructure.NodeTools;

namespace VersionedNotifications.Tool.Tests;

/// <summary>
/// The committed JSON Schemas, checked with a real draft 2020-12 validator (ajv, strict, formats
/// asserted): every message the real ironic and glance code made validates against its object
/// version's schema, its event type's schema, its service's schema and the envelope forms, and a
/// fixture broken in any of the ways below fails them.
/// </summary>
public sealed partial class SchemaValidationTests
{
    private static readonly NotificationReader Reader = new(OpenStackJsonContext.Default);

    [Fact]
    public void Every_fixture_validates_against_its_object_version_event_service_and_envelope_schemas()
    {
        var cases = new List<SchemaCase>();
        foreach (var fixture in OpenStackFixtures.All)
        {
            cases.Add(new(fixture.Name + " envelope", "notification.json", fixture.Message));
            cases.Add(new(fixture.Name + " event", EventSchema(fixture), fixture.Message));
            cases.Add(new(fixture.Name + " service", fixture.Service + "/notification.json", fixture.Message));
            if (ObjectSchema(fixture) is { } objectSchema)
            {
                cases.Add(new(fixture.Name + " object", objectSchema, fixture.Payload));
            }

            if (fixture.ObjectVersionSchema is not null)
            {
                cases.Add(new(fixture.Name + " any version", Regex.Replace(fixture.ObjectVersionSchema, @"/1\.[0-9]+\.json$", "/1.x.json"), fixture.Payload));
            }
        }

        var failures = Validate(cases).Values.Where(r => !r.Valid).Select(r => r.Name + ": " + string.Join("; ", r.Errors)).ToList();

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal(92 + 35 + 41, OpenStackFixtures.All.Count);
    }

    [Fact]
    public void Every_fixture_as_a_messaging_v2_body_validates_and_its_inner_message_too()
    {
        var cases = new List<SchemaCase>();
        foreach (var fixture in OpenStackFixtures.All)
        {
            var inner = fixture.Copy();
            inner["_unique_id"] = "0123456789abcdef0123456789abcdef";
            inner["_context_user_name"] = "admin";
            inner["_context_request_id"] = "req-1";
            var body = new JsonObject { ["oslo.version"] = "2.0", ["oslo.message"] = inner.ToJsonString() };
            cases.Add(new(fixture.Name + " body", "messaging-v2.json", body));
            cases.Add(new(fixture.Name + " inner", EventSchema(fixture), JsonNode.Parse((string)body["oslo.message"]!)));
        }

        var failures = Validate(cases).Values.Where(r => !r.Valid).Select(r => r.Name + ": " + string.Join("; ", r.Errors)).ToList();

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    /// <summary>One way to break a real message, the schema that must then reject it, and what the validator must say.</summary>
    internal sealed record Mutation(string Name, Func<OpenStackFixtures.Fixture, bool> AppliesTo, Func<OpenStackFixtures.Fixture, JsonNode> Mutate, Func<OpenStackFixtures.Fixture, string> Schema, string ExpectedError)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<string> MutationNames => new(Mutations.Keys);

    [Theory]
    [MemberData(nameof(MutationNames))]
    public void A_mutated_fixture_fails_its_schema(string name)
    {
        var mutation = Mutations[name];
        var fixtures = OpenStackFixtures.All.Where(mutation.AppliesTo).ToList();
        Assert.NotEmpty(fixtures);
        var cases = fixtures.Select(f => new SchemaCase(f.Name, mutation.Schema(f), mutation.Mutate(f))).ToList();

        var results = Validate(cases);

        var accepted = results.Values.Where(r => r.Valid).Select(r => r.Name).ToList();
        Assert.True(accepted.Count == 0, $"{name}: still valid: {string.Join(", ", accepted)}");
        var unexplained = results.Values.Where(r => !r.Errors.Any(e => e.Contains(mutation.ExpectedError, StringComparison.Ordinal))).Select(r => r.Name + ": " + string.Join("; ", r.Errors)).ToList();
        Assert.True(unexplained.Count == 0, $"{name}: expected an error containing '{mutation.ExpectedError}':\n{string.Join('\n', unexplained)}");
    }

    [Fact]
    public void A_later_minor_version_with_a_new_field_passes_the_any_version_schema_but_not_an_exact_one()
    {
        var cases = new List<SchemaCase>();
        foreach (var fixture in OpenStackFixtures.Ironic)
        {
            var message = fixture.Copy();
            var payload = message["payload"]!.AsObject();
            payload["ironic_object.version"] = "1.99";
            payload["ironic_object.data"]!["added_in_a_later_minor"] = "kept";
            var anyVersion = Regex.Replace(fixture.ObjectVersionSchema!, @"/1\.[0-9]+\.json$", "/1.x.json");
            cases.Add(new(fixture.Name + " any", anyVersion, payload));
            cases.Add(new(fixture.Name + " event", EventSchema(fixture), message));
            cases.Add(new(fixture.Name + " exact", fixture.ObjectVersionSchema!, payload));
        }

        var results = Validate(cases);

        Assert.All(results.Values.Where(r => !r.Name.EndsWith(" exact", StringComparison.Ordinal)), r => Assert.True(r.Valid, r.Name + ": " + string.Join("; ", r.Errors)));
        Assert.All(results.Values.Where(r => r.Name.EndsWith(" exact", StringComparison.Ordinal)), r => Assert.False(r.Valid, r.Name));
    }

    [Fact]
    public void An_earlier_version_validates_against_its_own_schema_and_not_against_the_current_one()
    {
        // The seed's maintenance example is NodePayload 1.15: the real 1.16 message without the two 1.16 fields.
        var message = OpenStackFixtures.All.Single(f => f.Name == "baremetal.node.maintenance_set.start").Copy();
        var payload = message["payload"]!.AsObject();
        payload["ironic_object.version"] = "1.15";
        var data = payload["ironic_object.data"]!.AsObject();
        data.Remove("boot_mode");
        data.Remove("secure_boot");
        var withInstanceInfo = payload.DeepClone();
        withInstanceInfo["ironic_object.data"]!["instance_info"] = new JsonObject();

        var results = Validate(
        [
            new("1.15", "ironic/NodePayload/1.15.json", payload),
            new("any", "ironic/NodePayload/1.x.json", payload),
            new("event", "ironic/events/baremetal.node.maintenance_set.start.json", message),
            new("1.16", "ironic/NodePayload/1.16.json", payload),
            new("1.15 with the seed's instance_info", "ironic/NodePayload/1.15.json", withInstanceInfo),
        ]);

        Assert.True(results["1.15"].Valid, string.Join("; ", results["1.15"].Errors));
        Assert.True(results["any"].Valid, string.Join("; ", results["any"].Errors));
        Assert.True(results["event"].Valid, string.Join("; ", results["event"].Errors));
        Assert.False(results["1.16"].Valid);
        Assert.False(results["1.15 with the seed's instance_info"].Valid);
        Assert.Contains(results["1.15 with the seed's instance_info"].Errors, e => e.Contains("must NOT have additional properties", StringComparison.Ordinal));
    }

    [Fact]
    public void A_plain_object_may_carry_keys_a_newer_release_adds()
    {
        var cases = OpenStackFixtures.Glance.Where(f => ObjectSchema(f) is not null).SelectMany(fixture =>
        {
            var message = fixture.Copy();
            message["payload"]!["os_glance_added_later"] = "kept";
            return new[] { new SchemaCase(fixture.Name + " object", ObjectSchema(fixture)!, message["payload"]), new SchemaCase(fixture.Name + " event", EventSchema(fixture), message) };
        }).ToList();

        var failures = Validate(cases).Values.Where(r => !r.Valid).Select(r => r.Name + ": " + string.Join("; ", r.Errors)).ToList();

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public void A_uuid_field_may_hold_any_string_as_oslo_sends_it()
    {
        var texts = new[] { "A022CE3F-1E4C-4D4B-9F3A-2C5B1E7D9A01", "a022ce3f1e4c4d4b9f3a2c5b1e7d9a01", "{a022ce3f-1e4c-4d4b-9f3a-2c5b1e7d9a01}", "fake-volume-id" };
        var cases = OpenStackFixtures.Ironic.Where(f => ObjectSchema(f) is not null).SelectMany(fixture => texts.Select(text =>
        {
            var message = fixture.Copy();
            Data(message)["uuid"] = text;
            return new SchemaCase(fixture.Name + " " + text, ObjectSchema(fixture)!, message["payload"]);
        })).ToList();

        var failures = Validate(cases).Values.Where(r => !r.Valid).Select(r => r.Name + ": " + string.Join("; ", r.Errors)).ToList();

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static readonly Dictionary<string, Mutation> Mutations = new Mutation[]
    {
        new("a required payload field removed", f => ObjectSchema(f) is not null, f => WithData(f, data => data.Remove(RequiredFields(ObjectSchema(f)!)[0])), f => ObjectSchema(f)!, "must have required property"),
        new("an unknown field in a versioned payload", f => f.Service == "ironic", f => WithData(f, data => data["unexpected_field"] = 1), f => ObjectSchema(f)!, "must NOT have additional properties"),
        new("a string field holding a number", f => ObjectSchema(f) is not null, f => WithData(f, data => data[data.First(p => p.Value is JsonValue v && v.TryGetValue<string>(out _)).Key] = 12345), f => ObjectSchema(f)!, "must be"),
        new("a payload datetime with the seed's +00:00", f => ObjectSchema(f) is not null && FirstDateTime(f) is not null, f => WithData(f, data => data[FirstDateTime(f)!] = ((string)data[FirstDateTime(f)!]!).Replace("Z", "+00:00", StringComparison.Ordinal)), f => ObjectSchema(f)!, "must match pattern"),
        new("a lower-case priority, as the seeds show it", _ => true, f => WithEnvelope(f, m => m["priority"] = f.Priority.ToLowerInvariant()), EventSchema, "must be equal to one of the allowed values"),
        new("an ISO 8601 envelope timestamp", _ => true, f => WithEnvelope(f, m => m["timestamp"] = ((string)m["timestamp"]!).Replace(' ', 'T')), EventSchema, "must match pattern"),
        new("an envelope key missing", _ => true, f => WithEnvelope(f, m => m.Remove("message_id")), EventSchema, "must have required property 'message_id'"),
        new("an unknown envelope key", _ => true, f => WithEnvelope(f, m => m["extra"] = true), EventSchema, "must NOT have additional properties"),
        new("a message id that is not a UUID", _ => true, f => WithEnvelope(f, m => m["message_id"] = "not-a-uuid"), EventSchema, "must match pattern"),
        new("another major version", f => f.Service == "ironic", f => WithEnvelope(f, m => m["payload"]!["ironic_object.version"] = "2.0"), EventSchema, "must match pattern"),
        new("another object than the event type's", f => f.Service == "ironic", f => WithEnvelope(f, m => m["payload"]!["ironic_object.name"] = "SomethingElse"), EventSchema, "must be equal to constant"),
        new("a text message where the event type sends an object", f => ObjectSchema(f) is not null, f => WithEnvelope(f, m => m["payload"] = "Failed to do it."), EventSchema, "must be object"),
        new("an object where the event type sends text", f => f.Payload is JsonValue, f => WithEnvelope(f, m => m["payload"] = new JsonObject()), EventSchema, "must be string"),
        new("an event type the service schema knows, with a broken payload", f => f.Service == "ironic", f => WithData(f, data => data.Remove("uuid"), envelope: true), f => "ironic/notification.json", "must have required property 'uuid'"),
    }.ToDictionary(m => m.Name);

    private static string EventSchema(OpenStackFixtures.Fixture fixture) => $"{fixture.Service}/events/{fixture.EventType}.json";

    /// <summary>The schema of the fixture's payload object: its exact version for ironic, the object's one schema for glance; null for text.</summary>
    private static string? ObjectSchema(OpenStackFixtures.Fixture fixture)
    {
        if (fixture.ObjectVersionSchema is { } exact)
        {
            return exact;
        }

        Assert.True(Reader.TryGetEventType(fixture.EventType, out var eventType), fixture.EventType);
        return fixture.Payload is JsonObject ? $"glance/{eventType.PayloadName}.json" : null;
    }

    private static IReadOnlyList<string> RequiredFields(string schemaPath)
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryLayout.Schemas, schemaPath)))!;
        var data = schema["properties"]?["ironic_object.data"] ?? schema;
        return data["required"]!.AsArray().Select(n => (string)n!).ToList();
    }

    private static string? FirstDateTime(OpenStackFixtures.Fixture fixture) =>
        Data(fixture.Copy()).FirstOrDefault(p => p.Value is JsonValue v && v.TryGetValue<string>(out var s) && PayloadDateTime().IsMatch(s)).Key;

    private static JsonObject Data(JsonObject message) =>
        message["payload"]!["ironic_object.data"]?.AsObject() ?? message["payload"]!.AsObject();

    /// <summary>The fixture's payload (or, with <paramref name="envelope"/>, the whole message) after <paramref name="change"/> to its data.</summary>
    private static JsonNode WithData(OpenStackFixtures.Fixture fixture, Action<JsonObject> change, bool envelope = false)
    {
        var message = fixture.Copy();
        change(Data(message));
        return envelope ? message : message["payload"]!;
    }

    private static JsonNode WithEnvelope(OpenStackFixtures.Fixture fixture, Action<JsonObject> change)
    {
        var message = fixture.Copy();
        change(message);
        return message;
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")]
    private static partial Regex PayloadDateTime();
}
