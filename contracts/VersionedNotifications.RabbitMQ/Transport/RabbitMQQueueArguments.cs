namespace VersionedNotifications.RabbitMQ;

/// <summary>
/// The arguments oslo.messaging 14 declares its notification queues with (<c>impl_rabbit._get_queue_arguments</c>
/// with no TTL, as <c>declare_topic_consumer</c> and <c>_publish_and_creates_default_queue</c> call it): none by
/// default, <c>x-ha-policy: all</c> with <c>rabbit_ha_queues</c>, <c>x-queue-type: quorum</c> with
/// <c>rabbit_quorum_queue</c> and then each quorum limit that is not 0. The same arguments as oslo's, so that
/// RabbitMQ accepts a queue declared by oslo and by us in either order.
/// </summary>
internal static class RabbitMQQueueArguments
{
    /// <summary>The arguments of a notification queue, or <see langword="null"/> when oslo declares none.</summary>
    public static Dictionary<string, object?>? For(IRabbitMQConnectionOptions options)
    {
        var arguments = new Dictionary<string, object?>();
        if (options.Broker.HaQueues)
        {
            arguments["x-ha-policy"] = "all";
        }

        if (options.Broker.QuorumQueue)
        {
            arguments["x-queue-type"] = "quorum";

            // oslo writes a limit only when it is set (not 0); py-amqp sends these small Python ints as 32-bit signed integers, as an int is sent here.
            AddLimit(arguments, "x-delivery-limit", options.Broker.QuorumDeliveryLimit);
            AddLimit(arguments, "x-max-in-memory-length", options.Broker.QuorumMaxMemoryLength);
            AddLimit(arguments, "x-max-in-memory-bytes", options.Broker.QuorumMaxMemoryBytes);
        }

        return arguments.Count == 0 ? null : arguments;
    }

    private static void AddLimit(Dictionary<string, object?> arguments, string name, int limit)
    {
        if (limit != 0)
        {
            arguments[name] = limit;
        }
    }
}
