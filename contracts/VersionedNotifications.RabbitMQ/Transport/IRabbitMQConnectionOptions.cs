namespace VersionedNotifications.RabbitMQ;

/// <summary>
/// What a connection to RabbitMQ is made from: the driver's options (<see cref="RabbitMQDriverOptions"/>) and the
/// listener's (<see cref="RabbitMQNotificationListenerOptions"/>) are both, so <see cref="RabbitMQBroker"/> checks either.
/// </summary>
public interface IRabbitMQConnectionOptions
{
    /// <summary>oslo's <c>transport_url</c>: <c>rabbit://user:pass@host:5672/vhost</c>, several hosts separated by commas.</summary>
    string TransportUrl { get; }

    /// <summary>oslo's <c>control_exchange</c>: the topic exchange notifications go through.</summary>
    string ControlExchange { get; }

    /// <summary>oslo's <c>amqp_durable_queues</c>: whether the exchange and queues are declared durable.</summary>
    bool DurableQueues { get; }

    /// <summary>The wait before connecting again, grown by the count of failures in a row, at most 10 times and at most 30 s.</summary>
    TimeSpan RecoveryInterval { get; }

    /// <summary>The settings of RabbitMQ alone.</summary>
    RabbitMQBrokerOptions Broker { get; }

    /// <summary>What is wrong with the options, one message per problem naming the option.</summary>
    IReadOnlyList<string> Validate();
}
