using System.Diagnostics.Metrics;
using VersionedNotifications.Drivers;

namespace VersionedNotifications.RabbitMQ;

/// <summary>
/// Sends notifications to RabbitMQ as oslo.messaging's <c>messagingv2</c> driver does: to the topic
/// exchange named by the control exchange, with routing key <c>&lt;topic&gt;.&lt;priority&gt;</c>, after
/// declaring the queue of that name and binding it so nothing is lost before a consumer comes; persistent,
/// <c>application/json</c>, <c>utf-8</c>, the v2 body. Beyond oslo: every message is published with a
/// publisher confirm and kept in a bounded buffer until the broker confirms it, published again after a
/// nack or a lost connection (so a consumer may see one twice, never none); after an outage the driver
/// connects again and declares its exchange and queues again. While the broker is away the buffer fills and
/// <see cref="NotificationTransportDriver.SendAsync"/> waits for room. A refusal that retrying cannot heal (a declaration
/// that conflicts with the broker's exchange or queues, access refused, an unknown virtual host, wrong credentials) is
/// logged once as an Error naming the setting to change; every message waiting is given up and counted, and sending
/// throws <see cref="NotificationRefusedException"/> from then on.
/// </summary>
public sealed class RabbitMQNotificationDriver : NotificationTransportDriver
{
    /// <summary>The configuration name of the v2 driver, oslo's <c>messagingv2</c>.</summary>
    public const string MessagingV2DriverName = "messagingv2";

    /// <summary>The configuration name of the v1 driver, oslo's <c>messaging</c>.</summary>
    public const string MessagingDriverName = "messaging";

    private readonly RabbitMQPublisher _publisher;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _publishing;

    /// <summary>A driver that starts connecting at once, in the background; sending does not wait for the broker until the buffer is full.</summary>
    /// <exception cref="ArgumentException">The options are not valid; the message lists every problem.</exception>
    public RabbitMQNotificationDriver(RabbitMQDriverOptions options, ILogger<RabbitMQNotificationDriver>? logger = null, IMeterFactory? meterFactory = null)
        : base(options, "RabbitMQ driver", RabbitMQMetrics.Transport, RabbitMQConnections.Describe, logger, meterFactory, pumps: false)
    {
        var connection = new RabbitMQConnectionSupervisor(options, "VersionedNotifications notifier", Logger);
        _publisher = new RabbitMQPublisher(options, connection, Buffer, Logger);
        _publishing = Task.Run(PublishLoopAsync);
    }

    /// <inheritdoc/>
    public override string Name => Options.Format == MessageFormat.MessagingV2 ? MessagingV2DriverName : MessagingDriverName;

    private protected override byte[] Encode(OutgoingNotification copy) =>
        Options.Format == MessageFormat.MessagingV2 ? copy.ToMessagingV2() : copy.ToMessagingV1();

    private protected override async ValueTask StopSendingAsync()
    {
        _stopping.Cancel();
        try
        {
            await _publishing.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await _publisher.CloseAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task PublishLoopAsync()
    {
        var stopping = _stopping.Token;
        while (await Buffer.WaitToTakeAsync(stopping).ConfigureAwait(false))
        {
            while (Buffer.TryTake(out var message))
            {
                if (Buffer.Refusal is not null)
                {
                    Buffer.GiveUp(message);
                    continue;
                }

                await _publisher.PublishAsync(message, stopping).ConfigureAwait(false);
            }
        }
    }
}
