using System.Text;
using System.Text.Json.Nodes;
using VersionedNotifications.OpenStack;
using VersionedNotifications.Tool.Tests.Infrastructure;
using static VersionedNotifications.Tool.Tests.Infrastructure.NodeTools;

namespace VersionedNotifications.Tool.Tests;

/// <summary>
/// The example messages of the committed pages, made from the definitions' field examples, are real
/// messages: each validates against its event type's schema and decodes with the runtime's reader,
/// as a v1 envelope and as a messaging v2 body.
/// </summary>
public sealed class ExampleMessageTests
{
    private static readonly NotificationReader Reader = new(OpenStackJsonContext.Default);

    [Fact]
    public void Every_action_has_an_example_message()
    {
        var examples = MarkdownPages.Examples(RepositoryLayout.Notifications);

        // 31 ironic families (8 resources x create, update, delete, and 7 more node actions), 33 plain glance event types.
        Assert.Equal(31, examples.Count(e => e.Page == "ironic.md"));
        Assert.Equal(33, examples.Count(e => e.Page == "glance.md"));
        Assert.All(examples, e => Assert.Equal(e.EventType, (string?)e.Message["event_type"]));
    }

    [Fact]
    public void Every_example_validates_against_its_event_type_schema()
    {
        var examples = MarkdownPages.Examples(RepositoryLayout.Notifications);
        var cases = examples.Select(e => new SchemaCase(e.EventType, $"{e.Page[..^3]}/events/{e.EventType}.json", e.Message)).ToList();

        var failures = Validate(cases).Values.Where(r => !r.Valid).Select(r => r.Name + ": " + string.Join("; ", r.Errors)).ToList();

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public void Every_example_decodes_with_the_runtime_reader_in_both_wire_forms()
    {
        foreach (var example in MarkdownPages.Examples(RepositoryLayout.Notifications))
        {
            var v1 = Encoding.UTF8.GetBytes(example.Message.ToJsonString());
            var v2 = Encoding.UTF8.GetBytes(new JsonObject { ["oslo.version"] = "2.0", ["oslo.message"] = example.Message.ToJsonString() }.ToJsonString());
            foreach (var body in new[] { v1, v2 })
            {
                var result = Reader.Read(body);

                var decoded = Assert.IsType<DecodedNotification>(result, exactMatch: false);
                Assert.Equal(example.EventType, decoded.EventTypeInfo.Name);
                Assert.Equal(example.EventType, decoded.Notification.EventType);
                // Exactly the current definition: no field absent, none unknown, the current version.
                var payload = Assert.IsAssignableFrom<INotificationPayload>(decoded.Notification.PayloadValue);
                Assert.Null(payload.WireState);
            }
        }
    }
}
