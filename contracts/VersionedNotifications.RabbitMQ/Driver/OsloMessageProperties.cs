using System.Collections.Generic;
using global::RabbitMQ.Client;

namespace VersionedNotifications.RabbitMQ;

/// <summary>The AMQP properties oslo.messaging's rabbit driver (through kombu's JSON serializer) gives every notification.</summary>
internal static class OsloMessageProperties
{
    public const string ContentType = "application/json";

    public const string ContentEncoding = "utf-8";

    /// <summary>
    /// kombu sends <c>content_type</c>, <c>content_encoding</c>, <c>delivery_mode</c> 2, an empty header table and
    /// <c>priority</c> 0; RabbitMQ.Client leaves out a priority of 0, which AMQP reads as 0 all the same.
    /// New for each publish, since the client may keep the instance until the frame is written.
    /// </summary>
    public static BasicProperties Create() => new()
    {
        ContentType = ContentType,
        ContentEncoding = ContentEncoding,
        DeliveryMode = DeliveryModes.Persistent,
        Headers = new Dictionary<string, object?>(),
    };
}
