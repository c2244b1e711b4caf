using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Tests.Properties;

/// <summary>
/// The values the random comparison with oslo (<see cref="OsloBytesPropertyTests"/>) found written otherwise than oslo
/// writes them, each alone: what Python's <c>json.dumps</c> and oslo.versionedobjects write for the same value.
/// </summary>
public sealed class OsloBytesCaseTests
{
    // Built in code: an attribute's string is stored as UTF-8, which turns a lone surrogate into U+FFFD.
    private static readonly (string Text, string PythonEscaped)[] LoneSurrogates =
    [
        ("\ud800", "\\ud800"),
        ("a\udc00b", "a\\udc00b"),
        ("\ud83d", "\\ud83d"),
        ("x\ude00\ud83d", "x\\ude00\\ud83d"),
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_lone_surrogate_is_written_as_json_dumps_writes_it(int index)
    {
        var (text, pythonEscaped) = LoneSurrogates[index];
        // What Python's json.dumps writes for the same str (checked with Debian's python3): the code unit, escaped.
        var header = NotificationHeader.New("compute.test", NotificationPriority.Info, "nova-compute:host") with
        {
            MessageId = "6cad4324-5243-4773-bf33-777791b18de6",
            Timestamp = new DateTimeOffset(2026, 12, 7, 9, 59, 7, TimeSpan.Zero),
            UniqueId = "0123456789abcdef0123456789abcdef",
        };

        var v1 = Encoding.ASCII.GetString(NotificationWriter.Write(Notification.CreateText(header, text), MessageFormat.MessagingV1, OsloBytesPropertyTests.Unmasked));

        var payload = v1[(v1.IndexOf("\"payload\": ", StringComparison.Ordinal) + 11)..v1.IndexOf(", \"timestamp\"", StringComparison.Ordinal)];
        Assert.Equal("\"" + pythonEscaped + "\"", payload);
    }

    [Fact]
    public void A_payload_datetime_before_the_year_1000_is_written_as_oslo_writes_it()
    {
        // oslo.versionedobjects' isotime is strftime('%Y-%m-%dT%H:%M:%S'), and glibc's %Y does not pad: year 5 is "5-01-02T03:04:05Z".
        var beginning = new DateTimeOffset(5, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var ending = new DateTimeOffset(999, 12, 31, 23, 59, 59, TimeSpan.Zero);
        var header = NotificationHeader.New("instance.exists", NotificationPriority.Info, "nova-compute:host") with
        {
            MessageId = "6cad4324-5243-4773-bf33-777791b18de6",
            Timestamp = new DateTimeOffset(2026, 12, 7, 9, 59, 7, TimeSpan.Zero),
            UniqueId = "0123456789abcdef0123456789abcdef",
        };
        var notification = Notification.Create(header, new OpenStack.Nova.AuditPeriodPayload { AuditPeriodBeginning = beginning, AuditPeriodEnding = ending });
        var request = new JsonObject
        {
            ["case"] = 0,
            ["envelope"] = new JsonObject
            {
                ["message_id"] = header.MessageId,
                ["publisher_id"] = OsloValueGenerator.TaggedText(header.PublisherId),
                ["event_type"] = OsloValueGenerator.TaggedText(header.EventType),
                ["priority"] = "info",
                ["timestamp"] = OsloValueGenerator.DateTimeFields(header.Timestamp),
                ["unique_id"] = header.UniqueId,
                ["context"] = new JsonArray(),
            },
            ["payload"] = new JsonObject
            {
                ["obj"] = "nova:AuditPeriodPayload",
                ["version"] = "1.0",
                ["fields"] = new JsonArray(
                    new JsonArray("audit_period_beginning", new JsonObject { ["dt"] = OsloValueGenerator.DateTimeFields(beginning) }),
                    new JsonArray("audit_period_ending", new JsonObject { ["dt"] = OsloValueGenerator.DateTimeFields(ending) })),
            },
        };

        using var peer = OsloPeer.Start();
        var reply = peer.Ask(request);

        Assert.Contains("\"audit_period_beginning\": \"5-01-02T03:04:05Z\"", reply["v1"]!.GetValue<string>(), StringComparison.Ordinal);
        var difference = OsloBytesPropertyTests.Compare(notification, reply);
        Assert.True(difference is null, difference);
    }

    [Theory]
    [InlineData("3.0", "3.0")]
    [InlineData("1e16", "1e+16")]
    [InlineData("1.5e-7", "1.5e-07")]
    [InlineData("-0.0", "-0.0")]
    [InlineData("1e22", "1e+22")]
    [InlineData("5e-324", "5e-324")]
    [InlineData("NaN", "NaN")]
    [InlineData("Infinity", "Infinity")]
    [InlineData("-Infinity", "-Infinity")]
    public void A_float_a_program_puts_in_a_flexible_dict_is_written_as_json_dumps_writes_it(string number, string python)
    {
        // What Python's json.dumps writes for the float (checked with Debian's python3); a FlexibleDictField keeps it a float.
        var header = NotificationHeader.New("baremetal.chassis.update.end", NotificationPriority.Info, "ironic-api.host") with
        {
            MessageId = "6cad4324-5243-4773-bf33-777791b18de6",
            Timestamp = new DateTimeOffset(2026, 12, 7, 9, 59, 7, TimeSpan.Zero),
            UniqueId = "0123456789abcdef0123456789abcdef",
        };
        var value = double.Parse(number, CultureInfo.InvariantCulture);
        var chassis = new OpenStack.Ironic.ChassisCRUDPayload { Uuid = Guid.Empty, Extra = new JsonObject { ["ratio"] = value } };

        var v1 = Encoding.ASCII.GetString(NotificationWriter.Write(Notification.Create(header, chassis), MessageFormat.MessagingV1, OsloBytesPropertyTests.Unmasked));

        var extra = v1[v1.IndexOf("\"extra\": ", StringComparison.Ordinal)..];
        Assert.Equal("\"extra\": {\"ratio\": " + python + "}", extra[..(extra.IndexOf('}', StringComparison.Ordinal) + 1)]);
    }

}
