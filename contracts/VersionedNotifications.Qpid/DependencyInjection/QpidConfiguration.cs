using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Values = VersionedNotifications.Extensions.Hosting.ConfigurationValues;

namespace VersionedNotifications.Qpid;

/// <summary>
/// The keys of the <c>Notifications</c> section the AMQP 1.0 driver and listener read: <c>TransportUrl</c>,
/// <c>ControlExchange</c>, <c>Retry</c>; under <c>Qpid</c> (oslo's <c>[oslo_messaging_amqp]</c>):
/// <c>Addressing</c>, <c>NotificationExchange</c>, <c>GroupRequestPrefix</c>, <c>NotifyAddressPrefix</c>,
/// <c>AnycastAddress</c>, <c>PseudoVirtualHost</c>, <c>DurableQueues</c>, <c>ContainerId</c>,
/// <c>RecoveryInterval</c>, <c>IdleTimeout</c>, <c>Format</c>, <c>BufferCapacity</c>, <c>BufferFullTimeout</c>,
/// <c>ShutdownTimeout</c>; under <c>Listener</c>: the listener's keys, and any connection key to override the section's.
/// </summary>
internal static class QpidConfiguration
{
    private static readonly string[] QpidKeys =
    [
        "Addressing", "NotificationExchange", "GroupRequestPrefix", "NotifyAddressPrefix", "AnycastAddress", "PseudoVirtualHost", "DurableQueues",
        "ContainerId", "RecoveryInterval", "IdleTimeout", "Format", "BufferCapacity", "BufferFullTimeout", "ShutdownTimeout",
    ];

    public static void BindConnection(IConfiguration section, QpidConnectionOptions options, List<string> errors)
    {
        options.TransportUrl = Values.ReadString(section, "TransportUrl") ?? options.TransportUrl;
        options.ControlExchange = Values.ReadString(section, "ControlExchange") ?? options.ControlExchange;
        var qpid = section.GetSection("Qpid");
        options.Addressing = Values.ReadEnum<QpidAddressingMode>(qpid, "Addressing", errors) ?? options.Addressing;
        options.NotificationExchange = Values.ReadString(qpid, "NotificationExchange") ?? options.NotificationExchange;
        options.GroupRequestPrefix = Values.ReadString(qpid, "GroupRequestPrefix") ?? options.GroupRequestPrefix;
        options.NotifyAddressPrefix = Values.ReadString(qpid, "NotifyAddressPrefix") ?? options.NotifyAddressPrefix;
        options.AnycastAddress = Values.ReadString(qpid, "AnycastAddress") ?? options.AnycastAddress;
        options.PseudoVirtualHost = Values.ReadBool(qpid, "PseudoVirtualHost", errors) ?? options.PseudoVirtualHost;
        options.DurableQueues = Values.ReadBool(qpid, "DurableQueues", errors) ?? options.DurableQueues;
        options.ContainerId = Values.ReadString(qpid, "ContainerId") ?? options.ContainerId;
        options.RecoveryInterval = Values.ReadDuration(qpid, "RecoveryInterval", errors) ?? options.RecoveryInterval;
        options.IdleTimeout = Values.ReadDuration(qpid, "IdleTimeout", errors) ?? options.IdleTimeout;
    }

    public static void BindDriver(IConfiguration section, QpidDriverOptions options, List<string> errors)
    {
        BindConnection(section, options, errors);
        var qpid = section.GetSection("Qpid");
        options.Format = Values.ReadEnum<MessageFormat>(qpid, "Format", errors) ?? options.Format;
        options.BufferCapacity = Values.ReadInt(qpid, "BufferCapacity", 1, int.MaxValue, errors) ?? options.BufferCapacity;
        options.BufferFullTimeout = Values.ReadDuration(qpid, "BufferFullTimeout", errors) ?? options.BufferFullTimeout;
        options.ShutdownTimeout = Values.ReadDuration(qpid, "ShutdownTimeout", errors) ?? options.ShutdownTimeout;
        if (Values.ReadInt(section, "Retry", -1, int.MaxValue, errors) is { } retry)
        {
            options.Retry = NotificationRetryPolicy.FromOslo(retry);
        }
    }

    /// <summary>The listener: the section's connection, then <c>Listener</c>'s own keys (its <c>Topics</c> default to the section's).</summary>
    public static void BindListener(IConfiguration section, QpidNotificationListenerOptions options, List<string> errors)
    {
        BindConnection(section, options, errors);
        var listener = section.GetSection("Listener");
        BindConnection(listener, options, errors);
        if ((Values.ReadList(listener, "Topics") ?? Values.ReadList(section, "Topics")) is { } topics)
        {
            options.Topics = topics;
        }

        if (Values.ReadList(listener, "Priorities") is { } priorities)
        {
            options.Priorities = new List<NotificationPriority>();
            for (var i = 0; i < priorities.Count; i++)
            {
                if (Wire.PriorityNames.TryParse(priorities[i], out var priority))
                {
                    options.Priorities.Add(priority);
                }
                else
                {
                    errors.Add($"{Values.PathOf(listener, "Priorities:" + i)}: '{priorities[i]}' is not a priority (audit, critical, debug, error, info, sample, warn)");
                }
            }
        }

        options.Credit = Values.ReadInt(listener, "Credit", 1, ushort.MaxValue, errors) ?? options.Credit;
        options.MaxConcurrency = Values.ReadInt(listener, "MaxConcurrency", 1, ushort.MaxValue, errors) ?? options.MaxConcurrency;
        options.OnFailure = Values.ReadEnum<QpidListenerFailureAction>(listener, "OnFailure", errors) ?? options.OnFailure;
        options.RequeueDelay = Values.ReadDuration(listener, "RequeueDelay", errors) ?? options.RequeueDelay;
        options.OnUnreadable = Values.ReadEnum<UnreadableMessageAction>(listener, "OnUnreadable", errors) ?? options.OnUnreadable;
        options.EventTypes = Values.ReadList(listener, "EventTypes") ?? options.EventTypes;
        options.Publishers = Values.ReadList(listener, "Publishers") ?? options.Publishers;
    }

    /// <summary>An options error (<c>BufferCapacity: ...</c>) under the key it is configured at.</summary>
    public static string ToConfigurationError(IConfiguration section, string error)
    {
        var option = error.Split(':', 2)[0].Split('[')[0];
        var at = QpidKeys.Contains(option) ? section.GetSection("Qpid") : section;
        return Values.ToConfigurationError(at, error);
    }
}
