namespace VersionedNotifications.Generator.Model;

/// <summary>Notification priorities, named as the runtime's <c>VersionedNotifications.NotificationPriority</c> members.</summary>
internal enum Priority
{
    Debug,
    Info,
    Warn,
    Error,
    Critical,
    Audit,
    Sample,
}
