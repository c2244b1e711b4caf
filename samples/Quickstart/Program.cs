using System;
using System.Text;
using System.Threading.Tasks;
using Quickstart;
using Quickstart.Notifications;
using VersionedNotifications;
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

// Emit: the event type decides the payload type and the priority; the writer makes the oslo v2 body.
var start = Notification.Create(EventTypes.Backup.Create.Start, payload, "backup-api.host-1");
var end = Notification.Create(EventTypes.Backup.Create.End, payload with { SizeGb = 42 }, "backup-api.host-1");
var sent = new[]
{
    NotificationWriter.Write(start),
    NotificationWriter.Write(end),
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
        $"uuid={payload.Uuid} kind={payload.Kind} size_gb={payload.SizeGb?.ToString() ?? "null"} " +
        $"created_at={payload.CreatedAt:yyyy-MM-ddTHH:mm:ssZ} tags={tags}");
    return ValueTask.CompletedTask;
}
