using System.Globalization;
using global::RabbitMQ.Client.Events;

namespace VersionedNotifications.RabbitMQ;

/// <summary>
/// Carries out the listener pipeline's verdict on a delivery with RabbitMQ, on the channel the delivery came on:
/// acknowledge (batched by the session), nack with requeue, reject, or publish a dead letter (confirmed) and
/// acknowledge; then counts it. A dead letter that cannot be published is requeued instead, after the requeue delay.
/// </summary>
internal sealed partial class RabbitMQDeliverySettler(RabbitMQNotificationListenerOptions options, ListenerPipeline pipeline, ILogger logger)
{
    /// <summary>Settles <paramref name="delivery"/> from <paramref name="queue"/> as <paramref name="verdict"/> says; <paramref name="stopping"/> cuts the requeue delay short.</summary>
    public async Task SettleAsync(RabbitMQListenerSession session, string queue, BasicDeliverEventArgs delivery, byte[] body, ListenerVerdict verdict, CancellationToken settle, CancellationToken stopping)
    {
        var channel = session.Consuming;
        if (!channel.IsOpen)
        {
            // Delivered on a connection that has dropped since: it cannot be settled, and the broker delivers it again.
            LogStaleDelivery(logger, delivery.DeliveryTag, queue);
            return;
        }

        switch (verdict.Decision)
        {
            case SettleDecision.Acknowledge:
                await session.AckAsync(delivery.DeliveryTag, settle).ConfigureAwait(false);
                break;
            case SettleDecision.Requeue:
                await channel.BasicNackAsync(delivery.DeliveryTag, false, true, settle).ConfigureAwait(false);
                break;
            case SettleDecision.Reject:
                await channel.BasicRejectAsync(delivery.DeliveryTag, false, settle).ConfigureAwait(false);
                break;
            default:
                try
                {
                    await session.DeadLetters!.PublishAsync(DeadLetterProperties(queue, delivery, verdict.Reason), body, settle).ConfigureAwait(false);
                }
                catch (Exception error) when (!stopping.IsCancellationRequested)
                {
                    LogDeadLetterFailed(logger, error, options.EffectiveDeadLetterQueue, NotificationFilter.Identify(verdict.Result));
                    await DelayAsync(options.RequeueDelay, stopping).ConfigureAwait(false);
                    await channel.BasicNackAsync(delivery.DeliveryTag, false, true, settle).ConfigureAwait(false);
                    verdict = verdict with { Decision = SettleDecision.Requeue };
                    break;
                }

                await session.AckAsync(delivery.DeliveryTag, settle).ConfigureAwait(false);
                break;
        }

        pipeline.Settled(verdict);
    }

    /// <summary>The original's properties, without the client's confirm-tracking header, and the failure in <c>x-vn-*</c> headers.</summary>
    private static BasicProperties DeadLetterProperties(string queue, BasicDeliverEventArgs delivery, string? reason)
    {
        var properties = new BasicProperties(delivery.BasicProperties);
        var headers = properties.Headers is null ? new Dictionary<string, object?>() : new Dictionary<string, object?>(properties.Headers);
        headers.Remove(global::RabbitMQ.Client.Constants.PublishSequenceNumberHeader);
        headers["x-vn-error"] = Truncate(reason ?? "unknown", 1000);
        headers["x-vn-queue"] = queue;
        headers["x-vn-exchange"] = delivery.Exchange;
        headers["x-vn-routing-key"] = delivery.RoutingKey;
        headers["x-vn-failed-at"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        properties.Headers = headers;
        return properties;
    }

    private static async Task DelayAsync(TimeSpan delay, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(delay, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: at once.
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    [LoggerMessage(4, LogLevel.Error, "Could not publish {Message} to the dead-letter queue {DeadLetterQueue}; it is requeued instead")]
    private static partial void LogDeadLetterFailed(ILogger logger, Exception error, string deadLetterQueue, string message);

    [LoggerMessage(7, LogLevel.Debug, "Delivery {DeliveryTag} from {Queue} came from a connection that has dropped; the broker will deliver it again")]
    private static partial void LogStaleDelivery(ILogger logger, ulong deliveryTag, string queue);
}
