using System;

namespace VersionedNotifications.Wire;

/// <summary>Priority names on the wire: written upper case as oslo.messaging sends them, read in any case.</summary>
public static class PriorityNames
{
    /// <summary>The wire name: <c>DEBUG</c>, <c>INFO</c>, <c>WARN</c>, <c>ERROR</c>, <c>CRITICAL</c>, <c>AUDIT</c>, <c>SAMPLE</c>.</summary>
    public static string ToWire(NotificationPriority priority) => priority switch
    {
        NotificationPriority.Debug => "DEBUG",
        NotificationPriority.Info => "INFO",
        NotificationPriority.Warn => "WARN",
        NotificationPriority.Error => "ERROR",
        NotificationPriority.Critical => "CRITICAL",
        NotificationPriority.Audit => "AUDIT",
        NotificationPriority.Sample => "SAMPLE",
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, "Not a notification priority."),
    };

    /// <summary>The lower-case name used in routing keys (<c>notifications.info</c>).</summary>
    public static string ToRoutingSuffix(NotificationPriority priority) => ToWire(priority).ToLowerInvariant();

    /// <summary>Reads a priority in any case; <c>WARNING</c> means <see cref="NotificationPriority.Warn"/>.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out NotificationPriority priority)
    {
        foreach (var (name, value) in Names)
        {
            if (text.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                priority = value;
                return true;
            }
        }

        priority = default;
        return false;
    }

    private static readonly (string Name, NotificationPriority Value)[] Names =
    [
        ("INFO", NotificationPriority.Info),
        ("ERROR", NotificationPriority.Error),
        ("WARN", NotificationPriority.Warn),
        ("WARNING", NotificationPriority.Warn),
        ("DEBUG", NotificationPriority.Debug),
        ("CRITICAL", NotificationPriority.Critical),
        ("AUDIT", NotificationPriority.Audit),
        ("SAMPLE", NotificationPriority.Sample),
    ];
}
