using System.Text;
using VersionedNotifications.OpenStack;
using VersionedNotifications.Tests.Infrastructure;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Tests.Wire;

/// <summary>
/// Byte for byte against oslo: each body in <c>tests/fixtures/openstack/&lt;service&gt;/wire.v1.jsonl</c> and
/// <c>wire.v2.jsonl</c> is what oslo.messaging 14's <c>messaging</c> and <c>messagingv2</c> AMQP drivers publish for a
/// message the real ironic, glance or nova code sent (made by the fixture scripts with oslo's and kombu's own
/// functions, request context included). Read and written again, each is the same bytes.
/// </summary>
public sealed class OsloBytesTests
{
    private static readonly NotificationReader Reader = new(OpenStackJsonContext.Default);

    // Secrets are not masked: the fixtures carry what the services sent (ironic's own masking included).
    private static readonly PayloadWriteOptions Unmasked = new() { MaskSecrets = false };

    public static TheoryData<string, string, int> Bodies()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var service in new[] { "ironic", "glance", "nova" })
        {
            foreach (var form in new[] { "v1", "v2" })
            {
                var count = File.ReadAllLines(Fixtures.PathOf("tests", "fixtures", "openstack", service, $"wire.{form}.jsonl")).Length;
                for (var line = 0; line < count; line++)
                {
                    data.Add(service, form, line);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void A_body_oslo_published_is_written_again_to_the_same_bytes(string service, string form, int line)
    {
        var original = Encoding.UTF8.GetBytes(File.ReadAllLines(Fixtures.PathOf("tests", "fixtures", "openstack", service, $"wire.{form}.jsonl"))[line]);
        var decoded = Assert.IsType<DecodedNotification>(Reader.Read(original));
        Assert.Equal(form == "v1" ? MessageFormat.MessagingV1 : MessageFormat.MessagingV2, decoded.Format);

        var written = NotificationWriter.Write(decoded.Notification, decoded.Format!.Value, Unmasked);

        AssertSameBytes(original, written);
    }

    [Fact]
    public void Every_fixture_message_has_its_v2_body_and_every_one_the_v1_driver_can_send_its_v1_body()
    {
        foreach (var service in new[] { "ironic", "glance", "nova" })
        {
            var messages = Directory.GetFiles(Fixtures.PathOf("tests", "fixtures", "openstack", service), "*.json").Length;
            var v2 = File.ReadAllLines(Fixtures.PathOf("tests", "fixtures", "openstack", service, "wire.v2.jsonl"));
            var v1 = File.ReadAllLines(Fixtures.PathOf("tests", "fixtures", "openstack", service, "wire.v1.jsonl"));
            Assert.Equal(messages, v2.Length);
            // glance sends bytes in three metadef messages; kombu's JSON serializer refuses them, so oslo's v1 driver
            // cannot publish those (jsonutils, which makes the v2 envelope, turns them into text).
            Assert.Equal(service == "glance" ? messages - 3 : messages, v1.Length);
        }
    }

    [Fact]
    public void A_notification_made_in_csharp_is_written_as_json_dumps_writes_it()
    {
        var header = NotificationHeader.New("image.update", NotificationPriority.Info, "image.localhost") with
        {
            MessageId = "6cad4324-5243-4773-bf33-777791b18de6",
            Timestamp = new DateTimeOffset(2026, 12, 7, 9, 59, 7, TimeSpan.Zero).AddTicks(1352540),
            UniqueId = "0123456789abcdef0123456789abcdef",
        };
        var notification = Notification.CreateText(header, "Gerät \"A\"\\\u0001\u007f\U0001F600");

        var v1 = Encoding.ASCII.GetString(NotificationWriter.Write(notification, MessageFormat.MessagingV1));
        var v2 = Encoding.ASCII.GetString(NotificationWriter.Write(notification, MessageFormat.MessagingV2));

        const string Inner = "{\"message_id\": \"6cad4324-5243-4773-bf33-777791b18de6\", \"publisher_id\": \"image.localhost\", \"event_type\": \"image.update\", \"priority\": \"INFO\", \"payload\": \"Ger\\u00e4t \\\"A\\\"\\\\\\u0001\\u007f\\ud83d\\ude00\", \"timestamp\": \"2026-12-07 09:59:07.135254\", \"_unique_id\": \"0123456789abcdef0123456789abcdef\"}";
        Assert.Equal(Inner, v1);
        Assert.Equal("{\"oslo.version\": \"2.0\", \"oslo.message\": \"" + Inner.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"}", v2);
    }

    [Fact]
    public void A_text_many_times_longer_than_the_writers_chunk_is_escaped_alike_across_every_chunk_boundary()
    {
        // 40,000 characters of every kind (ASCII, two- and three-byte UTF-8, astral, quotes, backslashes, controls),
        // so that items of every length cross the 16 KiB boundaries at which the writer asks for more room.
        var pieces = new[] { "a", "é", "€", "\U0001F600", "\"", "\\", "\n", "\u0001", "\u007f", "/" };
        var text = new System.Text.StringBuilder();
        var random = new Random(17);
        while (text.Length < 40_000)
        {
            text.Append(pieces[random.Next(pieces.Length)]);
        }

        var header = NotificationHeader.New("image.upload", NotificationPriority.Error, "image.localhost") with
        {
            MessageId = "m",
            Timestamp = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero),
        };
        var v1 = Encoding.ASCII.GetString(NotificationWriter.Write(Notification.CreateText(header, text.ToString()), MessageFormat.MessagingV1));

        var expected = "{\"message_id\": \"m\", \"publisher_id\": \"image.localhost\", \"event_type\": \"image.upload\", \"priority\": \"ERROR\", \"payload\": \""
            + PythonJsonText.Escaped(text.ToString()) + "\", \"timestamp\": \"2026-12-07 00:00:00\"}";
        Assert.Equal(expected, v1);
    }

    internal static void AssertSameBytes(byte[] expected, byte[] actual)
    {
        if (expected.AsSpan().SequenceEqual(actual))
        {
            return;
        }

        var at = expected.AsSpan().CommonPrefixLength(actual);
        var from = Math.Max(0, at - 60);
        Assert.Fail(
            $"the bytes differ at offset {at}:\n" +
            $"oslo: ...{Encoding.UTF8.GetString(expected, from, Math.Min(expected.Length - from, 160))}\n" +
            $"ours: ...{Encoding.UTF8.GetString(actual, from, Math.Min(actual.Length - from, 160))}");
    }
}
