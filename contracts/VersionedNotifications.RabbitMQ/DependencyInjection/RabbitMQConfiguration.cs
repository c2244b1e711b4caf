using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;
using VersionedNotifications.Extensions.Hosting;

namespace VersionedNotifications.RabbitMQ;

/// <summary>
/// The keys of the <c>Notifications</c> section the RabbitMQ driver and listener read:
/// <c>TransportUrl</c>, <c>ControlExchange</c>, <c>Retry</c>; under <c>RabbitMQ</c>: <c>DurableQueues</c>,
/// <c>AutoDelete</c>, <c>QuorumQueue</c>, <c>QuorumDeliveryLimit</c>, <c>QuorumMaxMemoryLength</c>,
/// <c>QuorumMaxMemoryBytes</c>, <c>HaQueues</c>, <c>FailoverStrategy</c>, <c>UseTls</c>, <c>ConnectionName</c>, <c>RecoveryInterval</c>, <c>BufferCapacity</c>,
/// <c>BufferFullTimeout</c>, <c>ShutdownTimeout</c>; under <c>Listener</c>: the listener's keys, and any
/// connection key to override the section's.
/// </summary>
internal static class RabbitMQConfiguration
{
    private static readonly string[] RabbitMQKeys =
    [
        "DurableQueues", "AutoDelete", "QuorumQueue", "QuorumDeliveryLimit", "QuorumMaxMemoryLength", "QuorumMaxMemoryBytes", "HaQueues", "FailoverStrategy", "UseTls", "ConnectionName", "RecoveryInterval", "BufferCapacity", "BufferFullTimeout", "ShutdownTimeout",
    ];

    public static void BindConnection(IConfiguration section, RabbitMQConnectionOptions options, List<string> errors)
    {
        options.TransportUrl = ConfigurationValues.ReadString(section, "TransportUrl") ?? options.TransportUrl;
        options.ControlExchange = ConfigurationValues.ReadString(section, "ControlExchange") ?? options.ControlExchange;
        var rabbit = section.GetSection("RabbitMQ");
        options.DurableQueues = ConfigurationValues.ReadBool(rabbit, "DurableQueues", errors) ?? options.DurableQueues;
        options.AutoDelete = ConfigurationValues.ReadBool(rabbit, "AutoDelete", errors) ?? options.AutoDelete;
        options.QuorumQueue = ConfigurationValues.ReadBool(rabbit, "QuorumQueue", errors) ?? options.QuorumQueue;
        options.QuorumDeliveryLimit = ConfigurationValues.ReadInt(rabbit, "QuorumDeliveryLimit", 0, int.MaxValue, errors) ?? options.QuorumDeliveryLimit;
        options.QuorumMaxMemoryLength = ConfigurationValues.ReadInt(rabbit, "QuorumMaxMemoryLength", 0, int.MaxValue, errors) ?? options.QuorumMaxMemoryLength;
        options.QuorumMaxMemoryBytes = ConfigurationValues.ReadInt(rabbit, "QuorumMaxMemoryBytes", 0, int.MaxValue, errors) ?? options.QuorumMaxMemoryBytes;
        options.HaQueues = ConfigurationValues.ReadBool(rabbit, "HaQueues", errors) ?? options.HaQueues;
        options.FailoverStrategy = ReadFailoverStrategy(rabbit, errors) ?? options.FailoverStrategy;
        options.UseTls = ConfigurationValues.ReadBool(rabbit, "UseTls", errors) ?? options.UseTls;
        options.ConnectionName = ConfigurationValues.ReadString(rabbit, "ConnectionName") ?? options.ConnectionName;
        options.RecoveryInterval = ConfigurationValues.ReadDuration(rabbit, "RecoveryInterval", errors) ?? options.RecoveryInterval;
    }

    public static void BindDriver(IConfiguration section, RabbitMQDriverOptions options, List<string> errors)
    {
        BindConnection(section, options, errors);
        var rabbit = section.GetSection("RabbitMQ");
        options.BufferCapacity = ConfigurationValues.ReadInt(rabbit, "BufferCapacity", 1, int.MaxValue, errors) ?? options.BufferCapacity;
        options.BufferFullTimeout = ConfigurationValues.ReadDuration(rabbit, "BufferFullTimeout", errors) ?? options.BufferFullTimeout;
        options.ShutdownTimeout = ConfigurationValues.ReadDuration(rabbit, "ShutdownTimeout", errors) ?? options.ShutdownTimeout;
        if (ConfigurationValues.ReadInt(section, "Retry", -1, int.MaxValue, errors) is { } retry)
        {
            options.Retry = NotificationRetryPolicy.FromOslo(retry);
        }
    }

    /// <summary>The listener: the section's connection, then <c>Listener</c>'s own keys (its <c>Topics</c> default to the section's).</summary>
    public static void BindListener(IConfiguration section, RabbitMQNotificationListenerOptions options, List<string> errors)
    {
        BindConnection(section, options, errors);
        var listener = section.GetSection("Listener");
        BindConnection(listener, options, errors);
        if ((ConfigurationValues.ReadList(listener, "Topics") ?? ConfigurationValues.ReadList(section, "Topics")) is { } topics)
        {
            options.Topics = topics;
        }

        if (ConfigurationValues.ReadList(listener, "Priorities") is { } priorities)
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
                    errors.Add($"{ConfigurationValues.PathOf(listener, "Priorities:" + i)}: '{priorities[i]}' is not a priority (audit, critical, debug, error, info, sample, warn)");
                }
            }
        }

        options.Pool = ConfigurationValues.ReadString(listener, "Pool") ?? options.Pool;
        options.PrivateQueue = ConfigurationValues.ReadBool(listener, "PrivateQueue", errors) ?? options.PrivateQueue;
        options.Prefetch = (ushort)(ConfigurationValues.ReadInt(listener, "Prefetch", 1, ushort.MaxValue, errors) ?? options.Prefetch);
        options.MaxConcurrency = ConfigurationValues.ReadInt(listener, "MaxConcurrency", 1, ushort.MaxValue, errors) ?? options.MaxConcurrency;
        options.OnFailure = ConfigurationValues.ReadEnum<RabbitMQListenerFailureAction>(listener, "OnFailure", errors) ?? options.OnFailure;
        options.DeadLetterQueue = ConfigurationValues.ReadString(listener, "DeadLetterQueue") ?? options.DeadLetterQueue;
        options.RequeueDelay = ConfigurationValues.ReadDuration(listener, "RequeueDelay", errors) ?? options.RequeueDelay;
        options.EventTypes = ConfigurationValues.ReadList(listener, "EventTypes") ?? options.EventTypes;
        options.Publishers = ConfigurationValues.ReadList(listener, "Publishers") ?? options.Publishers;
    }

    /// <summary><c>FailoverStrategy</c> as oslo writes it (<c>round-robin</c>, <c>shuffle</c>) or as the enum member (<c>RoundRobin</c>), in any case.</summary>
    private static RabbitMQFailoverStrategy? ReadFailoverStrategy(IConfiguration section, List<string> errors)
    {
        var text = ConfigurationValues.ReadString(section, "FailoverStrategy")?.Trim();
        if (text is null)
        {
            return null;
        }

        if (text.Equals("round-robin", StringComparison.OrdinalIgnoreCase) || text.Equals(nameof(RabbitMQFailoverStrategy.RoundRobin), StringComparison.OrdinalIgnoreCase))
        {
            return RabbitMQFailoverStrategy.RoundRobin;
        }

        if (text.Equals("shuffle", StringComparison.OrdinalIgnoreCase))
        {
            return RabbitMQFailoverStrategy.Shuffle;
        }

        errors.Add($"{ConfigurationValues.PathOf(section, "FailoverStrategy")}: '{text}' is not a failover strategy; use round-robin or shuffle (oslo's kombu_failover_strategy)");
        return null;
    }

    /// <summary>An options error (<c>DurableQueues: ...</c>) under the key it is configured at.</summary>
    public static string ToConfigurationError(IConfiguration section, string error)
    {
        var option = error.Split(':', 2)[0].Split('[')[0];
        var at = RabbitMQKeys.Contains(option) ? section.GetSection("RabbitMQ") : section;
        return ConfigurationValues.ToConfigurationError(at, error);
    }
}
