using System;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using VersionedNotifications.Drivers;

namespace VersionedNotifications;

/// <summary>
/// The bounded delivery buffer of a broker driver, and the one owner of its retries. A message holds a slot
/// from <see cref="EnqueueAsync"/> until the broker confirms it or the buffer gives it up, so the capacity bounds
/// everything unconfirmed (waiting, on the wire, or to be published again) and a full buffer pushes back on the
/// emitter. A failed message is published again by the retry policy; a refusal that cannot heal gives up
/// everything at once. Losses are logged in few lines: retries that ran out a few a minute, a refusal and a
/// shutdown once each. The transport takes messages (<see cref="TryTake"/>, <see cref="WaitToTakeAsync"/>),
/// publishes them and reports <see cref="Confirmed"/> or <see cref="Failed"/>.
/// </summary>
internal sealed partial class DeliveryBuffer : IDisposable
{
    private readonly DeliveryBufferSettings _settings;
    private readonly string _url;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _slots;
    private readonly Channel<PendingDelivery> _ready = Channel.CreateUnbounded<PendingDelivery>();
    private readonly Channel<PendingDelivery> _retries = Channel.CreateUnbounded<PendingDelivery>();
    private readonly CancellationTokenSource _retryWaits = new();
    private readonly LogLimiter _droppedLog = new();
    private readonly object _drainLock = new();
    private TaskCompletionSource _drained = NewSignal();
    private string? _refusal;
    private int _closing;

    /// <param name="settings">Capacity, timeouts and retry policy, from the driver's options.</param>
    /// <param name="url">The broker, password hidden, for messages.</param>
    /// <param name="logger">The driver's logger.</param>
    /// <param name="onReady">Called when a message can be taken, for a transport that pumps rather than waits.</param>
    public DeliveryBuffer(DeliveryBufferSettings settings, string url, ILogger logger, Action? onReady = null)
    {
        _settings = settings;
        _url = url;
        _logger = logger;
        OnReady = onReady;
        _slots = new SemaphoreSlim(settings.Capacity, settings.Capacity);
    }

    /// <summary>What the driver did so far.</summary>
    public NotificationDriverStatistics Statistics { get; } = new();

    /// <summary>Why the broker refused the driver for good; <see langword="null"/> while it has not.</summary>
    public string? Refusal => Volatile.Read(ref _refusal);

    /// <summary>Whether closing has begun: what fails now is given up, not published again.</summary>
    public bool IsClosing => Volatile.Read(ref _closing) != 0;

    private Action? OnReady { get; }

    /// <summary>Takes a slot (waiting for room up to the buffer's timeout) and queues <paramref name="message"/>.</summary>
    /// <exception cref="TimeoutException">The buffer stayed full for the whole timeout.</exception>
    /// <exception cref="NotificationRefusedException">The broker refused the driver for good.</exception>
    /// <exception cref="ObjectDisposedException">The buffer is closing.</exception>
    public async ValueTask EnqueueAsync(PendingDelivery message, CancellationToken cancellationToken)
    {
        if (Refusal is { } refusal)
        {
            throw new NotificationRefusedException(refusal);
        }

        var limit = _settings.FullTimeout ?? Timeout.InfiniteTimeSpan;
        if (!await _slots.WaitAsync(limit, cancellationToken).ConfigureAwait(false))
        {
            throw new TimeoutException($"The buffer of {_settings.Capacity} messages stayed full for {limit}: is the broker at {_url} reachable?");
        }

        Statistics.AddOutstanding();
        if (!_ready.Writer.TryWrite(message))
        {
            Settle();
            throw new ObjectDisposedException(nameof(DeliveryBuffer));
        }

        OnReady?.Invoke();
    }

    /// <summary>The next message to publish: one to publish again first, then the oldest new one.</summary>
    public bool TryTake([NotNullWhen(true)] out PendingDelivery? message) =>
        _retries.Reader.TryRead(out message) || _ready.Reader.TryRead(out message);

    /// <summary>Waits until a message can be taken; <see langword="false"/> once the buffer is closed and nothing is outstanding.</summary>
    public async ValueTask<bool> WaitToTakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_retries.Reader.Count > 0 || _ready.Reader.Count > 0)
            {
                return true;
            }

            Task drained;
            lock (_drainLock)
            {
                if (_ready.Reader.Completion.IsCompleted && Statistics.Outstanding == 0)
                {
                    return false;
                }

                drained = _drained.Task;
            }

            var more = _ready.Reader.Completion.IsCompleted ? drained : _ready.Reader.WaitToReadAsync(cancellationToken).AsTask();
            await Task.WhenAny(_retries.Reader.WaitToReadAsync(cancellationToken).AsTask(), more).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Counts one attempt to publish.</summary>
    public void Published() => Statistics.AddPublished();

    /// <summary>The broker confirmed <paramref name="message"/>: its slot is free.</summary>
    public void Confirmed(PendingDelivery message)
    {
        Statistics.AddConfirmed();
        message.Confirmed();
        Settle();
    }

    /// <summary>
    /// Publishing <paramref name="message"/> failed: it is published again after the policy's delay, or given up
    /// when the policy ran out, the broker refused the driver, or the buffer is closing.
    /// </summary>
    public void Failed(PendingDelivery message, string reason, Exception? error = null)
    {
        message.FailedAttempts++;
        if (Refusal is not null || IsClosing || !_settings.Retry.ShouldRetry(message.FailedAttempts))
        {
            GiveUp(message, reason, error);
            return;
        }

        Statistics.AddRepublished();
        var delay = _settings.Retry.DelayAfter(message.FailedAttempts);
        LogRepublishing(_logger, message.EventType, message.MessageId, message.TopicAndPriority, message.FailedAttempts, delay, reason);
        _ = RetryLaterAsync(message, delay);
    }

    /// <summary>
    /// Remembers the first refusal that cannot heal (<paramref name="refusal"/> names the setting to change), logs
    /// it once, and gives up what waits: from now on every message is dropped and <see cref="EnqueueAsync"/> throws.
    /// </summary>
    public void Refuse(string refusal, Exception? error)
    {
        if (Interlocked.CompareExchange(ref _refusal, refusal, null) is not null)
        {
            return;
        }

        LogRefused(_logger, error, refusal, Statistics.Outstanding);
        _retryWaits.Cancel();
        OnReady?.Invoke();
    }

    /// <summary>Drops <paramref name="message"/> for good; only one whose retries ran out is logged on its own.</summary>
    public void GiveUp(PendingDelivery message, string? reason = null, Exception? error = null)
    {
        Statistics.AddDropped();
        var refusal = Refusal;
        if (refusal is null && reason is not null && !IsClosing && _droppedLog.TryEnter(out var suppressed))
        {
            LogDropped(_logger, error, message.EventType, message.MessageId, message.TopicAndPriority, message.FailedAttempts, _settings.Retry.ToString(), reason, suppressed);
        }

        message.GivenUp(refusal ?? reason ?? "the driver closed before the broker confirmed it");
        Settle();
    }

    /// <summary>Completes when every message handed over so far is confirmed or given up.</summary>
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task drained;
            lock (_drainLock)
            {
                if (Statistics.Outstanding == 0)
                {
                    return;
                }

                drained = _drained.Task;
            }

            await drained.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Takes no more messages and waits up to the shutdown timeout for the rest to be confirmed; logs in one line what is not.</summary>
    public async ValueTask DrainAsync()
    {
        _ready.Writer.TryComplete();
        using var timeout = new CancellationTokenSource(_settings.ShutdownTimeout);
        try
        {
            await FlushAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            LogShutdownLost(_logger, Statistics.Outstanding, _settings.ShutdownTimeout, _url);
        }

        Volatile.Write(ref _closing, 1);
        _retryWaits.Cancel();
    }

    /// <summary>After the transport stopped publishing: gives up, without a line each, whatever it did not take.</summary>
    public void GiveUpRemaining()
    {
        Volatile.Write(ref _closing, 1);
        while (TryTake(out var left))
        {
            GiveUp(left);
        }
    }

    /// <summary>
    /// Releases the retry timers. The slots are left to the collector: a channel's shutdown may still report a
    /// message failed after the driver closed, and settling it must not throw.
    /// </summary>
    public void Dispose() => _retryWaits.Dispose();

    private async Task RetryLaterAsync(PendingDelivery message, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _retryWaits.Token).ConfigureAwait(false);
            if (!IsClosing && _retries.Writer.TryWrite(message))
            {
                OnReady?.Invoke();
                return;
            }
        }
        catch (Exception error) when (error is OperationCanceledException or ObjectDisposedException)
        {
            // Refused or closing: given up below.
        }

        GiveUp(message);
    }

    private void Settle()
    {
        _slots.Release();
        if (Statistics.RemoveOutstanding() != 0)
        {
            return;
        }

        lock (_drainLock)
        {
            _drained.TrySetResult();
            _drained = NewSignal();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(201, LogLevel.Debug, "{EventType} {MessageId} to {TopicAndPriority} was not confirmed (attempt {Attempt}: {Reason}); publishing again in {Delay}")]
    private static partial void LogRepublishing(ILogger logger, string eventType, string messageId, string topicAndPriority, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(202, LogLevel.Error, "Dropped {EventType} {MessageId} to {TopicAndPriority} after {Attempts} failed attempt(s) (retry policy: {Retry}): {Reason}; {Suppressed} more dropped message(s) left out of the log since the last line")]
    private static partial void LogDropped(ILogger logger, Exception? error, string eventType, string messageId, string topicAndPriority, int attempts, string retry, string reason, long suppressed);

    [LoggerMessage(203, LogLevel.Error, "{Refusal} Nothing more is sent: the {Outstanding} message(s) waiting are dropped, and so is every notification from now on until the setting is changed and the service restarted")]
    private static partial void LogRefused(ILogger logger, Exception? error, string refusal, long outstanding);

    [LoggerMessage(204, LogLevel.Error, "{Outstanding} message(s) were not confirmed by {Url} within the shutdown timeout of {Timeout} and are lost")]
    private static partial void LogShutdownLost(ILogger logger, long outstanding, TimeSpan timeout, string url);
}
