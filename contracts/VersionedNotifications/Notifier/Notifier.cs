using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VersionedNotifications.Drivers;
using VersionedNotifications.Wire;

namespace VersionedNotifications;

/// <summary>
/// The notifier of a service: filters by level and disabled event types, stamps the publisher id,
/// writes each notification once with its secrets masked, and hands it to every driver for every
/// topic, as oslo.messaging's <c>Notifier</c> with several drivers does. A driver that throws is tried
/// again by the retry policy, unless it refused for good (<see cref="NotificationRefusedException"/>) or retries
/// its deliveries itself (<see cref="INotificationDriver.RetriesDeliveries"/>: one retry owner); when it
/// fails for good the failure is counted and logged (a few lines a minute at most), never thrown.
/// The notifier does not own its drivers: dispose them after it.
/// </summary>
public sealed partial class Notifier : INotifier, IDisposable
{
    private readonly INotificationDriver[] _drivers;
    private readonly IReadOnlyList<string> _topics;
    private readonly IReadOnlyList<EventTypePattern> _disabled;
    private readonly PayloadWriteOptions _writeOptions;
    private readonly NotificationRetryPolicy _retry;
    private readonly NotificationLevel _level;
    private readonly ILogger _logger;
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly LogLimiter _failureLog = new();
    private readonly LogLimiter _retryLog = new();

    // A driver refuses for good, for one reason its own Error line names: one line a minute says it goes on.
    private readonly LogLimiter _refusalLog = new(linesPerWindow: 1);

    /// <summary>A notifier that sends to <paramref name="drivers"/>; none means the <c>noop</c> driver.</summary>
    /// <param name="options">Level, topics, publisher, disabled event types, retry policy and masking.</param>
    /// <param name="drivers">Where notifications go.</param>
    /// <param name="logger">Where failures are logged.</param>
    /// <param name="meterFactory">Makes the <c>VersionedNotifications</c> meter; without one the notifier makes its own.</param>
    /// <exception cref="ArgumentException">The options are not valid; the message lists every problem.</exception>
    public Notifier(NotifierOptions options, IEnumerable<INotificationDriver> drivers, ILogger<Notifier>? logger = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(drivers);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("The notifier options are not valid: " + string.Join("; ", errors), nameof(options));
        }

        _drivers = drivers.ToArray();
        if (_drivers.Length == 0)
        {
            _drivers = [new NoopNotificationDriver()];
        }

        if (Array.IndexOf(_drivers, null) >= 0)
        {
            throw new ArgumentException("A driver is null.", nameof(drivers));
        }

        _level = options.Level;
        _topics = options.Topics.ToArray();
        _disabled = EventTypePattern.ParseAll(options.DisabledEventTypes);
        _writeOptions = options.MaskSecrets ? PayloadWriteOptions.Default : new PayloadWriteOptions { MaskSecrets = false };
        _retry = options.Retry;
        PublisherId = options.ResolvePublisherId();
        _logger = logger ?? NullLogger<Notifier>.Instance;
        _ownsMeter = meterFactory is null;
        _meter = NotifierMetrics.CreateMeter(meterFactory);
        NotifierMetrics.Register(_meter, Statistics);
    }

    /// <summary>The <c>publisher_id</c> of the notifications this notifier builds.</summary>
    public string PublisherId { get; }

    /// <summary>The drivers, in the order they are called.</summary>
    public IReadOnlyList<INotificationDriver> Drivers => _drivers;

    /// <summary>What the notifier did so far.</summary>
    public NotifierStatistics Statistics { get; } = new();

    /// <inheritdoc/>
    public bool IsEnabled(string eventType, NotificationPriority priority)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        return _level.Allows(priority) && !EventTypePattern.MatchesAny(_disabled, eventType);
    }

    /// <inheritdoc/>
    public ValueTask EmitAsync<TPayload>(EventType<TPayload> eventType, TPayload payload, CancellationToken cancellationToken = default)
        where TPayload : class, INotificationPayload<TPayload>
    {
        ArgumentNullException.ThrowIfNull(eventType);
        ArgumentNullException.ThrowIfNull(payload);
        return EmitAsync(eventType, () => payload, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask EmitAsync<TPayload>(EventType<TPayload> eventType, Func<TPayload> payloadFactory, CancellationToken cancellationToken = default)
        where TPayload : class, INotificationPayload<TPayload>
    {
        ArgumentNullException.ThrowIfNull(eventType);
        ArgumentNullException.ThrowIfNull(payloadFactory);
        if (!IsEnabled(eventType.Name, eventType.Priority))
        {
            Statistics.AddFiltered();
            return ValueTask.CompletedTask;
        }

        Notification notification;
        try
        {
            notification = Notification.Create(eventType, payloadFactory(), PublisherId);
        }
        catch (Exception error)
        {
            Statistics.AddFailed();
            LogPayloadFailed(_logger, error, eventType.Name);
            return ValueTask.CompletedTask;
        }

        return SendAsync(notification, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask EmitTextAsync(EventTypeInfo eventType, NotificationPriority priority, string message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        ArgumentNullException.ThrowIfNull(message);
        if (!eventType.TextPriorities.Contains(priority))
        {
            throw new ArgumentException(
                $"{eventType.Name} carries no text message at {PriorityNames.ToWire(priority)}; its text priorities are [{string.Join(", ", eventType.TextPriorities.Select(PriorityNames.ToWire))}].",
                nameof(priority));
        }

        if (!IsEnabled(eventType.Name, priority))
        {
            Statistics.AddFiltered();
            return ValueTask.CompletedTask;
        }

        return SendAsync(Notification.CreateText(NotificationHeader.New(eventType.Name, priority, PublisherId), message), cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask EmitAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (!IsEnabled(notification.EventType, notification.Priority))
        {
            Statistics.AddFiltered();
            return ValueTask.CompletedTask;
        }

        return SendAsync(notification, cancellationToken);
    }

    /// <inheritdoc/>
    public async ValueTask FlushAsync(CancellationToken cancellationToken = default)
    {
        foreach (var driver in _drivers)
        {
            try
            {
                await driver.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogFlushFailed(_logger, error, driver.Name);
            }
        }
    }

    /// <summary>Disposes the meter the notifier made for itself (not the drivers).</summary>
    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private async ValueTask SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        // As oslo's Notifier: only the request context keys it passes on go to the bus (no auth_token).
        var context = OsloRequestContext.Safe(notification.Header.Context);
        if (!ReferenceEquals(context, notification.Header.Context))
        {
            notification = notification.WithHeader(notification.Header with { Context = context });
        }

        OutgoingNotification outgoing;
        try
        {
            outgoing = OutgoingNotification.Create(notification, _topics, _writeOptions);
        }
        catch (Exception error)
        {
            // A payload that cannot be written (a hand-made record breaking its contract) is the emitter's bug,
            // but emitting must not fail the operation it reports on.
            Statistics.AddFailed();
            LogPayloadFailed(_logger, error, notification.EventType);
            return;
        }

        var delivered = true;
        foreach (var driver in _drivers)
        {
            delivered &= await SendToDriverAsync(driver, outgoing, cancellationToken).ConfigureAwait(false);
        }

        if (delivered)
        {
            Statistics.AddEmitted();
        }
    }

    private async ValueTask<bool> SendToDriverAsync(INotificationDriver driver, OutgoingNotification outgoing, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await driver.SendAsync(outgoing, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (NotificationRefusedException refusal)
            {
                Statistics.AddFailed();
                if (_refusalLog.TryEnter(out var suppressed))
                {
                    LogDeliveryRefused(_logger, outgoing.EventType, outgoing.MessageId, driver.Name, refusal.Message, suppressed);
                }

                return false;
            }
            catch (Exception error)
            {
                long suppressed;
                if (driver.RetriesDeliveries || !_retry.ShouldRetry(attempt))
                {
                    Statistics.AddFailed();
                    if (_failureLog.TryEnter(out suppressed))
                    {
                        LogDeliveryFailed(_logger, error, outgoing.EventType, outgoing.MessageId, driver.Name, attempt, _retry.ToString(), suppressed);
                    }

                    return false;
                }

                var delay = _retry.DelayAfter(attempt);
                Statistics.AddRetried();
                if (_retryLog.TryEnter(out suppressed))
                {
                    LogDeliveryRetried(_logger, error, outgoing.EventType, outgoing.MessageId, driver.Name, attempt, delay, suppressed);
                }

                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(1, LogLevel.Error, "The payload of {EventType} could not be built or written; the notification was not emitted")]
    private static partial void LogPayloadFailed(ILogger logger, Exception error, string eventType);

    [LoggerMessage(2, LogLevel.Error, "Driver {Driver} failed to send {EventType} {MessageId} after {Attempts} attempt(s) (retry policy: {Retry}); the notification is dropped for this driver; {Suppressed} more failure(s) left out of the log since the last line")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception error, string eventType, string messageId, string driver, int attempts, string retry, long suppressed);

    [LoggerMessage(3, LogLevel.Warning, "Driver {Driver} failed to send {EventType} {MessageId} (attempt {Attempt}); trying again in {Delay}; {Suppressed} more retries left out of the log since the last line")]
    private static partial void LogDeliveryRetried(ILogger logger, Exception error, string eventType, string messageId, string driver, int attempt, TimeSpan delay, long suppressed);

    [LoggerMessage(5, LogLevel.Error, "Driver {Driver} refused {EventType} {MessageId}, which is dropped for this driver: {Refusal}; {Suppressed} more refusal(s) left out of the log since the last line")]
    private static partial void LogDeliveryRefused(ILogger logger, string eventType, string messageId, string driver, string refusal, long suppressed);

    [LoggerMessage(4, LogLevel.Error, "Driver {Driver} failed to flush")]
    private static partial void LogFlushFailed(ILogger logger, Exception error, string driver);
}
