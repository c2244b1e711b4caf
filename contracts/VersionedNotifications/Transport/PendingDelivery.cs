using System.Threading.Tasks;

namespace VersionedNotifications;

/// <summary>One message of a driver's delivery buffer: one notification for one topic, until the broker confirms it or the driver gives it up.</summary>
internal sealed class PendingDelivery(string topicAndPriority, byte[] body, string eventType, string messageId)
{
    private readonly TaskCompletionSource<string?> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary><c>&lt;topic&gt;.&lt;priority&gt;</c>: RabbitMQ's routing key; AMQP 1.0 makes its address from it.</summary>
    public string TopicAndPriority { get; } = topicAndPriority;

    /// <summary>The bytes the transport sends.</summary>
    public byte[] Body { get; } = body;

    public string EventType { get; } = eventType;

    public string MessageId { get; } = messageId;

    /// <summary>Attempts that failed so far.</summary>
    public int FailedAttempts { get; set; }

    /// <summary>Completes with <see langword="null"/> once the broker confirmed the message, or with why the driver gave it up.</summary>
    public Task<string?> Outcome => _outcome.Task;

    public void Confirmed() => _outcome.TrySetResult(null);

    public void GivenUp(string reason) => _outcome.TrySetResult(reason);
}
