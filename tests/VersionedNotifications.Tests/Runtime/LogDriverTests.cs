using System.Text.Json;
using Microsoft.Extensions.Logging;
using VersionedNotifications.Drivers;
using VersionedNotifications.OpenStack;
using GlanceEvents = VersionedNotifications.OpenStack.Glance.EventTypes;
using IronicEvents = VersionedNotifications.OpenStack.Ironic.EventTypes;

namespace VersionedNotifications.Tests.Runtime;

/// <summary>The log driver: one structured entry per notification, the envelope as the message, at the priority's level.</summary>
public sealed class LogDriverTests
{
    private static NotifierOptions Options() => new() { Level = NotificationLevel.Debug, PublisherId = "ironic-conductor.node-1" };

    [Fact]
    public async Task A_notification_is_one_entry_with_its_fields_as_properties_and_scope()
    {
        var logs = new RecordingLoggerFactory();
        using var notifier = new Notifier(Options(), [new LogNotificationDriver(logs)]);

        await notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Start, RuntimePayloads.PowerSetStart());

        var entry = Assert.Single(logs.Entries);
        Assert.Equal("VersionedNotifications.Notification.baremetal.node.power_set.start", entry.Category);
        Assert.Equal(LogLevel.Information, entry.Level);
        var decoded = Assert.IsType<DecodedNotification>(new NotificationReader(OpenStackJsonContext.Default).Read(System.Text.Encoding.UTF8.GetBytes(entry.Message)));
        Assert.Equal("baremetal.node.power_set.start", decoded.Notification.EventType);
        Assert.Equal("baremetal.node.power_set.start", entry.Properties["event_type"]);
        Assert.Equal("INFO", entry.Properties["priority"]);
        Assert.Equal("ironic-conductor.node-1", entry.Properties["publisher_id"]);
        Assert.Equal(decoded.Notification.Header.MessageId, entry.Properties["message_id"]);
        Assert.Equal(entry.Message, entry.Properties["notification"]);
        Assert.Equal(entry.Properties["message_id"], entry.Scope["message_id"]);
        Assert.Equal("ironic-conductor.node-1", entry.Scope["publisher_id"]);
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(entry.Message).RootElement.ValueKind);
    }

    [Fact]
    public async Task The_log_level_follows_the_priority()
    {
        var logs = new RecordingLoggerFactory();
        using var notifier = new Notifier(Options(), [new LogNotificationDriver(logs)]);

        await notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Error, RuntimePayloads.PowerSetStart());
        await notifier.EmitTextAsync(GlanceEvents.Image.Upload, NotificationPriority.Error, "upload failed");
        var warning = NotificationHeader.New("baremetal.node.power_set.start", NotificationPriority.Warn, "ironic-conductor.node-1");
        await notifier.EmitAsync(Notification.Create(warning, RuntimePayloads.PowerSetStart()));

        Assert.Equal([LogLevel.Error, LogLevel.Error, LogLevel.Warning], logs.Entries.Select(e => e.Level));
        Assert.Equal(LogLevel.Information, LogNotificationDriver.LevelOf(NotificationPriority.Sample));
        Assert.Equal(LogLevel.Critical, LogNotificationDriver.LevelOf(NotificationPriority.Critical));
        Assert.Equal(LogLevel.Debug, LogNotificationDriver.LevelOf(NotificationPriority.Debug));
    }

    [Fact]
    public async Task Secrets_are_masked_in_the_log_too()
    {
        var logs = new RecordingLoggerFactory();
        using var notifier = new Notifier(Options(), [new LogNotificationDriver(logs)]);

        await notifier.EmitAsync(IronicEvents.Baremetal.Node.Update.End, RuntimePayloads.NodeWithSecrets());

        Assert.DoesNotContain("hunter2", Assert.Single(logs.Entries).Message);
    }

    [Fact]
    public async Task A_disabled_log_level_writes_nothing()
    {
        var logs = new RecordingLoggerFactory { MinimumLevel = LogLevel.Warning };
        using var notifier = new Notifier(Options(), [new LogNotificationDriver(logs)]);

        await notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Start, RuntimePayloads.PowerSetStart());

        Assert.Empty(logs.Entries);
    }
}
