using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VersionedNotifications.OpenStack;
using VersionedNotifications.OpenStack.Glance;
using VersionedNotifications.OpenStack.Ironic;
using VersionedNotifications.Tests.Infrastructure;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Tests.Wire;

/// <summary>
/// Input an attacker or a careless producer can send: names no .NET string can hold, keys sent twice,
/// texts made to flood an error message. Each reads to a result, and what decodes reads and writes as
/// Python's json would have it.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly NotificationReader Reader = new(OpenStackJsonContext.Default);

    /// <summary>A fixture as compact JSON text, to be edited as text: a tree cannot hold a repeated key.</summary>
    private static string Compact(string service, string file) => Encoding.UTF8.GetString(Fixtures.Compact(service, file));

    private static string NodeUpdate() => Compact("ironic", "baremetal.node.update.end.json");

    /// <summary><paramref name="json"/> with <paramref name="insert"/> written right after the only occurrence of <paramref name="anchor"/>.</summary>
    private static byte[] Inserted(string json, string anchor, string insert)
    {
        var at = json.IndexOf(anchor, StringComparison.Ordinal);
        Assert.True(at >= 0 && json.IndexOf(anchor, at + 1, StringComparison.Ordinal) < 0, "the anchor must occur once: " + anchor);
        return Encoding.UTF8.GetBytes(json.Insert(at + anchor.Length, insert));
    }

    private static MalformedNotification Malformed(byte[] bytes) => Assert.IsType<MalformedNotification>(Reader.Read(bytes));

    private static T Payload<T>(byte[] bytes)
        where T : class, INotificationPayload<T> =>
        Assert.IsType<Notification<T>>(Assert.IsType<DecodedNotification>(Reader.Read(bytes)).Notification).Payload;

    [Theory]
    [InlineData("{\"event_type\":", "$['\\\\udfff']")]
    [InlineData("\"payload\":{", "$.payload['\\\\udfff']")]
    [InlineData("\"ironic_object.data\":{", "$.payload['ironic_object.data']['\\\\udfff']")]
    [InlineData("\"driver_info\":{", "$.payload['ironic_object.data'].driver_info['\\\\udfff']")]
    [InlineData("\"properties\":{", "$.payload['ironic_object.data'].properties['\\\\udfff']")]
    public void A_name_that_escapes_a_lone_surrogate_is_malformed_at_its_path(string anchor, string path)
    {
        // The name goes in the object that the anchor opens; the envelope's anchor is its first key.
        var json = NodeUpdate();
        var bytes = anchor == "{\"event_type\":"
            ? Encoding.UTF8.GetBytes("{\"\\udfff\":1," + json[1..])
            : Inserted(json, anchor, "\"\\udfff\":1,");

        var result = Malformed(bytes);

        Assert.Equal(path, result.JsonPath);
        Assert.Equal("the property name holds an unpaired surrogate escape", result.Reason);
    }

    [Fact]
    public void A_lone_surrogate_deep_in_a_free_form_value_is_named_by_its_full_path()
    {
        var bytes = Inserted(NodeUpdate(), "\"driver_info\":{", "\"ports\":[1,{\"a\":[\"ok\",\"\\ud800x\"]}],");

        var result = Malformed(bytes);

        Assert.Equal("$.payload['ironic_object.data'].driver_info.ports[1].a[1]", result.JsonPath);
        Assert.Equal("the string holds an unpaired surrogate escape", result.Reason);
    }

    [Fact]
    public void A_lone_surrogate_name_in_an_unversioned_glance_payload_is_malformed()
    {
        var bytes = Inserted(Compact("glance", "image.create.json"), "\"payload\":{", "\"\\udfff\":1,");

        Assert.Equal("$.payload['\\\\udfff']", Malformed(bytes).JsonPath);
    }

    [Fact]
    public void A_lone_surrogate_name_in_an_oslo_v2_body_is_malformed()
    {
        var body = Encoding.UTF8.GetString(Messages.V2(Messages.PowerSetStart()));

        var result = Malformed(Encoding.UTF8.GetBytes("{\"\\udfff\":1," + body[1..]));

        Assert.Equal("$['\\\\udfff']", result.JsonPath);
    }

    [Fact]
    public void A_key_sent_twice_in_a_flexible_dict_keeps_its_last_value_at_the_first_place_as_python_does()
    {
        var bytes = Inserted(NodeUpdate(), "\"ipmi_password\":\"******\"", ",\"ipmi_password\":\"b\"");

        var payload = Payload<NodeCRUDPayload>(bytes);
        var notification = (Notification<NodeCRUDPayload>)((DecodedNotification)Reader.Read(bytes)).Notification;

        // Python: json.loads keeps the last value where the key first appeared.
        Assert.Equal(3, payload.DriverInfo!.Count);
        Assert.Equal("b", payload.DriverInfo["ipmi_password"]!.GetValue<string>());
        Assert.Equal(["ipmi_address", "ipmi_username", "ipmi_password"], payload.DriverInfo.Select(p => p.Key));
        var clear = JsonNode.Parse(NotificationWriter.Write(notification, MessageFormat.MessagingV1, new PayloadWriteOptions { MaskSecrets = false }))!;
        Assert.Equal("""{"ipmi_address":"192.168.0.111","ipmi_username":"root","ipmi_password":"b"}""", clear["payload"]!["ironic_object.data"]!["driver_info"]!.ToJsonString());
        var masked = JsonNode.Parse(NotificationWriter.Write(notification, MessageFormat.MessagingV1))!;
        Assert.Equal("""{"ipmi_address":"192.168.0.111","ipmi_username":"root","ipmi_password":"******"}""", masked["payload"]!["ironic_object.data"]!["driver_info"]!.ToJsonString());
    }

    [Fact]
    public void Keys_sent_twice_inside_a_list_of_flexible_dicts_keep_their_last_values()
    {
        var bytes = Inserted(Compact("ironic", "baremetal.deploytemplate.create.end.json"), "\"steps\":[{", "\"priority\":1,\"args\":{\"x\":1,\"x\":2},");

        var step = Payload<DeployTemplateCRUDPayload>(bytes).Steps[0];

        Assert.Equal(150, step["priority"]!.GetValue<int>());
        Assert.Equal(4, step.Count);
        Assert.Equal("""{"settings":[{"name":"LogicalProc","value":"Enabled"}]}""", step["args"]!.ToJsonString());
    }

    [Fact]
    public void An_unknown_field_sent_twice_keeps_its_last_value_and_is_written_once()
    {
        var bytes = Inserted(NodeUpdate(), "\"ironic_object.data\":{", "\"bmc\":{\"a\":1,\"a\":2},\"bmc\":{\"b\":1,\"b\":3},");

        var payload = Payload<NodeCRUDPayload>(bytes);

        var unknown = Assert.Single(payload.WireState!.ExtensionData);
        Assert.Equal("""{"b":3}""", unknown.Value.GetRawText());
        var written = Encoding.UTF8.GetString(NotificationWriter.Write(Notification.Create(Header(), payload), MessageFormat.MessagingV1));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(written, "\"bmc\""));
    }

    [Fact]
    public void A_dictionary_field_keeps_the_last_value_of_a_repeated_key()
    {
        var reader = new Utf8JsonReader("""{"a": 1, "b": 2, "a": 3}"""u8);
        reader.Read();

        var dictionary = WireValue.ReadDictionary(ref reader, WireValue.ReadInt64);

        Assert.Equal(2, dictionary.Count);
        Assert.Equal(3, dictionary["a"]);
    }

    [Fact]
    public void A_huge_event_type_is_not_copied_into_the_detail_and_control_characters_are_escaped()
    {
        var message = Messages.PowerSetStart();
        message["event_type"] = "x\0" + new string('y', 1_000_000);

        var result = Assert.IsType<UnsupportedNotification>(Reader.Read(Messages.Bytes(message)));

        Assert.True(result.Detail.Length < 200, result.Detail.Length.ToString(CultureInfo.InvariantCulture));
        Assert.StartsWith("no contract declares the event type 'x\\u0000yyy", result.Detail);
        Assert.DoesNotContain('\0', result.ToString());
        Assert.True(result.ToString().Length < 400);
    }

    [Fact]
    public void A_bare_payload_that_is_not_utf8_is_a_failure_not_an_exception()
    {
        var payload = Messages.Bytes(Messages.PowerSetStart()["payload"]!);
        payload[payload.Length / 2] = 0xFF;

        var read = Reader.ReadPayload(payload);

        Assert.False(read.IsSuccess);
        Assert.Equal("$", read.JsonPath);
        Assert.Equal("the payload is not valid UTF-8", read.Reason);
    }

    [Fact]
    public void A_listener_names_a_message_in_its_logs_without_repeating_a_huge_event_type()
    {
        var message = Messages.PowerSetStart();
        message["event_type"] = "x\u001b" + new string('y', 1_000_000);
        var result = Reader.Read(Messages.Bytes(message));

        var name = NotificationFilter.Identify(result);

        Assert.True(name.Length < 200, name.Length.ToString(CultureInfo.InvariantCulture));
        Assert.StartsWith("x\\u001byyy", name);
        Assert.Equal("a message that could not be read", NotificationFilter.Identify(null));
    }

    [Theory]
    [InlineData("priority")]
    [InlineData("timestamp")]
    public void Wire_text_quoted_in_a_reason_is_cut_and_escaped(string key)
    {
        var message = Messages.PowerSetStart();
        message[key] = "\u001b[31m\0" + new string('z', 100_000);

        var result = Malformed(Messages.Bytes(message));

        Assert.True(result.Reason.Length < 250, result.Reason);
        Assert.Contains("'\\u001b[31m\\u0000zzz", result.Reason);
        Assert.DoesNotContain('\0', result.Reason);
    }

    [Fact]
    public void A_long_or_hostile_name_is_cut_in_the_path()
    {
        var name = "\u0007" + new string('n', 50_000);
        var bytes = Inserted(NodeUpdate(), "\"driver_info\":{", "\"" + "\\u0007" + new string('n', 50_000) + "\":[\"\\ud800\"],");

        var result = Malformed(bytes);

        Assert.True(result.JsonPath.Length < 300, result.JsonPath);
        Assert.StartsWith("$.payload['ironic_object.data'].driver_info['\\\\u0007nnn", result.JsonPath);
        Assert.DoesNotContain(name, result.JsonPath);
    }

    private static NotificationHeader Header() => new()
    {
        MessageId = "m",
        PublisherId = "ironic-api.host",
        EventType = "baremetal.node.update.end",
        Priority = NotificationPriority.Info,
        Timestamp = DateTimeOffset.UnixEpoch,
    };
}
