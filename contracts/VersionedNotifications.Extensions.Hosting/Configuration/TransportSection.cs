using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;

namespace VersionedNotifications.Extensions.Hosting;

/// <summary>
/// How one transport's options are read from the <c>Notifications</c> section, the same for every transport:
/// <c>TransportUrl</c>, <c>ControlExchange</c>, <c>Retry</c> and <c>Topics</c> at its top; <c>DurableQueues</c>,
/// <c>RecoveryInterval</c>, the buffer's keys and the broker's own under the transport's section (<c>RabbitMQ</c>,
/// <c>Qpid</c>); the listener's keys under <c>Listener</c>, where any connection key overrides the section's.
/// </summary>
/// <typeparam name="TDriver">The transport's driver options.</typeparam>
/// <typeparam name="TListener">The transport's listener options.</typeparam>
internal sealed class TransportSection<TDriver, TListener>
    where TDriver : NotificationDriverOptions
    where TListener : NotificationListenerOptions
{
    private static readonly string[] SharedKeys = ["DurableQueues", "RecoveryInterval", "BufferCapacity", "BufferFullTimeout", "ShutdownTimeout"];

    private readonly HashSet<string> _keys;
    private readonly Action<IConfiguration, TDriver, List<string>> _bindDriverBroker;
    private readonly Action<IConfiguration, TListener, List<string>> _bindListenerBroker;
    private readonly Action<IConfiguration, TListener, List<string>> _bindListenerOwn;

    /// <summary>A transport whose own keys are under <paramref name="name"/>.</summary>
    /// <param name="name">The transport's section: <c>RabbitMQ</c>, <c>Qpid</c>.</param>
    /// <param name="brokerKeys">The keys of the transport's section that the broker binders read.</param>
    /// <param name="bindDriverBroker">Reads the transport's section into the driver's options.</param>
    /// <param name="bindListenerBroker">Reads the transport's section into the listener's options.</param>
    /// <param name="bindListenerOwn">Reads the listener's keys of this transport alone from the <c>Listener</c> section.</param>
    public TransportSection(
        string name,
        IEnumerable<string> brokerKeys,
        Action<IConfiguration, TDriver, List<string>> bindDriverBroker,
        Action<IConfiguration, TListener, List<string>> bindListenerBroker,
        Action<IConfiguration, TListener, List<string>> bindListenerOwn)
    {
        Name = name;
        _keys = new HashSet<string>(SharedKeys.Concat(brokerKeys), StringComparer.Ordinal);
        _bindDriverBroker = bindDriverBroker;
        _bindListenerBroker = bindListenerBroker;
        _bindListenerOwn = bindListenerOwn;
    }

    /// <summary>The transport's section: <c>RabbitMQ</c>, <c>Qpid</c>.</summary>
    public string Name { get; }

    /// <summary>Reads the driver's options from <paramref name="section"/>, adding what cannot be read to <paramref name="errors"/>.</summary>
    public void BindDriver(IConfiguration section, TDriver options, List<string> errors)
    {
        var broker = BindConnection(section, options, errors);
        _bindDriverBroker(broker, options, errors);
        options.BufferCapacity = ConfigurationValues.ReadInt(broker, "BufferCapacity", 1, int.MaxValue, errors) ?? options.BufferCapacity;
        options.BufferFullTimeout = ConfigurationValues.ReadDuration(broker, "BufferFullTimeout", errors) ?? options.BufferFullTimeout;
        options.ShutdownTimeout = ConfigurationValues.ReadDuration(broker, "ShutdownTimeout", errors) ?? options.ShutdownTimeout;
        if (ConfigurationValues.ReadInt(section, "Retry", -1, int.MaxValue, errors) is { } retry)
        {
            options.Retry = NotificationRetryPolicy.FromOslo(retry);
        }
    }

    /// <summary>Reads the listener's options: the section's connection, then <c>Listener</c>'s own keys (its <c>Topics</c> default to the section's).</summary>
    public void BindListener(IConfiguration section, TListener options, List<string> errors)
    {
        _bindListenerBroker(BindConnection(section, options, errors), options, errors);
        var listener = section.GetSection("Listener");
        _bindListenerBroker(BindConnection(listener, options, errors), options, errors);
        if ((ConfigurationValues.ReadList(listener, "Topics") ?? ConfigurationValues.ReadList(section, "Topics")) is { } topics)
        {
            options.Topics = topics;
        }

        if (ConfigurationValues.ReadList(listener, "Priorities") is { } priorities)
        {
            options.Priorities = ReadPriorities(listener, priorities, errors);
        }

        options.MaxConcurrency = ConfigurationValues.ReadInt(listener, "MaxConcurrency", 1, ushort.MaxValue, errors) ?? options.MaxConcurrency;
        options.RequeueDelay = ConfigurationValues.ReadDuration(listener, "RequeueDelay", errors) ?? options.RequeueDelay;
        options.OnUnreadable = ConfigurationValues.ReadEnum<UnreadableMessageAction>(listener, "OnUnreadable", errors) ?? options.OnUnreadable;
        options.EventTypes = ConfigurationValues.ReadList(listener, "EventTypes") ?? options.EventTypes;
        options.Publishers = ConfigurationValues.ReadList(listener, "Publishers") ?? options.Publishers;
        _bindListenerOwn(listener, options, errors);
    }

    /// <summary>An options error (<c>DurableQueues: ...</c>) under the key it is configured at: the transport's section, or <paramref name="section"/>.</summary>
    public string ToConfigurationError(IConfiguration section, string error)
    {
        var option = error.Split(':', 2)[0].Split('[')[0];
        return ConfigurationValues.ToConfigurationError(_keys.Contains(option) ? section.GetSection(Name) : section, error);
    }

    /// <summary>Reads the keys every transport's connection has, and returns the transport's section for its own.</summary>
    private IConfiguration BindConnection(IConfiguration section, NotificationTransportOptions options, List<string> errors)
    {
        options.TransportUrl = ConfigurationValues.ReadString(section, "TransportUrl") ?? options.TransportUrl;
        options.ControlExchange = ConfigurationValues.ReadString(section, "ControlExchange") ?? options.ControlExchange;
        var broker = section.GetSection(Name);
        options.DurableQueues = ConfigurationValues.ReadBool(broker, "DurableQueues", errors) ?? options.DurableQueues;
        options.RecoveryInterval = ConfigurationValues.ReadDuration(broker, "RecoveryInterval", errors) ?? options.RecoveryInterval;
        return broker;
    }

    private static List<NotificationPriority> ReadPriorities(IConfiguration listener, List<string> names, List<string> errors)
    {
        var priorities = new List<NotificationPriority>();
        for (var i = 0; i < names.Count; i++)
        {
            if (Wire.PriorityNames.TryParse(names[i], out var priority))
            {
                priorities.Add(priority);
            }
            else
            {
                errors.Add($"{ConfigurationValues.PathOf(listener, "Priorities:" + i)}: '{names[i]}' is not a priority (audit, critical, debug, error, info, sample, warn)");
            }
        }

        return priorities;
    }
}
