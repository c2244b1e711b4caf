using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VersionedNotifications.OpenStack;
using VersionedNotifications.Tests.Infrastructure;

namespace VersionedNotifications.Tests.Wire;

/// <summary>
/// The reader's fast paths read exactly what the general path reads: an oslo v2 body unwrapped in one pass reads as
/// its inner message read alone, whatever the escapes and spacing, and leaves every body it cannot take to the JSON
/// reader, errors included; a payload read in the envelope's pass (its event_type first, as oslo writes it) reads as
/// one read after the envelope (event_type last).
/// </summary>
public sealed class DecodePathTests
{
    private static readonly NotificationReader Reader = new(OpenStackJsonContext.Default);

    private static readonly string Inner = Encoding.UTF8.GetString(Fixtures.Compact("ironic", "baremetal.node.power_set.start.json"))
        .Replace("\"my sample node\"", "\"my sample node: \\\"quoted\\\", back\\\\slash, tab\\t, \\u00e4, \u00e4, \\ud83d\\ude00, \U0001F600, slash /\"", StringComparison.Ordinal);

    /// <summary>What a result says, to compare two reads: its kind, its place and reason, and a decoded message as written back.</summary>
    private static string Outcome(NotificationReadResult result) => result switch
    {
        DecodedNotification decoded => "decoded " + Encoding.UTF8.GetString(NotificationWriter.Write(decoded.Notification, MessageFormat.MessagingV1)),
        MalformedNotification malformed => $"malformed at {malformed.JsonPath}: {malformed.Reason}",
        UnsupportedNotification unsupported => $"unsupported {unsupported.Reason} at {unsupported.JsonPath}: {unsupported.Detail}; payload {unsupported.Payload.GetRawText()}",
        _ => result.GetType().Name,
    };

    /// <summary>The inner message escaped as a JSON string in a random way: each character as it is or as an escape JSON allows.</summary>
    private static string EscapeRandomly(string text, Random random)
    {
        var escaped = new StringBuilder("\"");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length;
            if (random.Next(4) == 0)
            {
                escaped.Append("\\u").Append(((int)c).ToString(random.Next(2) == 0 ? "x4" : "X4", CultureInfo.InvariantCulture));
                if (pair)
                {
                    escaped.Append("\\u").Append(((int)text[++i]).ToString("x4", CultureInfo.InvariantCulture));
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    escaped.Append("\\\"");
                    break;
                case '\\':
                    escaped.Append("\\\\");
                    break;
                case '/' when random.Next(2) == 0:
                    escaped.Append("\\/");
                    break;
                case '\t':
                    escaped.Append("\\t");
                    break;
                default:
                    escaped.Append(c);
                    if (pair)
                    {
                        escaped.Append(text[++i]);
                    }

                    break;
            }
        }

        return escaped.Append('"').ToString();
    }

    private static string Space(Random random) => random.Next(3) switch
    {
        0 => string.Empty,
        1 => " ",
        _ => " \r\n\t"[..random.Next(1, 5)],
    };

    [Fact]
    public void A_v2_body_escaped_and_spaced_in_any_valid_way_reads_as_its_inner_message()
    {
        var expected = Outcome(Reader.Read(Encoding.UTF8.GetBytes(Inner)));
        Assert.StartsWith("decoded ", expected);
        var random = new Random(20261207);
        for (var i = 0; i < 300; i++)
        {
            var version = $"{Space(random)}\"oslo.version\"{Space(random)}:{Space(random)}\"2.0\"{Space(random)}";
            var message = $"{Space(random)}\"oslo.message\"{Space(random)}:{Space(random)}{EscapeRandomly(Inner, random)}{Space(random)}";
            var body = random.Next(2) == 0 ? $"{Space(random)}{{{version},{message}}}{Space(random)}" : $"{{{message},{version}}}";

            var result = Reader.Read(Encoding.UTF8.GetBytes(body));

            Assert.Equal(MessageFormat.MessagingV2, result.Format);
            Assert.True(expected == Outcome(result), $"case {i}: {Outcome(result)}\nbody: {body}");
        }
    }

    [Theory]
    [InlineData("{\"oslo.version\": \"2.0\", \"oslo.message\": \"{\\x}\"}", "$")]
    [InlineData("{\"oslo.version\": \"2.0\", \"oslo.message\": \"\\ud800{}\"}", "$['oslo.message']")]
    [InlineData("{\"oslo.version\": \"2.0\", \"oslo.message\": \"\\udc00{}\"}", "$['oslo.message']")]
    [InlineData("{\"oslo.version\": \"2.0\", \"oslo.message\": \"\\ud800\\u0041{}\"}", "$['oslo.message']")]
    [InlineData("{\"oslo.version\": \"2.0\", \"oslo.message\": \"{\\u00\"}", "$")]
    [InlineData("{\"oslo.version\": \"2.0\", \"oslo.message\": \"{\t}\"}", "$")]
    [InlineData("{\"oslo.version\": \"2.0\", \"oslo.message\": \"{}", "$")]
    [InlineData("{\"oslo.version\": \"2.0\", \"oslo.message\": \"{}\"", "$")]
    [InlineData("{\"oslo.version\": \"2.0\", \"oslo.message\": \"{}\"} x", "$")]
    [InlineData("{\"oslo.version\": \"2.0\", \"oslo.message\": \"{}\",}", "$")]
    [InlineData("{\"oslo.version\": \"3.0\", \"oslo.message\": \"{}\"}", "$['oslo.version']")]
    [InlineData("{\"oslo.version\": 2.0, \"oslo.message\": \"{}\"}", "$['oslo.version']")]
    [InlineData("{\"oslo.message\": \"{}\"}", "$")]
    [InlineData("{\"oslo.version\": \"2.0\", \"oslo.message\": \"{}\", \"extra\": 1}", "$.extra")]
    [InlineData("{\"oslo.version\": \"2.0\", \"oslo.message\": {}}", "$['oslo.message']")]
    public void A_v2_body_the_one_pass_unwrap_cannot_take_is_reported_by_the_json_reader(string body, string pathStart)
    {
        var result = Reader.Read(Encoding.UTF8.GetBytes(body));

        var malformed = Assert.IsType<MalformedNotification>(result);
        Assert.Equal(MessageFormat.MessagingV2, malformed.Format);
        Assert.StartsWith(pathStart, malformed.JsonPath);
        Assert.False(string.IsNullOrWhiteSpace(malformed.Reason));
    }

    [Fact]
    public void A_v2_body_that_sends_its_message_twice_reads_the_last_one()
    {
        var inner = JsonSerializer.Serialize(Inner);
        var body = $"{{\"oslo.message\": \"{{}}\", \"oslo.version\": \"2.0\", \"oslo.message\": {inner}}}";

        Assert.Equal(Outcome(Reader.Read(Encoding.UTF8.GetBytes(Inner))), Outcome(Reader.Read(Encoding.UTF8.GetBytes(body))));
    }

    /// <summary>The message with its event_type moved after every other key.</summary>
    private static byte[] EventTypeLast(JsonObject message)
    {
        var moved = message.DeepClone().AsObject();
        var eventType = moved["event_type"]!.DeepClone();
        moved.Remove("event_type");
        moved["event_type"] = eventType;
        return Messages.Bytes(moved);
    }

    /// <summary>Every fixture with each field of its payload's data given a value of another JSON type, or removed.</summary>
    private static IEnumerable<JsonObject> PayloadVariants()
    {
        foreach (var fixture in Fixtures.All())
        {
            var message = Messages.Fixture((string)fixture[0], (string)fixture[1]);
            yield return message;
            if (message["payload"] is not JsonObject payload || payload["ironic_object.data"] is not JsonObject data)
            {
                continue;
            }

            foreach (var name in data.Select(pair => pair.Key).Take(12).ToList())
            {
                foreach (var wrong in new JsonNode?[] { JsonValue.Create(12345), JsonValue.Create("text"), new JsonObject(), null })
                {
                    var changed = message.DeepClone().AsObject();
                    Messages.Data(changed)[name] = wrong?.DeepClone();
                    yield return changed;
                }

                var removed = message.DeepClone().AsObject();
                Messages.Data(removed).Remove(name);
                yield return removed;
            }

            var otherMajor = message.DeepClone().AsObject();
            otherMajor["payload"]!["ironic_object.version"] = "9.0";
            yield return otherMajor;
        }
    }

    [Fact]
    public void A_payload_reads_the_same_whether_its_event_type_comes_before_or_after_it()
    {
        var outcomes = new Dictionary<string, int>();
        foreach (var message in PayloadVariants())
        {
            var first = Reader.Read(Messages.Bytes(message));
            var last = Reader.Read(EventTypeLast(message));

            Assert.True(Outcome(last) == Outcome(first), $"event_type last: {Outcome(last)}\nevent_type first: {Outcome(first)}\nmessage: {message.ToJsonString()}");
            outcomes[first.GetType().Name] = outcomes.GetValueOrDefault(first.GetType().Name) + 1;
        }

        // The variants reach every outcome, or the comparison proves little.
        Assert.True(outcomes.Count == 3, string.Join(", ", outcomes));
    }

    [Fact]
    public void An_event_type_sent_again_after_the_payload_decides_how_the_payload_is_read()
    {
        var message = Messages.PowerSetStart();
        var text = Encoding.UTF8.GetString(Messages.Bytes(message));
        var unknownThenKnown = text.Replace("\"event_type\":\"baremetal.node.power_set.start\"", "\"event_type\":\"baremetal.node.unknown.start\"", StringComparison.Ordinal)
            .Replace("\"timestamp\":", "\"event_type\":\"baremetal.node.power_set.start\",\"timestamp\":", StringComparison.Ordinal);
        var knownThenUnknown = text.Replace("\"timestamp\":", "\"event_type\":\"baremetal.node.unknown.start\",\"timestamp\":", StringComparison.Ordinal);
        var knownThenOther = text.Replace("\"timestamp\":", "\"event_type\":\"baremetal.node.maintenance_set.start\",\"timestamp\":", StringComparison.Ordinal);

        Assert.Equal(Outcome(Reader.Read(Messages.Bytes(message))), Outcome(Reader.Read(Encoding.UTF8.GetBytes(unknownThenKnown))));
        var unsupported = Assert.IsType<UnsupportedNotification>(Reader.Read(Encoding.UTF8.GetBytes(knownThenUnknown)));
        Assert.Equal(UnsupportedReason.UnknownEventType, unsupported.Reason);
        Assert.Equal("NodeSetPowerStatePayload", unsupported.Payload.GetProperty("ironic_object.name").GetString());
        // maintenance_set carries NodePayload: its contract, not the one of the first event type, reads the payload.
        var other = Assert.IsType<UnsupportedNotification>(Reader.Read(Encoding.UTF8.GetBytes(knownThenOther)));
        Assert.Equal(UnsupportedReason.UnsupportedPayload, other.Reason);
        Assert.Contains("expected ironic/NodePayload", other.Detail);
    }

    [Fact]
    public void An_envelope_error_after_a_payload_read_in_the_same_pass_comes_before_the_payload_error()
    {
        var message = Messages.PowerSetStart();
        Messages.Data(message)["power_state"] = 12345;
        message["timestamp"] = "not a time";

        var malformed = Assert.IsType<MalformedNotification>(Reader.Read(Messages.Bytes(message)));

        Assert.Equal("$.timestamp", malformed.JsonPath);
        Assert.Contains("is not a timestamp", malformed.Reason);
    }
}
