using System;
using System.Diagnostics.CodeAnalysis;

namespace VersionedNotifications;

/// <summary>
/// The lowest severity a notifier emits, as ironic's <c>[DEFAULT] notification_level</c>:
/// <see cref="Debug"/> &lt; <see cref="Info"/> &lt; <see cref="Warning"/> &lt; <see cref="Error"/> &lt; <see cref="Critical"/>.
/// <see cref="None"/>, the default, emits nothing, as ironic does when the option is unset.
/// </summary>
public enum NotificationLevel
{
    /// <summary>Nothing is emitted (ironic's unset <c>notification_level</c>).</summary>
    None,

    /// <summary>Every notification.</summary>
    Debug,

    /// <summary><c>INFO</c> and above; <c>AUDIT</c> and <c>SAMPLE</c> count as <c>INFO</c>.</summary>
    Info,

    /// <summary><c>WARN</c> and above.</summary>
    Warning,

    /// <summary><c>ERROR</c> and <c>CRITICAL</c>.</summary>
    Error,

    /// <summary>Only <c>CRITICAL</c>.</summary>
    Critical,
}

/// <summary>Reads notification levels as ironic.conf spells them and compares priorities with them.</summary>
public static class NotificationLevels
{
    /// <summary>The names a level is read from, in the order of the scale.</summary>
    public const string Choices = "none, debug, info, warning, error or critical";

    /// <summary>
    /// Whether <paramref name="level"/> lets <paramref name="priority"/> through. <c>AUDIT</c> and
    /// <c>SAMPLE</c> are records of normal operation outside oslo's severity scale; they pass where
    /// <c>INFO</c> passes.
    /// </summary>
    public static bool Allows(this NotificationLevel level, NotificationPriority priority) =>
        level != NotificationLevel.None && (int)SeverityOf(priority) >= (int)level;

    /// <summary>The level a priority has on the threshold scale.</summary>
    public static NotificationLevel SeverityOf(NotificationPriority priority) => priority switch
    {
        NotificationPriority.Debug => NotificationLevel.Debug,
        NotificationPriority.Info or NotificationPriority.Audit or NotificationPriority.Sample => NotificationLevel.Info,
        NotificationPriority.Warn => NotificationLevel.Warning,
        NotificationPriority.Error => NotificationLevel.Error,
        NotificationPriority.Critical => NotificationLevel.Critical,
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, "Not a notification priority."),
    };

    /// <summary>
    /// Reads a level in any case: <c>none</c> (or an empty value), <c>debug</c>, <c>info</c>,
    /// <c>warning</c> (or oslo's priority name <c>warn</c>), <c>error</c>, <c>critical</c>.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out NotificationLevel? level)
    {
        level = text?.Trim().ToLowerInvariant() switch
        {
            null or "" or "none" => NotificationLevel.None,
            "debug" => NotificationLevel.Debug,
            "info" => NotificationLevel.Info,
            "warning" or "warn" => NotificationLevel.Warning,
            "error" => NotificationLevel.Error,
            "critical" => NotificationLevel.Critical,
            _ => null,
        };
        return level is not null;
    }
}
