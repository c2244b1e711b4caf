using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VersionedNotifications.Drivers;

namespace VersionedNotifications.Qpid.Tests.Wire;

/// <summary>oslo's amqp1 body both ways: the context written beside the message, and read back into the envelope's <c>_context_*</c> keys.</summary>
public sealed class OsloAmqpBodyTests
{
    [Fact]
    public void The_body_is_what_oslo_marshal_request_writes_the_message_without_unique_id_and_the_context_beside_it()
    {
        var context = new Dictionary<string, JsonElement> { ["user"] = JsonSerializer.SerializeToElement("u1"), ["roles"] = JsonSerializer.SerializeToElement(new[] { "member" }) };
        var header = NotificationHeader.New("image.update", NotificationPriority.Info, "image.localhost") with
        {
            MessageId = "m1",
            Timestamp = new DateTimeOffset(2026, 12, 7, 9, 59, 7, TimeSpan.Zero),
            Context = context,
        };
        var outgoing = OutgoingNotification.Create(Notification.CreateText(header, "é"), ["notifications"]);

        // jsonutils.dumps({"request": serialize_msg(message), "context": ctxt}), as oslo.messaging 14's impl_amqp1 does.
        const string Envelope = "{\"message_id\": \"m1\", \"publisher_id\": \"image.localhost\", \"event_type\": \"image.update\", \"priority\": \"INFO\", \"payload\": \"\\u00e9\", \"timestamp\": \"2026-12-07 09:59:07\"}";
        Assert.Equal(
            "{\"request\": {\"oslo.version\": \"2.0\", \"oslo.message\": \"" + Envelope.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"}, \"context\": {\"user\": \"u1\", \"roles\": [\"member\"]}}",
            Encoding.ASCII.GetString(outgoing.ToOsloAmqp1Body(MessageFormat.MessagingV2)));
        Assert.Equal(
            "{\"request\": " + Envelope + ", \"context\": {\"user\": \"u1\", \"roles\": [\"member\"]}}",
            Encoding.ASCII.GetString(outgoing.ToOsloAmqp1Body(MessageFormat.MessagingV1)));
    }

    [Fact]
    public void The_context_goes_into_the_envelope_of_a_messagingv2_request_without_replacing_a_key_it_has()
    {
        var envelope = "{\"message_id\":\"m1\",\"payload\":{\"x\":\"\\u00e9\"},\"_context_user\":\"from-envelope\"}";
        var body = $"{{\"request\":{{\"oslo.version\":\"2.0\",\"oslo.message\":{JsonSerializer.Serialize(envelope)}}},\"context\":{{\"user\":\"u1\",\"project_id\":\"p1\",\"is_admin\":false}}}}";

        var request = JsonNode.Parse(OsloAmqpBody.Unwrap(Encoding.UTF8.GetBytes(body)).Span)!;
        Assert.Equal("2.0", (string?)request["oslo.version"]);
        var spliced = JsonNode.Parse((string)request["oslo.message"]!)!;
        Assert.Equal("m1", (string?)spliced["message_id"]);
        Assert.Equal("é", (string?)spliced["payload"]!["x"]);
        Assert.Equal("from-envelope", (string?)spliced["_context_user"]);
        Assert.Equal("p1", (string?)spliced["_context_project_id"]);
        Assert.False((bool)spliced["_context_is_admin"]!);
    }

    [Fact]
    public void The_context_goes_into_a_bare_v1_envelope_and_the_reader_exposes_it()
    {
        var envelope = JsonNode.Parse(Repository.ReadFixture("glance", "image.update.json"))!;
        var body = $"{{\"request\":{envelope.ToJsonString()},\"context\":{{\"request_id\":\"req-1\"}}}}";

        var read = Assert.IsType<DecodedNotification>(Infrastructure.QpidEmitters.Reader.Read(OsloAmqpBody.Unwrap(Encoding.UTF8.GetBytes(body))));
        Assert.Equal("req-1", read.Notification.Header.Context["request_id"].GetString());
    }

    [Theory]
    [InlineData("{\"request\":{\"a\":1},\"context\":{}}", "{\"a\":1}")]
    [InlineData("{\"request\":{\"a\":1},\"context\":null}", "{\"a\":1}")]
    [InlineData("{\"request\":{\"a\":1}}", "{\"a\":1}")]
    [InlineData("{\"request\":[1],\"context\":{\"u\":1}}", "{\"request\":[1],\"context\":{\"u\":1}}")]
    [InlineData("{\"oslo.version\":\"2.0\",\"oslo.message\":\"{}\"}", "{\"oslo.version\":\"2.0\",\"oslo.message\":\"{}\"}")]
    [InlineData("{\"request\":{\"oslo.message\":\"not json\"},\"context\":{\"u\":1}}", "{\"oslo.message\":\"not json\"}")]
    [InlineData("not json", "not json")]
    public void Anything_else_is_left_for_the_reader_to_read_or_report(string body, string expected) =>
        Assert.Equal(expected, Encoding.UTF8.GetString(OsloAmqpBody.Unwrap(Encoding.UTF8.GetBytes(body)).Span));
}
