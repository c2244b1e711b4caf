using System.Collections.Generic;
using Microsoft.Extensions.Configuration;

namespace VersionedNotifications.Extensions.Hosting;

/// <summary>
/// The keys of the <c>Notifications</c> section that the notifier reads, as ironic.conf names them:
/// <c>Level</c> (notification_level), <c>Topics</c> (versioned_notifications_topics), <c>Drivers</c>
/// ([oslo_messaging_notifications] driver), <c>PublisherId</c> or <c>Service</c> and <c>Host</c>,
/// <c>DisabledEventTypes</c>, <c>Retry</c> (oslo's retry: -1 forever, 0 none, N) and <c>MaskSecrets</c>.
/// </summary>
internal static class NotificationsConfiguration
{
    /// <summary>Applies the section to <paramref name="options"/>; every bad value goes to <paramref name="errors"/> with its key.</summary>
    public static void Bind(IConfiguration section, NotifierOptions options, List<string> errors)
    {
        var levelText = ConfigurationValues.ReadString(section, "Level");
        if (levelText is not null)
        {
            if (NotificationLevels.TryParse(levelText, out var level))
            {
                options.Level = level.Value;
            }
            else
            {
                errors.Add($"{ConfigurationValues.PathOf(section, "Level")}: '{levelText}' is not a level; use {NotificationLevels.Choices}");
            }
        }

        if (ConfigurationValues.ReadList(section, "Topics") is { } topics)
        {
            options.Topics = topics;
        }

        if (ConfigurationValues.ReadList(section, "DisabledEventTypes") is { } disabled)
        {
            options.DisabledEventTypes = disabled;
        }

        options.PublisherId = ConfigurationValues.ReadString(section, "PublisherId") ?? options.PublisherId;
        options.Service = ConfigurationValues.ReadString(section, "Service") ?? options.Service;
        options.Host = ConfigurationValues.ReadString(section, "Host") ?? options.Host;
        if (ConfigurationValues.ReadInt(section, "Retry", -1, int.MaxValue, errors) is { } retry)
        {
            options.Retry = NotificationRetryPolicy.FromOslo(retry);
        }

        if (ConfigurationValues.ReadBool(section, "MaskSecrets", errors) is { } mask)
        {
            options.MaskSecrets = mask;
        }
    }

    /// <summary>The driver names of the section (<c>Drivers</c>), or <see langword="null"/> when it names none.</summary>
    public static List<string>? ReadDrivers(IConfiguration section) => ConfigurationValues.ReadList(section, "Drivers");
}
