namespace VersionedNotifications.RabbitMQ;

/// <summary>
/// Publishes dead letters to the listener's dead-letter queue on a channel of their own and waits for the
/// broker's confirm, so the original is acknowledged only once its copy is safe. Confirms are tracked here,
/// not by RabbitMQ.Client, whose tracking would add an <c>x-dotnet-pub-seq-no</c> header to every copy.
/// </summary>
internal sealed class DeadLetterPublisher
{
    private readonly IChannel _channel;
    private readonly string _queue;
    private readonly SemaphoreSlim _publishing = new(1, 1);
    private readonly ConfirmTracker<TaskCompletionSource> _tracker = new(
        confirmed => confirmed.TrySetResult(),
        (failed, error) => failed.TrySetException(error));

    private DeadLetterPublisher(IChannel channel, string queue)
    {
        _channel = channel;
        _queue = queue;
        _tracker.Follow(channel);
    }

    /// <summary>The channel, for closing with the connection.</summary>
    public IChannel Channel => _channel;

    /// <summary>Opens a confirming channel on <paramref name="connection"/> and declares the durable queue <paramref name="queue"/>.</summary>
    public static async Task<DeadLetterPublisher> OpenAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: false), cancellationToken).ConfigureAwait(false);
        await channel.QueueDeclareAsync(queue, true, false, false, null, false, false, cancellationToken).ConfigureAwait(false);
        return new DeadLetterPublisher(channel, queue);
    }

    /// <summary>Publishes one copy and completes when the broker confirmed it; throws when it nacked it or the channel closed.</summary>
    public async Task PublishAsync(BasicProperties properties, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var confirmed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _publishing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // One publish at a time, so the sequence number read is the one this publish gets.
            var sequenceNumber = await _channel.GetNextPublishSequenceNumberAsync(cancellationToken).ConfigureAwait(false);
            _tracker.Add(sequenceNumber, confirmed);
            try
            {
                await _channel.BasicPublishAsync(string.Empty, _queue, false, properties, body, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception)
            {
                _tracker.Remove(sequenceNumber);
                throw;
            }
        }
        finally
        {
            _publishing.Release();
        }

        await confirmed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
