using System.Text;
using System.Text.Json.Nodes;

namespace VersionedNotifications.TestSupport;

/// <summary>
/// Messages no typed handler can take, one of each <see cref="UnreadableReason"/>, made from a real ironic
/// notification; their message ids and event type carry control bytes the logs must escape.
/// </summary>
public static class PoisonSet
{
    /// <summary>What no typed handler can take, one of each reason: not JSON, not UTF-8, not an envelope, wrong types, an unknown event type, a newer major version, 20 MB.</summary>
    public static IReadOnlyList<(UnreadableReason Reason, byte[] Body)> Each()
    {
        var wrongTypes = Fixture();
        wrongTypes["message_id"] = "poison-wrong-types";
        wrongTypes["payload"]!["ironic_object.data"]!["power_state"] = 5;
        var newerMajor = Fixture();
        newerMajor["message_id"] = "poison-newer-major";
        newerMajor["payload"]!["ironic_object.version"] = "2.0";
        var unknown = Fixture();
        unknown["message_id"] = "poison-unknown\u001b[2J";
        unknown["event_type"] = "compute.instance.create.end\u001b[31m";
        return
        [
            (UnreadableReason.NotJson, Encoding.UTF8.GetBytes("not json at all \u001b[31m\u0007")),
            (UnreadableReason.NotUtf8, [0x7b, 0xff, 0xfe, 0x7d]),
            (UnreadableReason.NotAnEnvelope, Encoding.UTF8.GetBytes("""{"hello": "world"}""")),
            (UnreadableReason.WrongValues, Encoding.UTF8.GetBytes(wrongTypes.ToJsonString())),
            (UnreadableReason.UnknownEventType, Encoding.UTF8.GetBytes(unknown.ToJsonString())),
            (UnreadableReason.UnsupportedPayload, Encoding.UTF8.GetBytes(newerMajor.ToJsonString())),
            (UnreadableReason.TooLarge, Encoding.UTF8.GetBytes("{\"x\": \"" + new string('a', 20 * 1024 * 1024) + "\"}")),
        ];
    }

    private static JsonObject Fixture() => JsonNode.Parse(Repository.ReadFixture("ironic", "baremetal.node.power_set.start.json"))!.AsObject();
}
