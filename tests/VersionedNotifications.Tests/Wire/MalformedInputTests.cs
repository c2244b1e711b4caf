using System.Text;
using System.Text.Json.Nodes;
using VersionedNotifications.OpenStack;
using VersionedNotifications.Tests.Infrastructure;

namespace VersionedNotifications.Tests.Wire;

/// <summary>Bad bytes give a result that names the JSON path and the reason; nothing throws.</summary>
public sealed class MalformedInputTests
{
    private static readonly NotificationReader Reader = new(OpenStackJsonContext.Default);

    private static MalformedNotification Malformed(byte[] bytes) => Assert.IsType<MalformedNotification>(Reader.Read(bytes));

    private static MalformedNotification MalformedEdit(Action<JsonObject> edit, bool asV2 = false)
    {
        var message = Messages.PowerSetStart();
        edit(message);
        return Malformed(asV2 ? Messages.V2(message) : Messages.Bytes(message));
    }

    [Fact]
    public void A_field_of_the_wrong_type_names_its_path()
    {
        var result = MalformedEdit(m => Messages.Data(m)["power_state"] = 5);

        Assert.Equal("$.payload['ironic_object.data'].power_state", result.JsonPath);
        Assert.Equal("expected a string, found the number 5", result.Reason);
        Assert.Equal("6cad4324-5243-4773-bf33-777791b18de6", result.MessageId);
    }

    [Fact]
    public void Paths_inside_the_v2_body_start_at_the_oslo_message()
    {
        var result = MalformedEdit(m => Messages.Data(m)["traits"] = new JsonArray("CUSTOM_A", 7), asV2: true);

        Assert.Equal("$['oslo.message'].payload['ironic_object.data'].traits[1]", result.JsonPath);
        Assert.Equal("expected a string, found the number 7", result.Reason);
    }

    [Theory]
    [InlineData("created_at", "\"last tuesday\"", "expected a datetime such as 2024-01-01T10:00:00Z, found the string \"last tuesday\"")]
    [InlineData("uuid", "42", "expected a UUID string, found the number 42")]
    [InlineData("maintenance", "\"yes\"", "expected true or false, found the string \"yes\"")]
    [InlineData("properties", "[]", "expected an object, found an array")]
    [InlineData("name", "{}", "expected a string, found an object")]
    [InlineData("uuid", "null", "expected a UUID string, found null")]
    public void Each_wire_type_says_what_it_expected(string field, string json, string reason)
    {
        var result = MalformedEdit(m => Messages.Data(m)[field] = JsonNode.Parse(json));

        Assert.Equal("$.payload['ironic_object.data']." + field, result.JsonPath);
        Assert.Equal(reason, result.Reason);
    }

    [Theory]
    [InlineData("message_id", "the notification has no message_id")]
    [InlineData("event_type", "the notification has no event_type")]
    [InlineData("payload", "the notification has no payload")]
    [InlineData("timestamp", "the notification has no timestamp")]
    public void A_missing_envelope_key_is_named(string key, string reason)
    {
        var result = MalformedEdit(m => m.Remove(key));

        Assert.Equal("$", result.JsonPath);
        Assert.Equal(reason, result.Reason);
    }

    [Theory]
    [InlineData("priority", "\"LOUD\"", "$.priority", "'LOUD' is not a priority")]
    [InlineData("timestamp", "\"soon\"", "$.timestamp", "'soon' is not a timestamp")]
    [InlineData("event_type", "3", "$.event_type", "expected a string, found the number 3")]
    public void A_bad_envelope_value_is_named(string key, string json, string path, string reason)
    {
        var result = MalformedEdit(m => m[key] = JsonNode.Parse(json));

        Assert.Equal(path, result.JsonPath);
        Assert.StartsWith(reason, result.Reason);
    }

    [Fact]
    public void Broken_wrappers_are_named()
    {
        Assert.Equal("the versioned object has no ironic_object.data", MalformedEdit(m => m["payload"]!.AsObject().Remove("ironic_object.data")).Reason);
        var version = MalformedEdit(m => m["payload"]!["ironic_object.version"] = "1.x");
        Assert.Equal("$.payload['ironic_object.version']", version.JsonPath);
        var extra = MalformedEdit(m => m["payload"]!["ironic_object.extra"] = 1);
        Assert.Equal("$.payload['ironic_object.extra']", extra.JsonPath);
    }

    [Theory]
    [InlineData("", "$")]
    [InlineData("{", "$")]
    [InlineData("[1,2]", "$")]
    [InlineData("{\"oslo.version\": \"2.0\", \"oslo.message\": 5}", "$['oslo.message']")]
    [InlineData("{\"oslo.version\": \"3.0\", \"oslo.message\": \"{}\"}", "$['oslo.version']")]
    [InlineData("{\"oslo.version\": \"2.0\", \"oslo.message\": \"{\\\"message_id\\\": \"}", "$['oslo.message']")]
    [InlineData("{\"message_id\": \"a\"} trailing", "$")]
    public void Bytes_that_are_not_a_notification_say_so(string text, string path)
    {
        var result = Malformed(Encoding.UTF8.GetBytes(text));

        Assert.Equal(path, result.JsonPath);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_reported_not_thrown()
    {
        var deep = new StringBuilder();
        for (var i = 0; i < 500; i++)
        {
            deep.Append("{\"a\":");
        }

        deep.Append('1').Append('}', 500);
        var message = Encoding.UTF8.GetString(Messages.Bytes(Messages.PowerSetStart())).Replace("\"extra\":{}", "\"extra\":" + deep, StringComparison.Ordinal);
        var result = Malformed(Encoding.UTF8.GetBytes(message));

        Assert.StartsWith("$", result.JsonPath);
        Assert.Contains("depth", result.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_message_over_the_size_limit_is_refused_before_it_is_parsed()
    {
        var reader = new NotificationReader(new NotificationReaderOptions { MaxMessageBytes = 1024 }, OpenStackJsonContext.Default);

        var result = Assert.IsType<MalformedNotification>(reader.Read(Fixtures.Read("ironic", "baremetal.node.power_set.start.json")));

        Assert.Equal("$", result.JsonPath);
        Assert.Contains("limit of 1024", result.Reason);
    }

    [Fact]
    public void Invalid_utf8_is_reported()
    {
        var bytes = Messages.Bytes(Messages.PowerSetStart());
        var index = Encoding.UTF8.GetString(bytes).IndexOf("power off", StringComparison.Ordinal);
        bytes[index] = 0xFF;

        var result = Assert.IsType<MalformedNotification>(Reader.Read(bytes));

        Assert.StartsWith("$", result.JsonPath);
    }
}
