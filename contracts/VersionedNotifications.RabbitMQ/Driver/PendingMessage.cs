using System.Threading.Tasks;

namespace VersionedNotifications.RabbitMQ;

/// <summary>One message of the driver's buffer: one notification for one topic, until the broker confirms it.</summary>
internal sealed class PendingMessage(string routingKey, byte[] body, string eventType, string messageId)
{
    private readonly TaskCompletionSource<string?> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string RoutingKey { get; } = routingKey;

    public byte[] Body { get; } = body;

    public string EventType { get; } = eventType;

    public string MessageId { get; } = messageId;

    /// <summary>Publish attempts that failed so far.</summary>
    public int FailedAttempts { get; set; }

    /// <summary>Completes with <see langword="null"/> once the broker confirmed the message, or with why the driver gave it up.</summary>
    public Task<string?> Outcome => _outcome.Task;

    public void Confirmed() => _outcome.TrySetResult(null);

    public void GivenUp(string reason) => _outcome.TrySetResult(reason);
}
