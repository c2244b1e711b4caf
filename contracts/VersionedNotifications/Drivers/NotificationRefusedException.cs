using System;

namespace VersionedNotifications.Drivers;

/// <summary>
/// A driver refuses notifications for a reason retrying cannot heal: the broker refused the topology it
/// declares (a durability mismatch), the credentials or the virtual host. The message names the setting to
/// change. The notifier counts the notification failed and does not try it again.
/// </summary>
public sealed class NotificationRefusedException : Exception
{
    /// <summary>An exception whose message says what the broker refused and which setting to change.</summary>
    public NotificationRefusedException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
