using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VersionedNotifications.OpenStack;
using VersionedNotifications.OpenStack.Ironic;
using VersionedNotifications.Tests.Infrastructure;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Tests.Wire;

/// <summary>
/// The oslo writer's every path at both levels of escaping: the v1 body (plain JSON text) and the v2 body, whose inner
/// message is escaped for the outer string in the same pass. Each expected text is what Python's <c>json.dumps</c>
/// writes for the same value (printed by Debian's python3 and spelled out here), and the v2 one that text escaped
/// once more (<see cref="PythonJsonText.Escaped"/>, one code unit at a time).
/// </summary>
public sealed class OsloJsonWriterTests
{
    private static readonly NotificationReader Reader = new(OpenStackJsonContext.Default);

    private static readonly NotificationHeader Header = NotificationHeader.New("image.update", NotificationPriority.Info, "image.localhost") with
    {
        MessageId = "m",
        Timestamp = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero),
        UniqueId = "u",
    };

    [Fact]
    public void Every_kind_of_character_is_escaped_as_json_dumps_escapes_it_at_both_levels()
    {
        // Every control character, DEL, quotes and backslashes, what is not escaped (/ < > & '), two- and three-byte
        // characters, a pair of surrogates and lone ones at the start, in the middle and at the end.
        var controls = string.Concat(Enumerable.Range(0, 0x20).Select(c => (char)c));
        var text = "\udc00" + controls + "\u007f\"\\/<>&' é€\U0001F600 x\ud800y\udfff" + new string('a', 40) + "\ud83d";
        var notification = Notification.CreateText(Header, text);

        AssertBothLevels(
            notification,
            "{\"message_id\": \"m\", \"publisher_id\": \"image.localhost\", \"event_type\": \"image.update\", \"priority\": \"INFO\", \"payload\": \""
            + PythonJsonText.Escaped(text) + "\", \"timestamp\": \"2026-12-07 00:00:00\", \"_unique_id\": \"u\"}");
    }

    [Fact]
    public void The_escapes_json_dumps_makes_are_spelled_as_it_spells_them()
    {
        // Independent of PythonJsonText: the literal text json.dumps prints.
        var notification = Notification.CreateText(Header, "\"\\\b\f\n\r\t\u0000\u001f\u007f\u00e9\U0001F600\ud800");

        var v1 = Encoding.ASCII.GetString(NotificationWriter.Write(notification, MessageFormat.MessagingV1));
        var v2 = Encoding.ASCII.GetString(NotificationWriter.Write(notification, MessageFormat.MessagingV2));

        Assert.Contains(@"""payload"": ""\""\\\b\f\n\r\t\u0000\u001f\u007f\u00e9\ud83d\ude00\ud800"", ", v1);
        Assert.Contains(@"\""payload\"": \""\\\""\\\\\\b\\f\\n\\r\\t\\u0000\\u001f\\u007f\\u00e9\\ud83d\\ude00\\ud800\"", ", v2);
    }

    [Fact]
    public void Values_read_from_json_are_written_as_json_dumps_writes_them_at_both_levels()
    {
        // Upper-case and needless escapes, numbers in Python's spelling, every kind of token, empty and nested containers.
        using var members = JsonDocument.Parse("""
            {"k\"ey": "\u00C9\/\ud83d\ude00 <&>", "\u00e9": [1.5, 100000.0, 1e+16, -0.0, 12345678901234567890, true, false, null, {}, [], {"a\\b": "\n\u0001\u007f"}], "nan": 9E+999999999}
            """);
        var extension = members.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        var header = Header with
        {
            ExtensionData = extension,
            Context = new Dictionary<string, JsonElement> { ["é"] = extension["é"], ["user"] = extension["k\"ey"] },
        };

        const string List = "[1.5, 100000.0, 1e+16, -0.0, 12345678901234567890, true, false, null, {}, [], {\"a\\\\b\": \"\\n\\u0001\\u007f\"}]";
        AssertBothLevels(
            Notification.CreateText(header, "p"),
            "{\"message_id\": \"m\", \"publisher_id\": \"image.localhost\", \"event_type\": \"image.update\", \"priority\": \"INFO\", \"payload\": \"p\", \"timestamp\": \"2026-12-07 00:00:00\", "
            + "\"k\\\"ey\": \"\\u00c9/\\ud83d\\ude00 <&>\", \"\\u00e9\": " + List + ", \"nan\": NaN, \"_unique_id\": \"u\", "
            + "\"_context_\\u00e9\": " + List + ", \"_context_user\": \"\\u00c9/\\ud83d\\ude00 <&>\"}");
    }

    [Fact]
    public void A_flexible_dict_a_program_filled_is_written_as_json_dumps_writes_the_same_dict_at_both_levels()
    {
        // Python floats (3.0, 1e+16, 1e-07, the words for NaN and the infinities), lone surrogates in a .NET string
        // and in a key, and values of types only System.Text.Json knows how to write (an int, a Guid).
        var extra = new JsonObject
        {
            ["s"] = "é\ud800x\udc00",
            ["d"] = 3.0,
            ["big"] = 1e16,
            ["small"] = 1e-7,
            ["nan"] = double.NaN,
            ["inf"] = double.PositiveInfinity,
            ["ninf"] = float.NegativeInfinity,
            ["arr"] = new JsonArray(1, "a", null, true),
            ["empty"] = new JsonObject(),
            ["uuid"] = JsonValue.Create(Guid.Parse("0f7c3e2a-9b1d-4c5e-8f6a-7b8c9d0e1f2a")),
            ["k\udc00é"] = "v",
        };
        var read = (Notification<NodeSetPowerStatePayload>)Assert.IsType<DecodedNotification>(Reader.Read(Messages.Bytes(Messages.PowerSetStart()))).Notification;
        var notification = Notification.Create(read.Header, read.Payload with { Extra = extra });

        const string Expected = "{\"s\": \"\\u00e9\\ud800x\\udc00\", \"d\": 3.0, \"big\": 1e+16, \"small\": 1e-07, \"nan\": NaN, \"inf\": Infinity, \"ninf\": -Infinity, \"arr\": [1, \"a\", null, true], \"empty\": {}, \"uuid\": \"0f7c3e2a-9b1d-4c5e-8f6a-7b8c9d0e1f2a\", \"k\\udc00\\u00e9\": \"v\"}";
        var v1 = Encoding.ASCII.GetString(NotificationWriter.Write(notification, MessageFormat.MessagingV1));
        var v2 = Encoding.ASCII.GetString(NotificationWriter.Write(notification, MessageFormat.MessagingV2));
        Assert.Contains("\"extra\": " + Expected + ", ", v1);
        Assert.Contains(PythonJsonText.Escaped("\"extra\": " + Expected + ", "), v2);
    }

    // The v1 body is the expected text; the v2 body is the same text escaped as the content of the outer string.
    private static void AssertBothLevels(Notification notification, string expectedV1)
    {
        var v1 = NotificationWriter.Write(notification, MessageFormat.MessagingV1);
        var v2 = NotificationWriter.Write(notification, MessageFormat.MessagingV2);

        Assert.Equal(expectedV1, Encoding.ASCII.GetString(v1));
        Assert.Equal("{\"oslo.version\": \"2.0\", \"oslo.message\": \"" + PythonJsonText.Escaped(expectedV1) + "\"}", Encoding.ASCII.GetString(v2));
        Assert.True(v1.All(b => b < 0x80) && v2.All(b => b < 0x80), "json.dumps writes ASCII");
    }
}
