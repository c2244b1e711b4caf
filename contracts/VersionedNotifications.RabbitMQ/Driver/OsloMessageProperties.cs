namespace VersionedNotifications.RabbitMQ;

/// <summary>The AMQP properties oslo.messaging's rabbit driver (through kombu's JSON serializer) gives every notification.</summary>
internal static class OsloMessageProperties
{
    public const string ContentType = "application/json";

    public const string ContentEncoding = "utf-8";

    /// <summary>
    /// kombu sends <c>content_type</c>, <c>content_encoding</c>, <c>delivery_mode</c> 2, an empty header table and
    /// <c>priority</c> 0 (read with py-amqp from oslo.messaging 14.0.3's Notifier). The priority 0 cannot be sent:
    /// RabbitMQ.Client 7 counts a priority of 0 as absent, and on a channel with publisher confirms it copies any
    /// other properties type into its own <see cref="BasicProperties"/> before writing, so an absent priority it
    /// is; AMQP 0-9-1 reads an absent priority as 0, as RabbitMQ does. New for each publish, since the client may
    /// keep the instance until the frame is written.
    /// </summary>
    public static BasicProperties Create() => new()
    {
        ContentType = ContentType,
        ContentEncoding = ContentEncoding,
        DeliveryMode = DeliveryModes.Persistent,
        Headers = new Dictionary<string, object?>(),
    };
}
