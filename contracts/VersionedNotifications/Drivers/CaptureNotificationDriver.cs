using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace VersionedNotifications.Drivers;

/// <summary>
/// Keeps every notification in memory, for a service's own tests: emit through the real
/// <see cref="Notifier"/>, then read back exactly what a bus driver would have been given (masked,
/// filtered by level) as typed notifications. Thread-safe.
/// </summary>
public sealed class CaptureNotificationDriver : INotificationDriver
{
    /// <summary>The configuration name, <c>capture</c>.</summary>
    public const string DriverName = "capture";

    private readonly List<OutgoingNotification> _captured = new();
    private readonly NotificationReader? _reader;
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>A driver that keeps notifications; <paramref name="contracts"/> let <see cref="Read"/> give typed payloads.</summary>
    public CaptureNotificationDriver(params Wire.INotificationContracts[] contracts)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        _reader = contracts.Length == 0 ? null : new NotificationReader(contracts);
    }

    /// <inheritdoc/>
    public string Name => DriverName;

    /// <summary>What was sent so far, in order.</summary>
    public IReadOnlyList<OutgoingNotification> Captured
    {
        get
        {
            lock (_captured)
            {
                return _captured.ToArray();
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask SendAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        TaskCompletionSource changed;
        lock (_captured)
        {
            _captured.Add(notification);
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
        return ValueTask.CompletedTask;
    }

    /// <summary>Every captured notification read back through the contracts given to the constructor.</summary>
    /// <exception cref="InvalidOperationException">The driver was made without contracts.</exception>
    public IReadOnlyList<NotificationReadResult> Read()
    {
        var reader = _reader ?? throw new InvalidOperationException("Pass the contracts (for example OpenStackJsonContext.Default) to the constructor to read captured notifications.");
        return Captured.Select(n => reader.Read(n.Envelope)).ToArray();
    }

    /// <summary>The captured notifications of <paramref name="eventType"/> with their typed payloads.</summary>
    public IReadOnlyList<Notification<TPayload>> OfType<TPayload>(EventType<TPayload> eventType)
        where TPayload : class
    {
        ArgumentNullException.ThrowIfNull(eventType);
        return Read().OfType<DecodedNotification>()
            .Select(d => d.Notification)
            .OfType<Notification<TPayload>>()
            .Where(n => n.EventType == eventType.Name)
            .ToArray();
    }

    /// <summary>Forgets everything captured.</summary>
    public void Clear()
    {
        lock (_captured)
        {
            _captured.Clear();
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> notifications were captured.</summary>
    /// <exception cref="TimeoutException">They did not arrive within <paramref name="timeout"/>.</exception>
    public async Task WaitForCountAsync(int count, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            Task changed;
            lock (_captured)
            {
                if (_captured.Count >= count)
                {
                    return;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{Captured.Count} of {count} notifications were captured within {timeout}.");
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
