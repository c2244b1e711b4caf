using Microsoft.Extensions.Configuration;
using VersionedNotifications.Extensions.Hosting;

namespace VersionedNotifications.RabbitMQ;

/// <summary>
/// The keys of the <c>Notifications</c> section the RabbitMQ driver and listener read: those of every transport
/// (<see cref="TransportSection{TDriver, TListener}"/>), and RabbitMQ's own under <c>RabbitMQ</c>: <c>AutoDelete</c>,
/// <c>QuorumQueue</c>, <c>QuorumDeliveryLimit</c>, <c>QuorumMaxMemoryLength</c>, <c>QuorumMaxMemoryBytes</c>, <c>HaQueues</c>,
/// <c>FailoverStrategy</c>, <c>UseTls</c>, <c>ConnectionName</c>; and under <c>Listener</c>: <c>Pool</c>, <c>PrivateQueue</c>,
/// <c>Prefetch</c>, <c>OnFailure</c>, <c>DeadLetterQueue</c>.
/// </summary>
internal static class RabbitMQConfiguration
{
    /// <summary>The section of RabbitMQ, with the keys of its own that it reads, and its binders.</summary>
    public static TransportSection<RabbitMQDriverOptions, RabbitMQNotificationListenerOptions> Section { get; } = new("RabbitMQ", ["AutoDelete", "QuorumQueue", "QuorumDeliveryLimit", "QuorumMaxMemoryLength", "QuorumMaxMemoryBytes", "HaQueues", "FailoverStrategy", "UseTls", "ConnectionName"], BindDriver, BindListenerBroker, BindListener);

    private static void BindDriver(IConfiguration rabbit, RabbitMQDriverOptions options, List<string> errors) => BindBroker(rabbit, options.Broker, errors);

    private static void BindListenerBroker(IConfiguration rabbit, RabbitMQNotificationListenerOptions options, List<string> errors) => BindBroker(rabbit, options.Broker, errors);

    private static void BindBroker(IConfiguration rabbit, RabbitMQBrokerOptions options, List<string> errors)
    {
        options.AutoDelete = ConfigurationValues.ReadBool(rabbit, "AutoDelete", errors) ?? options.AutoDelete;
        options.QuorumQueue = ConfigurationValues.ReadBool(rabbit, "QuorumQueue", errors) ?? options.QuorumQueue;
        options.QuorumDeliveryLimit = ConfigurationValues.ReadInt(rabbit, "QuorumDeliveryLimit", 0, int.MaxValue, errors) ?? options.QuorumDeliveryLimit;
        options.QuorumMaxMemoryLength = ConfigurationValues.ReadInt(rabbit, "QuorumMaxMemoryLength", 0, int.MaxValue, errors) ?? options.QuorumMaxMemoryLength;
        options.QuorumMaxMemoryBytes = ConfigurationValues.ReadInt(rabbit, "QuorumMaxMemoryBytes", 0, int.MaxValue, errors) ?? options.QuorumMaxMemoryBytes;
        options.HaQueues = ConfigurationValues.ReadBool(rabbit, "HaQueues", errors) ?? options.HaQueues;
        options.FailoverStrategy = ReadFailoverStrategy(rabbit, errors) ?? options.FailoverStrategy;
        options.UseTls = ConfigurationValues.ReadBool(rabbit, "UseTls", errors) ?? options.UseTls;
        options.ConnectionName = ConfigurationValues.ReadString(rabbit, "ConnectionName") ?? options.ConnectionName;
    }

    private static void BindListener(IConfiguration listener, RabbitMQNotificationListenerOptions options, List<string> errors)
    {
        options.Pool = ConfigurationValues.ReadString(listener, "Pool") ?? options.Pool;
        options.PrivateQueue = ConfigurationValues.ReadBool(listener, "PrivateQueue", errors) ?? options.PrivateQueue;
        options.Prefetch = (ushort)(ConfigurationValues.ReadInt(listener, "Prefetch", 1, ushort.MaxValue, errors) ?? options.Prefetch);
        options.OnFailure = ConfigurationValues.ReadEnum<RabbitMQListenerFailureAction>(listener, "OnFailure", errors) ?? options.OnFailure;
        options.DeadLetterQueue = ConfigurationValues.ReadString(listener, "DeadLetterQueue") ?? options.DeadLetterQueue;
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
}
