using System;
using Quickstart.Notifications;
using VersionedNotifications;

// Everything used below was generated at build time from definitions/backup.yaml.
var payload = new BackupPayload
{
    Uuid = Guid.Parse("9d3c1a2e-5f7b-4c1d-8e2a-0b6f4d3c2a10"),
    VolumeId = Guid.Parse("f0d9b0e6-b042-4105-91d4-a20331693ad8"),
    Kind = BackupKind.Incremental,
    CreatedAt = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero),
    Tags = ["nightly"],
};

Console.WriteLine($"{BackupPayload.ObjectInfo.KeyPrefix}.name = {BackupPayload.ObjectName}, version {BackupPayload.ObjectVersion} (known: {string.Join(", ", BackupPayload.ObjectInfo.KnownVersions)})");

Print(EventTypes.Backup.Create.Start, payload);
Print(EventTypes.Backup.Create.End, payload with { SizeGb = 42 });
Print(EventTypes.Backup.Create.Error, payload);

// Consumers look event types up by the name the wire carries.
foreach (var name in new[] { "backup.create.end", "backup.delete.end" })
{
    Console.WriteLine(EventTypes.TryGet(name, out var found)
        ? $"lookup {name}: {found.Priority}, payload {found.PayloadName}"
        : $"lookup {name}: not defined");
}

Console.WriteLine($"{EventTypes.All.Count} event types defined; unknown kind kept as is: {(BackupKind)"differential"} (known: {((BackupKind)"differential").IsKnown})");

static void Print(EventType<BackupPayload> eventType, BackupPayload payload) =>
    Console.WriteLine(
        $"{eventType.Priority.ToString().ToUpperInvariant(),-5} {eventType.Name}: {BackupPayload.ObjectName} {BackupPayload.ObjectVersion} " +
        $"uuid={payload.Uuid} kind={payload.Kind} size_gb={payload.SizeGb?.ToString() ?? "null"} " +
        $"created_at={payload.CreatedAt:yyyy-MM-ddTHH:mm:ssZ} tags=[{string.Join(", ", payload.Tags)}]");
