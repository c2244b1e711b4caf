namespace VersionedNotifications.RabbitMQ;

/// <summary>The RabbitMQ driver's and listener's instruments: <see cref="TransportMetrics"/>'s, named <c>versioned_notifications.rabbitmq.*</c>.</summary>
public static class RabbitMQMetrics
{
    /// <summary>The transport's word in instrument names.</summary>
    public const string Transport = "rabbitmq";
}
