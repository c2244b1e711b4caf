namespace VersionedNotifications.RabbitMQ;

/// <summary>
/// The consuming side of one connection of a <see cref="RabbitMQNotificationListener"/>: its channel, queues and
/// consumers, its dead-letter publisher, and the batching of acknowledgements. A delivery is settled on the
/// channel of its own session; a new connection is a new session.
/// </summary>
internal sealed class RabbitMQListenerSession(RabbitMQConnectionSupervisor connection, IChannel consuming, DeadLetterPublisher? deadLetters, IReadOnlyList<string> queues, int ackBatch)
    : IDisposable
{
    // How long acknowledging may wait for the broker before the connection is given up.
    private static readonly TimeSpan AckTimeout = TimeSpan.FromSeconds(10);

    // How long a handled message may wait for the acknowledgement that covers it, when batching.
    private static readonly TimeSpan AckDelay = TimeSpan.FromMilliseconds(20);

    private readonly object _ackLock = new();
    private readonly SemaphoreSlim _acking = new(1, 1);
    private Timer? _ackTimer;
    private ulong _handledTag;
    private int _unacknowledged;
    private bool _flushScheduled;

    public IChannel Consuming { get; } = consuming;

    public DeadLetterPublisher? DeadLetters { get; } = deadLetters;

    public IReadOnlyList<string> Queues { get; } = queues;

    public List<string> ConsumerTags { get; } = new();

    /// <summary>Completes, with the reason, when the connection shuts down or the listener gives it up.</summary>
    public Task<string> Lost { get; } = connection.Lost;

    /// <summary>Gives up a connection that no longer works though it looks open.</summary>
    public void GiveUp(string reason) => connection.GiveUp(reason);

    /// <summary>Cancels the consumers, so no more deliveries come; a channel the broker closed has none left to cancel.</summary>
    public async Task CancelConsumersAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        foreach (var tag in ConsumerTags)
        {
            if (!Consuming.IsOpen)
            {
                return;
            }

            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cancel.CancelAfter(timeout);
            try
            {
                await Consuming.BasicCancelAsync(tag, false, cancel.Token).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The channel went away meanwhile: closing the connection ends its consumers.
                return;
            }
        }
    }

    /// <summary>
    /// Acknowledges a handled delivery: at once, or, when deliveries are handled one at a time in order,
    /// with one acknowledgement for every <c>Prefetch / 2</c> of them or after 20 ms, whichever comes first
    /// (multiple=true covers exactly the deliveries handled so far: the ones settled otherwise are no longer
    /// outstanding). What is not acknowledged when the connection drops is delivered again.
    /// </summary>
    public async ValueTask AckAsync(ulong deliveryTag, CancellationToken cancellationToken)
    {
        if (ackBatch <= 1)
        {
            if (Consuming.IsOpen)
            {
                await Consuming.BasicAckAsync(deliveryTag, false, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        bool flushNow;
        lock (_ackLock)
        {
            _handledTag = deliveryTag;
            _unacknowledged++;
            flushNow = _unacknowledged >= ackBatch;
            if (!flushNow && !_flushScheduled)
            {
                _flushScheduled = true;
                _ackTimer ??= new Timer(static state => ((RabbitMQListenerSession)state!).FlushLater(), this, Timeout.Infinite, Timeout.Infinite);
                _ackTimer.Change(AckDelay, Timeout.InfiniteTimeSpan);
            }
        }

        if (flushNow)
        {
            await FlushAcksAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends the acknowledgement that covers every delivery handled so far, if any waits.</summary>
    public async Task FlushAcksAsync(CancellationToken cancellationToken)
    {
        await _acking.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ulong tag;
            lock (_ackLock)
            {
                if (_unacknowledged == 0)
                {
                    return;
                }

                tag = _handledTag;
                _unacknowledged = 0;
            }

            if (Consuming.IsOpen)
            {
                await Consuming.BasicAckAsync(tag, true, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _acking.Release();
        }
    }

    public void Dispose()
    {
        lock (_ackLock)
        {
            _ackTimer?.Dispose();
            _ackTimer = null;
        }
    }

    private async void FlushLater()
    {
        lock (_ackLock)
        {
            _flushScheduled = false;
        }

        using var timeout = new CancellationTokenSource(AckTimeout);
        try
        {
            await FlushAcksAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            GiveUp($"an acknowledgement took more than {AckTimeout.TotalSeconds:0} s");
        }
        catch (Exception)
        {
            // The channel is gone: the broker delivers again what was not acknowledged.
        }
    }
}
