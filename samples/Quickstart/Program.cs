using System;
using System.Globalization;
using System.Text;
using System.Threading.Tasks;
using Quickstart;
using Quickstart.Notifications;
using Microsoft.Extensions.Logging;
using VersionedNotifications;
using VersionedNotifications.Drivers;
using VersionedNotifications.Wire;

// Everything typed below was generated at build time from definitions/backup.yaml: the record, its
// JSON converter, the event types and QuickstartJsonContext (the contracts a reader takes).
var payload = new BackupPayload
{
    Uuid = Guid.Parse("9d3c1a2e-5f7b-4c1d-8e2a-0b6f4d3c2a10"),
    VolumeId = Guid.Parse("f0d9b0e6-b042-4105-91d4-a20331693ad8"),
    Kind = BackupKind.Incremental,
    CreatedAt = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero),
    Tags = ["nightly"],
};

Console.WriteLine($"{BackupPayload.ObjectInfo.KeyPrefix}.name = {BackupPayload.ObjectName}, version {BackupPayload.ObjectVersion} (known: {string.Join(", ", BackupPayload.ObjectInfo.KnownVersions)})");

// Emit: the event type decides the payload type and the priority. The notifier filters by level, masks
// secrets and hands each notification to its drivers: the log driver (ironic.conf's "log") prints it,
// the capture driver keeps it so that this program can read it back, as a consumer would.
using var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(console => console.SingleLine = true));
var captured = new CaptureNotificationDriver(QuickstartJsonContext.Default);
using var notifier = new Notifier(
    new NotifierOptions { Level = NotificationLevel.Info, PublisherId = "backup-api.host-1", Topics = ["backup_notifications"] },
    [new LogNotificationDriver(loggerFactory), captured]);
await notifier.EmitAsync(EventTypes.Backup.Create.Start, payload);
await notifier.EmitAsync(EventTypes.Backup.Create.End, () => payload with { SizeGb = 42 });   // built only when the level lets it through
loggerFactory.Dispose();   // the console logger writes on its own thread: flush it before printing more

// What a bus driver sends (oslo's messagingv2 body), a 1.0 backport for an older consumer, and two
// messages this program's contracts do not read.
var end = Notification.Create(EventTypes.Backup.Create.End, payload with { SizeGb = 42 }, "backup-api.host-1");
var sent = new[]
{
    captured.Captured[0].ToMessagingV2(),
    captured.Captured[1].ToMessagingV2(),
    NotificationWriter.Write(end, MessageFormat.MessagingV1, new PayloadWriteOptions { TargetVersion = "1.0" }),
    Encoding.UTF8.GetBytes("""{"message_id": "m-4", "publisher_id": "backup-api.host-1", "event_type": "backup.delete.end", "priority": "INFO", "payload": {}, "timestamp": "2026-11-22 10:00:00"}"""),
    Encoding.UTF8.GetBytes("""{"message_id": "m-5", "publisher_id": "backup-api.host-1", "event_type": "backup.create.end", "priority": "INFO", "payload": {"backup_object.name": "BackupPayload", "backup_object.namespace": "backup", "backup_object.version": "1.1", "backup_object.data": {"uuid": 7}}, "timestamp": "2026-11-22 10:00:00"}"""),
};
Console.WriteLine("on the wire: " + Encoding.UTF8.GetString(sent[0]));

// Consume: typed handlers by event type; everything else reaches the fallback with its bytes.
var dispatcher = new NotificationDispatcher(new NotificationReader(QuickstartJsonContext.Default))
    .On(EventTypes.Backup.Create.Start, (n, _) => Print(n))
    .On(EventTypes.Backup.Create.End, (n, _) => Print(n))
    .OnUnhandled((result, _) =>
    {
        Console.WriteLine(result switch
        {
            UnsupportedNotification unsupported => $"not handled: {unsupported.Header.EventType}: {unsupported.Detail}",
            MalformedNotification malformed => $"rejected {malformed.MessageId}: {malformed.JsonPath}: {malformed.Reason}",
            _ => $"not handled: {result}",
        });
        return ValueTask.CompletedTask;
    });

foreach (var message in sent)
{
    await dispatcher.DispatchAsync(message);
}

Console.WriteLine($"{EventTypes.All.Count} event types defined; unknown kind kept as is: {(BackupKind)"differential"} (known: {((BackupKind)"differential").IsKnown})");

static ValueTask Print(Notification<BackupPayload> notification)
{
    var payload = notification.Payload;
    var version = payload.WireState?.Version ?? BackupPayload.ObjectVersion;
    var tags = payload.WireState?.IsAbsent("tags") == true ? "absent" : "[" + string.Join(", ", payload.Tags) + "]";
    Console.WriteLine(
        $"{PriorityNames.ToWire(notification.Priority),-5} {notification.EventType}: {BackupPayload.ObjectName} {version} " +
        $"uuid={payload.Uuid} kind={payload.Kind} size_gb={payload.SizeGb?.ToString(CultureInfo.InvariantCulture) ?? "null"} " +
        $"created_at={payload.CreatedAt:yyyy-MM-ddTHH:mm:ssZ} tags={tags}");
    return ValueTask.CompletedTask;
}
