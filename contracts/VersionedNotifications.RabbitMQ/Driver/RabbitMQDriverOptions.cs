namespace VersionedNotifications.RabbitMQ;

/// <summary>
/// The RabbitMQ notification driver: oslo's <c>messagingv2</c> (or <c>messaging</c>, the v1 body) over
/// a <c>rabbit://</c> transport, with publisher confirms and a bounded buffer.
/// </summary>
public sealed class RabbitMQDriverOptions : NotificationDriverOptions, IRabbitMQConnectionOptions
{
    /// <inheritdoc/>
    public RabbitMQBrokerOptions Broker { get; set; } = new();

    private protected override string DefaultTransportUrl => "rabbit://";

    private protected override void AddTransportErrors(List<string> errors) => Broker.AddErrors(TransportUrl, errors);
}
