using System.Text.Json.Nodes;
using VersionedNotifications.OpenStack;
using VersionedNotifications.OpenStack.Glance;
using VersionedNotifications.OpenStack.Ironic;
using VersionedNotifications.Tests.Infrastructure;
using GlanceEvents = VersionedNotifications.OpenStack.Glance.EventTypes;
using IronicEvents = VersionedNotifications.OpenStack.Ironic.EventTypes;

namespace VersionedNotifications.Tests.Wire;

/// <summary>Typed dispatch: by event type, by payload type, and a fallback that keeps the raw message.</summary>
public sealed class DispatcherTests
{
    private static readonly NotificationReader Reader = new(OpenStackJsonContext.Default);

    [Fact]
    public async Task Routes_by_event_type_to_a_typed_handler()
    {
        var seen = new List<string>();
        var dispatcher = new NotificationDispatcher(Reader)
            .On(IronicEvents.Baremetal.Node.PowerSet.Start, (n, _) =>
            {
                seen.Add($"{n.Payload.Uuid} {n.Payload.PowerState} -> {n.Payload.ToPower}");
                return ValueTask.CompletedTask;
            })
            .On(IronicEvents.Baremetal.Node.PowerSet.End, (n, _) => throw new InvalidOperationException("not this one"));

        var outcome = await dispatcher.DispatchAsync(Fixtures.Read("ironic", "baremetal.node.power_set.start.json"));

        Assert.Equal(DispatchOutcome.Handled, outcome);
        Assert.Equal(["1be26c0b-03f2-4d2e-ae87-c02d7f33c123 power off -> power on"], seen);
    }

    [Fact]
    public async Task Routes_by_payload_type_across_event_types()
    {
        var events = new List<string>();
        var dispatcher = new NotificationDispatcher(Reader).OnPayload<NodePayload>((n, _) =>
        {
            events.Add(n.EventType);
            return ValueTask.CompletedTask;
        });

        foreach (var file in new[] { "baremetal.node.maintenance_set.start.json", "baremetal.node.console_set.end.json", "baremetal.node.power_set.start.json" })
        {
            await dispatcher.DispatchAsync(Fixtures.Read("ironic", file));
        }

        // power_set carries NodeSetPowerStatePayload, not NodePayload itself.
        Assert.Equal(["baremetal.node.maintenance_set.start", "baremetal.node.console_set.end"], events);
    }

    [Fact]
    public async Task Text_payloads_go_to_text_handlers()
    {
        string? text = null;
        var typedCalls = 0;
        var dispatcher = new NotificationDispatcher(Reader)
            .On(GlanceEvents.Image.Upload, (_, _) =>
            {
                typedCalls++;
                return ValueTask.CompletedTask;
            })
            .OnText(GlanceEvents.Image.Upload, (n, _) =>
            {
                text = n.Payload;
                return ValueTask.CompletedTask;
            });

        Assert.Equal(DispatchOutcome.Handled, await dispatcher.DispatchAsync(Fixtures.Read("glance", "image.upload.error-text.json")));
        Assert.Equal(DispatchOutcome.Handled, await dispatcher.DispatchAsync(Fixtures.Read("glance", "image.upload.json")));

        Assert.False(string.IsNullOrEmpty(text));
        Assert.Equal(1, typedCalls);
    }

    [Fact]
    public async Task Everything_else_reaches_the_fallback_with_its_bytes()
    {
        var fallback = new List<NotificationReadResult>();
        var dispatcher = new NotificationDispatcher(Reader)
            .On(IronicEvents.Baremetal.Port.Create.End, (_, _) => ValueTask.CompletedTask)
            .OnUnhandled((result, _) =>
            {
                fallback.Add(result);
                return ValueTask.CompletedTask;
            });
        var unknown = Messages.PowerSetStart();
        unknown["event_type"] = "baremetal.node.firmware_set.start";
        byte[] garbage = [0x7B, 0x7B];

        Assert.Equal(DispatchOutcome.Unhandled, await dispatcher.DispatchAsync(Messages.Bytes(unknown)));
        Assert.Equal(DispatchOutcome.Unhandled, await dispatcher.DispatchAsync(garbage));
        Assert.Equal(DispatchOutcome.Unhandled, await dispatcher.DispatchAsync(Fixtures.Read("ironic", "baremetal.port.delete.end.json")));
        Assert.Equal(DispatchOutcome.Handled, await dispatcher.DispatchAsync(Fixtures.Read("ironic", "baremetal.port.create.end.json")));

        Assert.Collection(
            fallback,
            r => Assert.Equal(UnsupportedReason.UnknownEventType, Assert.IsType<UnsupportedNotification>(r).Reason),
            r => Assert.Equal(garbage, Assert.IsType<MalformedNotification>(r).Message.ToArray()),
            r => Assert.Equal("baremetal.port.delete.end", Assert.IsType<DecodedNotification>(r).Notification.EventType));
    }

    [Fact]
    public async Task A_handler_failure_propagates_to_the_caller()
    {
        var dispatcher = new NotificationDispatcher(Reader)
            .On(IronicEvents.Baremetal.Node.PowerSet.Start, (_, _) => throw new TimeoutException("database away"));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => dispatcher.DispatchAsync(Fixtures.Read("ironic", "baremetal.node.power_set.start.json")).AsTask());

        Assert.Equal("database away", error.Message);
    }

    [Fact]
    public async Task Glance_objects_dispatch_by_their_own_event_types()
    {
        ImageMemberPayload? member = null;
        var dispatcher = new NotificationDispatcher(Reader).On(GlanceEvents.Image.Member.Create, (n, _) =>
        {
            member = n.Payload;
            return ValueTask.CompletedTask;
        });

        await dispatcher.DispatchAsync(Fixtures.Read("glance", "image.member.create.json"));

        Assert.NotNull(member);
        Assert.Equal(Messages.Fixture("glance", "image.member.create.json")["payload"]!["member_id"]!.GetValue<string>(), member.MemberId);
    }
}
