namespace VersionedNotifications.Qpid;

/// <summary>What a connection to an AMQP 1.0 peer is made from: the driver's options and the listener's are both.</summary>
internal interface IQpidConnectionOptions
{
    /// <summary>oslo's <c>transport_url</c>: <c>amqp://user:pass@host:5672/</c>.</summary>
    string TransportUrl { get; }

    /// <summary>oslo's <c>control_exchange</c>: part of every address.</summary>
    string ControlExchange { get; }

    /// <summary>Whether the nodes behind the addresses are asked to be durable.</summary>
    bool DurableQueues { get; }

    /// <summary>The wait before connecting again, doubled per failure up to 30 s.</summary>
    TimeSpan RecoveryInterval { get; }

    /// <summary>The settings of AMQP 1.0 alone.</summary>
    QpidBrokerOptions Broker { get; }
}
