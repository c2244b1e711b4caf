using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using global::RabbitMQ.Client;
using global::RabbitMQ.Client.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VersionedNotifications.Drivers;
using VersionedNotifications.Wire;

namespace VersionedNotifications.RabbitMQ;

/// <summary>
/// Sends notifications to RabbitMQ as oslo.messaging's <c>messagingv2</c> driver does: to the topic
/// exchange named by the control exchange, with routing key <c>&lt;topic&gt;.&lt;priority&gt;</c>, after
/// declaring the queue of that name and binding it so nothing is lost before a consumer comes; persistent,
/// <c>application/json</c>, <c>utf-8</c>, the v2 body. Beyond oslo: every message is published with a
/// publisher confirm and kept in a bounded buffer until the broker confirms it, published again after a
/// nack or a lost connection (so a consumer may see one twice, never none); after an outage the driver
/// connects again and declares its exchange and queues again. While the broker is away the buffer fills and <see cref="SendAsync"/>
/// waits for room. A refusal that retrying cannot heal (a declaration that conflicts with the broker's exchange or
/// queues, access refused, an unknown virtual host, wrong credentials) is logged once as an Error naming the setting
/// to change; every message waiting is given up and counted, and <see cref="SendAsync"/> throws
/// <see cref="NotificationRefusedException"/> from then on.
/// </summary>
public sealed partial class RabbitMQNotificationDriver : INotificationDriver, IAsyncDisposable
{
    /// <summary>The configuration name of the v2 driver, oslo's <c>messagingv2</c>.</summary>
    public const string MessagingV2DriverName = "messagingv2";

    /// <summary>The configuration name of the v1 driver, oslo's <c>messaging</c>.</summary>
    public const string MessagingDriverName = "messaging";

    private const string ExchangeDeclared = "\0exchange";

    // A publish that cannot be written for this long means a connection that no longer works, even when the
    // client has not noticed (a broker shutting down stops reading): the driver abandons it and connects again.
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);

    // Publishes awaiting their confirm at once; the broker confirms in batches, so a window keeps the wire busy.
    private const int MaxInFlight = 256;

    private readonly RabbitMQDriverOptions _options;
    private readonly string _exchange;
    private readonly string _url;
    private readonly Channel<PendingMessage> _buffer = Channel.CreateUnbounded<PendingMessage>();
    private readonly SemaphoreSlim _slots;
    private readonly Channel<PendingMessage> _retries = Channel.CreateUnbounded<PendingMessage>();
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _retryWaits;
    private readonly LogLimiter _droppedLog = new();
    private readonly HashSet<string> _declared = new(StringComparer.Ordinal);
    private readonly object _drainLock = new();
    private readonly ILogger _logger;
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Task _publishing;
    private readonly SemaphoreSlim _inFlight = new(MaxInFlight, MaxInFlight);
    private TaskCompletionSource _drained = NewSignal();
    private IConnection? _connection;
    private IChannel? _channel;
    private ConfirmTracker<PendingMessage>? _tracker;
    private int _disposed;
    private bool _unreachableLogged;
    private bool _everConnected;
    private bool _connectionBroken;
    private string? _refusal;

    /// <summary>A driver that starts connecting at once, in the background; sending does not wait for the broker until the buffer is full.</summary>
    /// <exception cref="ArgumentException">The options are not valid; the message lists every problem.</exception>
    public RabbitMQNotificationDriver(RabbitMQDriverOptions options, ILogger<RabbitMQNotificationDriver>? logger = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("The RabbitMQ driver options are not valid: " + string.Join("; ", errors), nameof(options));
        }

        _options = options;
        _exchange = options.ControlExchange;
        _url = RabbitMQConnections.Describe(options.TransportUrl);
        _slots = new SemaphoreSlim(options.BufferCapacity, options.BufferCapacity);
        _retryWaits = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        _logger = logger ?? NullLogger<RabbitMQNotificationDriver>.Instance;
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(NotifierMetrics.MeterName) ?? new Meter(NotifierMetrics.MeterName);
        RabbitMQMetrics.RegisterDriver(_meter, Statistics);
        _publishing = Task.Run(PublishLoopAsync);
    }

    /// <inheritdoc/>
    public string Name => _options.Format == MessageFormat.MessagingV2 ? MessagingV2DriverName : MessagingDriverName;

    /// <summary>What the driver did so far.</summary>
    public RabbitMQDriverStatistics Statistics { get; } = new();

    /// <summary>
    /// Puts one message per topic in the buffer; the broker confirms it later. Waits while the buffer is
    /// full (up to <see cref="RabbitMQDriverOptions.BufferFullTimeout"/>).
    /// </summary>
    /// <exception cref="TimeoutException">The buffer stayed full for the whole timeout.</exception>
    /// <exception cref="NotificationRefusedException">The broker refused the driver for good; the message names the setting to change.</exception>
    /// <exception cref="ObjectDisposedException">The driver is disposed.</exception>
    public async ValueTask SendAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        await SendTrackedAsync(notification, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Like <see cref="SendAsync"/>, then waits until the broker confirmed every copy (one per topic) or the
    /// driver gave one up: <see langword="null"/> when all were confirmed, otherwise why one was not.
    /// </summary>
    /// <exception cref="TimeoutException">The buffer stayed full for the whole timeout.</exception>
    /// <exception cref="NotificationRefusedException">The broker refused the driver for good; the message names the setting to change.</exception>
    /// <exception cref="ObjectDisposedException">The driver is disposed.</exception>
    public async Task<string?> SendAndConfirmAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        foreach (var outcome in await SendTrackedAsync(notification, cancellationToken).ConfigureAwait(false))
        {
            if (await outcome.WaitAsync(cancellationToken).ConfigureAwait(false) is { } reason)
            {
                return reason;
            }
        }

        return null;
    }

    /// <summary>Completes when every message handed to the driver so far is confirmed by the broker or given up.</summary>
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

    /// <summary>
    /// Stops taking messages, waits up to <see cref="RabbitMQDriverOptions.ShutdownTimeout"/> for the buffer
    /// to be confirmed, and closes the connection. What is still unconfirmed then is logged as lost.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _buffer.Writer.TryComplete();
        using (var timeout = new CancellationTokenSource(_options.ShutdownTimeout))
        {
            try
            {
                await FlushAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                LogShutdownLost(_logger, Statistics.Outstanding, _options.ShutdownTimeout, _url);
            }
        }

        _stopping.Cancel();
        try
        {
            await _publishing.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        // What the loop did not take is lost: counted here, and logged once above.
        while (_retries.Reader.TryRead(out var left) || _buffer.Reader.TryRead(out left))
        {
            GiveUp(left, null);
        }

        await CloseAsync().ConfigureAwait(false);
        LogClosed(_logger, _url, Statistics.ToString());
        _retryWaits.Dispose();
        _stopping.Dispose();
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private async ValueTask<List<Task<string?>>> SendTrackedAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var suffix = PriorityNames.ToRoutingSuffix(notification.Priority);
        var outcomes = new List<Task<string?>>(notification.Topics.Count);
        foreach (var topic in notification.Topics)
        {
            if (Volatile.Read(ref _refusal) is { } refusal)
            {
                throw new NotificationRefusedException(refusal);
            }

            var body = _options.Format == MessageFormat.MessagingV2 ? notification.ToMessagingV2() : notification.Envelope.ToArray();
            var message = new PendingMessage(topic + "." + suffix, body, notification.EventType, notification.MessageId);
            await EnqueueAsync(message, cancellationToken).ConfigureAwait(false);
            outcomes.Add(message.Outcome);
        }

        return outcomes;
    }

    private async ValueTask EnqueueAsync(PendingMessage message, CancellationToken cancellationToken)
    {
        // A slot is held from here until the broker confirms the message (or it is given up), so the
        // capacity bounds everything unconfirmed: waiting in the buffer, on the wire, or to be published again.
        var limit = _options.BufferFullTimeout ?? Timeout.InfiniteTimeSpan;
        if (!await _slots.WaitAsync(limit, cancellationToken).ConfigureAwait(false))
        {
            throw new TimeoutException($"The RabbitMQ buffer of {_options.BufferCapacity} messages stayed full for {limit}: is the broker at {_url} reachable?");
        }

        Statistics.AddOutstanding();
        if (!_buffer.Writer.TryWrite(message))
        {
            Settle();
            throw new ObjectDisposedException(nameof(RabbitMQNotificationDriver));
        }
    }

    private async Task PublishLoopAsync()
    {
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            PendingMessage? message;
            try
            {
                message = await TakeAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (message is null)
            {
                return;
            }

            if (Volatile.Read(ref _refusal) is not null)
            {
                GiveUp(message, null);
                continue;
            }

            IChannel channel;
            try
            {
                await _inFlight.WaitAsync(stopping).ConfigureAwait(false);
                channel = await ReadyChannelAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                GiveUp(message, null);
                return;
            }
            catch (NotificationRefusedException refusal)
            {
                Refuse(refusal.Message, refusal.InnerException);
                OnFailed(message, refusal);
                continue;
            }

            try
            {
                await DeclareAsync(channel, message.RoutingKey, stopping).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException || !stopping.IsCancellationRequested)
            {
                if (RabbitMQRefusals.Explain(error, _options, $"declare exchange '{_exchange}' and queue '{message.RoutingKey}' with durable={_options.DurableQueues}, auto_delete={_options.AutoDelete}") is { } refusal)
                {
                    Refuse(refusal, error);
                }

                OnFailed(message, error);
                continue;
            }
            catch (OperationCanceledException)
            {
                _inFlight.Release();
                GiveUp(message, null);
                return;
            }

            // The loop is the channel's only publisher, so the sequence number read here is the one this publish gets.
            // A publish waits for the socket; when the broker goes away mid-write that wait is bounded, and the message is published again.
            using var publishing = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            publishing.CancelAfter(PublishTimeout);
            ulong sequenceNumber;
            try
            {
                sequenceNumber = await channel.GetNextPublishSequenceNumberAsync(publishing.Token).ConfigureAwait(false);
            }
            catch (Exception error)
            {
                _connectionBroken = true;
                OnFailed(message, error);
                continue;
            }

            var tracker = _tracker!;
            tracker.Add(sequenceNumber, message);
            try
            {
                Statistics.AddPublished();
                await channel.BasicPublishAsync(_exchange, message.RoutingKey, false, OsloMessageProperties.Create(), message.Body, publishing.Token).ConfigureAwait(false);
            }
            catch (Exception error)
            {
                _connectionBroken = true;
                if (tracker.Remove(sequenceNumber))
                {
                    OnFailed(message, error);
                }
            }
        }
    }

    /// <summary>The next message: one to publish again first, then the buffer; <see langword="null"/> when the driver is closed and nothing is left.</summary>
    private async ValueTask<PendingMessage?> TakeAsync(CancellationToken stopping)
    {
        while (true)
        {
            if (_retries.Reader.TryRead(out var message) || _buffer.Reader.TryRead(out message))
            {
                return message;
            }

            if (_buffer.Reader.Completion.IsCompleted)
            {
                Task drained;
                lock (_drainLock)
                {
                    if (Statistics.Outstanding == 0)
                    {
                        return null;
                    }

                    drained = _drained.Task;
                }

                await Task.WhenAny(_retries.Reader.WaitToReadAsync(stopping).AsTask(), drained).ConfigureAwait(false);
            }
            else
            {
                await Task.WhenAny(_retries.Reader.WaitToReadAsync(stopping).AsTask(), _buffer.Reader.WaitToReadAsync(stopping).AsTask()).ConfigureAwait(false);
            }

            stopping.ThrowIfCancellationRequested();
        }
    }

    /// <summary>An open channel with publisher confirms: connects again (and again, with a backoff) while the broker is away.</summary>
    private async ValueTask<IChannel> ReadyChannelAsync(CancellationToken stopping)
    {
        var failures = 0;
        while (true)
        {
            stopping.ThrowIfCancellationRequested();
            if (_connection is { IsOpen: false } || (_connection is not null && _connectionBroken))
            {
                // The broker went away (or a publish could not be written): what waits for a confirm on the dead
                // channel is published again on the next one.
                if (_connection.IsOpen)
                {
                    LogConnectionStuck(_logger, _url, Statistics.Outstanding);
                }

                _tracker?.FailAll(new InvalidOperationException("the connection closed before the broker confirmed"));
                await DiscardConnectionAsync().ConfigureAwait(false);
            }

            _connectionBroken = false;
            if (_connection is null)
            {
                try
                {
                    var connection = await RabbitMQConnections.ConnectAsync(_options, "VersionedNotifications notifier", stopping).ConfigureAwait(false);
                    connection.ConnectionShutdownAsync += OnConnectionShutdownAsync;
                    _connection = connection;
                    if (_everConnected)
                    {
                        LogReconnected(_logger, _url, Statistics.Outstanding);
                    }
                    else
                    {
                        LogConnected(_logger, _url, _exchange);
                    }

                    _everConnected = true;
                    _unreachableLogged = false;
                    failures = 0;
                }
                catch (Exception error) when (error is not OperationCanceledException || !stopping.IsCancellationRequested)
                {
                    if (RabbitMQRefusals.Explain(error, _options, "open a connection") is { } refusal)
                    {
                        throw new NotificationRefusedException(refusal, error);
                    }

                    if (!_unreachableLogged)
                    {
                        LogUnreachable(_logger, error, _url, Statistics.Outstanding);
                        _unreachableLogged = true;
                    }

                    failures++;
                    await Task.Delay(_options.ReconnectDelay(failures), stopping).ConfigureAwait(false);
                    continue;
                }
            }

            if (_channel is { IsOpen: true })
            {
                return _channel;
            }

            try
            {
                if (_channel is not null)
                {
                    // Closed by the broker for a channel error (a refused declaration): a new channel on the same connection.
                    _tracker?.FailAll(new InvalidOperationException("the channel closed before the broker confirmed"));
                    await _channel.DisposeAsync().ConfigureAwait(false);
                    _channel = null;
                }

                _channel = await _connection.CreateChannelAsync(
                    new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: false),
                    stopping).ConfigureAwait(false);
                var tracker = new ConfirmTracker<PendingMessage>(OnConfirmed, OnFailed);
                _channel.BasicAcksAsync += (_, args) =>
                {
                    tracker.Ack(args.DeliveryTag, args.Multiple);
                    return Task.CompletedTask;
                };
                _channel.BasicNacksAsync += (_, args) =>
                {
                    tracker.Nack(args.DeliveryTag, args.Multiple);
                    return Task.CompletedTask;
                };
                _channel.ChannelShutdownAsync += (_, args) =>
                {
                    tracker.FailAll(new InvalidOperationException($"the channel closed before the broker confirmed ({args.ReplyCode} {args.ReplyText})"));
                    return Task.CompletedTask;
                };
                _tracker = tracker;
                _declared.Clear();
            }
            catch (Exception error) when (error is not OperationCanceledException || !stopping.IsCancellationRequested)
            {
                // A virtual host that does not exist lets the connection open and closes it before the first channel.
                if (RabbitMQRefusals.Explain(error, _options, "open a channel") is { } refusal)
                {
                    throw new NotificationRefusedException(refusal, error);
                }

                failures++;
                LogChannelFailed(_logger, error, _url);
                await Task.Delay(_options.ReconnectDelay(failures), stopping).ConfigureAwait(false);
            }
        }
    }

    private async ValueTask DeclareAsync(IChannel channel, string routingKey, CancellationToken stopping)
    {
        if (_declared.Contains(routingKey))
        {
            return;
        }

        if (!_declared.Contains(ExchangeDeclared))
        {
            await channel.ExchangeDeclareAsync(_exchange, ExchangeType.Topic, _options.DurableQueues, _options.AutoDelete, null, false, false, stopping).ConfigureAwait(false);
            _declared.Add(ExchangeDeclared);
        }

        // oslo declares the queue named like the routing key, so a notification sent before any consumer exists waits there.
        await channel.QueueDeclareAsync(routingKey, _options.DurableQueues, false, _options.AutoDelete, null, false, false, stopping).ConfigureAwait(false);
        await channel.QueueBindAsync(routingKey, _exchange, routingKey, null, false, stopping).ConfigureAwait(false);
        _declared.Add(routingKey);
    }

    private void OnConfirmed(PendingMessage message)
    {
        _inFlight.Release();
        Statistics.AddConfirmed();
        message.Confirmed();
        Settle();
    }

    /// <summary>Remembers the first refusal that cannot heal, logs it once, and gives up what waits to be published again.</summary>
    private void Refuse(string refusal, Exception? error)
    {
        if (Interlocked.CompareExchange(ref _refusal, refusal, null) is not null)
        {
            return;
        }

        LogRefused(_logger, error, refusal, Statistics.Outstanding);
        _retryWaits.Cancel();
    }

    private void OnFailed(PendingMessage message, Exception error)
    {
        _inFlight.Release();
        Fail(message, error);
    }

    private void Fail(PendingMessage message, Exception error)
    {
        message.FailedAttempts++;
        if (Volatile.Read(ref _refusal) is not null || _stopping.IsCancellationRequested || !_options.Retry.ShouldRetry(message.FailedAttempts))
        {
            GiveUp(message, error);
            return;
        }

        Statistics.AddRepublished();
        var delay = _options.Retry.DelayAfter(message.FailedAttempts);
        LogRepublishing(_logger, message.EventType, message.MessageId, message.RoutingKey, message.FailedAttempts, delay, error.Message);
        _ = RetryLaterAsync(message, delay);
    }

    private async Task RetryLaterAsync(PendingMessage message, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _retryWaits.Token).ConfigureAwait(false);
            _retries.Writer.TryWrite(message);
        }
        catch (OperationCanceledException)
        {
            GiveUp(message, null);
        }
    }

    /// <summary>
    /// Drops a message for good. Only a message whose retries ran out is logged on its own (a few lines a minute
    /// at most); a refusal and a shutdown are logged once for all the messages they cost.
    /// </summary>
    private void GiveUp(PendingMessage message, Exception? error)
    {
        Statistics.AddDropped();
        var refusal = Volatile.Read(ref _refusal);
        if (refusal is null && error is not null && !_stopping.IsCancellationRequested && _droppedLog.TryEnter(out var suppressed))
        {
            LogDropped(_logger, error, message.EventType, message.MessageId, message.RoutingKey, message.FailedAttempts, _options.Retry.ToString(), suppressed);
        }

        message.GivenUp(refusal ?? error?.Message ?? "the driver closed before the broker confirmed it");
        Settle();
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

    private Task OnConnectionShutdownAsync(object sender, ShutdownEventArgs args)
    {
        if (args.Initiator != ShutdownInitiator.Application)
        {
            LogConnectionLost(_logger, _url, args.ReplyText, Statistics.Outstanding);
        }

        return Task.CompletedTask;
    }

    /// <summary>Drops a connection the broker closed or that stopped working (its channel with it); the next publish connects again.</summary>
    private async ValueTask DiscardConnectionAsync()
    {
        var connection = _connection;
        var channel = _channel;
        _connection = null;
        _channel = null;
        _tracker = null;
        _declared.Clear();
        if (connection is not null)
        {
            connection.ConnectionShutdownAsync -= OnConnectionShutdownAsync;
        }

        await RabbitMQConnections.AbandonAsync(connection, channel).ConfigureAwait(false);
    }

    private async ValueTask CloseAsync()
    {
        try
        {
            await RabbitMQConnections.CloseAsync(_connection, _channel).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            LogCloseFailed(_logger, error, _url);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(1, LogLevel.Information, "Connected to {Url}; notifications go to exchange '{Exchange}'")]
    private static partial void LogConnected(ILogger logger, string url, string exchange);

    [LoggerMessage(2, LogLevel.Warning, "Cannot reach RabbitMQ at {Url}; trying again, {Outstanding} message(s) wait in the buffer")]
    private static partial void LogUnreachable(ILogger logger, Exception error, string url, long outstanding);

    [LoggerMessage(3, LogLevel.Warning, "Lost the connection to {Url} ({Reason}); reconnecting, {Outstanding} message(s) wait for a confirm")]
    private static partial void LogConnectionLost(ILogger logger, string url, string reason, long outstanding);

    [LoggerMessage(4, LogLevel.Information, "Reconnected to {Url}; {Outstanding} message(s) to confirm")]
    private static partial void LogReconnected(ILogger logger, string url, long outstanding);

    [LoggerMessage(5, LogLevel.Debug, "{EventType} {MessageId} to {RoutingKey} was not confirmed (attempt {Attempt}: {Reason}); publishing again in {Delay}")]
    private static partial void LogRepublishing(ILogger logger, string eventType, string messageId, string routingKey, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(6, LogLevel.Error, "Dropped {EventType} {MessageId} to {RoutingKey} after {Attempts} failed attempt(s) (retry policy: {Retry}); {Suppressed} more dropped message(s) left out of the log since the last line")]
    private static partial void LogDropped(ILogger logger, Exception error, string eventType, string messageId, string routingKey, int attempts, string retry, long suppressed);

    [LoggerMessage(11, LogLevel.Error, "{Refusal} Nothing more is sent: the {Outstanding} message(s) waiting are dropped, and so is every notification from now on until the setting is changed and the service restarted")]
    private static partial void LogRefused(ILogger logger, Exception? error, string refusal, long outstanding);

    [LoggerMessage(12, LogLevel.Information, "Closed the connection to {Url}: {Statistics}")]
    private static partial void LogClosed(ILogger logger, string url, string statistics);

    [LoggerMessage(7, LogLevel.Error, "{Outstanding} message(s) were not confirmed by {Url} within the shutdown timeout of {Timeout} and are lost")]
    private static partial void LogShutdownLost(ILogger logger, long outstanding, TimeSpan timeout, string url);

    [LoggerMessage(8, LogLevel.Warning, "Cannot open a channel on {Url}; trying again")]
    private static partial void LogChannelFailed(ILogger logger, Exception error, string url);

    [LoggerMessage(10, LogLevel.Warning, "The connection to {Url} stopped taking messages; reconnecting, {Outstanding} message(s) wait for a confirm")]
    private static partial void LogConnectionStuck(ILogger logger, string url, long outstanding);

    [LoggerMessage(9, LogLevel.Warning, "Closing the connection to {Url} failed")]
    private static partial void LogCloseFailed(ILogger logger, Exception error, string url);
}
