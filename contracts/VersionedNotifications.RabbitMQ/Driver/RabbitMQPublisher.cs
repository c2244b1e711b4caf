using VersionedNotifications.Drivers;

namespace VersionedNotifications.RabbitMQ;

/// <summary>
/// Publishes the driver's messages on one channel with publisher confirms: opens it on the supervised
/// connection (again after a loss), declares the exchange and each message's queue once per channel, and reports
/// each confirm, nack or loss to the delivery buffer. The driver's loop is its only caller.
/// </summary>
internal sealed partial class RabbitMQPublisher
{
    private const string ExchangeDeclared = "\0exchange";

    // A publish that cannot be written for this long means a connection that no longer works, even when the
    // client has not noticed (a broker shutting down stops reading): the publisher gives it up and connects again.
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);

    // Publishes awaiting their confirm at once; the broker confirms in batches, so a window keeps the wire busy.
    private const int MaxInFlight = 256;

    private readonly IRabbitMQConnectionOptions _options;
    private readonly RabbitMQConnectionSupervisor _connection;
    private readonly DeliveryBuffer _buffer;
    private readonly ILogger _logger;
    private readonly HashSet<string> _declared = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _inFlight = new(MaxInFlight, MaxInFlight);
    private IChannel? _channel;
    private ConfirmTracker<PendingDelivery>? _tracker;
    private bool _broken;

    public RabbitMQPublisher(IRabbitMQConnectionOptions options, RabbitMQConnectionSupervisor connection, DeliveryBuffer buffer, ILogger logger)
    {
        _options = options;
        _connection = connection;
        _buffer = buffer;
        _logger = logger;
    }

    /// <summary>Publishes <paramref name="message"/>; its outcome reaches the buffer later (confirmed or failed).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="stopping"/> fired; the message is given up.</exception>
    public async Task PublishAsync(PendingDelivery message, CancellationToken stopping)
    {
        IChannel channel;
        try
        {
            await _inFlight.WaitAsync(stopping).ConfigureAwait(false);
            channel = await ReadyChannelAsync(stopping).ConfigureAwait(false);
            await DeclareAsync(channel, message.TopicAndPriority, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            _buffer.GiveUp(message);
            throw;
        }
        catch (Exception error)
        {
            var refusal = error as NotificationRefusedException;
            if (refusal is null && RabbitMQRefusals.Explain(error, _options, Declaring(message.TopicAndPriority)) is { } explained)
            {
                refusal = new NotificationRefusedException(explained, error);
            }

            if (refusal is not null)
            {
                _buffer.Refuse(refusal.Message, refusal.InnerException);
            }

            OnFailed(message, error);
            return;
        }

        // The loop is the channel's only publisher, so the sequence number read here is the one this publish gets.
        using var publishing = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        publishing.CancelAfter(PublishTimeout);
        var tracker = _tracker!;
        try
        {
            var sequenceNumber = await channel.GetNextPublishSequenceNumberAsync(publishing.Token).ConfigureAwait(false);
            tracker.Add(sequenceNumber, message);
            _buffer.Published();
            try
            {
                await channel.BasicPublishAsync(_options.ControlExchange, message.TopicAndPriority, false, OsloMessageProperties.Create(), message.Body, publishing.Token).ConfigureAwait(false);
            }
            catch (Exception) when (!tracker.Remove(sequenceNumber))
            {
                // A confirm or the channel's shutdown took the message first: its outcome is reported already.
                _broken = true;
            }
        }
        catch (Exception error)
        {
            _broken = true;
            OnFailed(message, error);
        }
    }

    /// <summary>Closes the channel and the connection.</summary>
    public Task CloseAsync() => _connection.CloseAsync(_channel);

    /// <summary>An open channel with publisher confirms, on a connection that works.</summary>
    private async ValueTask<IChannel> ReadyChannelAsync(CancellationToken stopping)
    {
        for (var failures = 0; ; failures++)
        {
            if (_connection.Current is { } current && (!current.IsOpen || _broken || _connection.Lost.IsCompleted))
            {
                // What waits for a confirm on the dead channel is published again on the next one.
                _connection.GiveUp($"a publish could not be written within {PublishTimeout.TotalSeconds:0} s");
                _tracker?.FailAll(new InvalidOperationException("the connection closed before the broker confirmed"));
                _connection.Abandon(_channel);
                (_channel, _tracker, _broken) = (null, null, false);
            }

            var connection = await _connection.ConnectedAsync(stopping).ConfigureAwait(false);
            if (_channel is { IsOpen: true })
            {
                return _channel;
            }

            try
            {
                return await OpenChannelAsync(connection, stopping).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException || !stopping.IsCancellationRequested)
            {
                // A virtual host that does not exist lets the connection open and closes it before the first channel.
                if (RabbitMQRefusals.Explain(error, _options, "open a channel") is { } refusal)
                {
                    throw new NotificationRefusedException(refusal, error);
                }

                LogChannelFailed(_logger, error, _connection.Url);
                await Task.Delay(_options.ReconnectDelay(failures + 1), stopping).ConfigureAwait(false);
            }
        }
    }

    private async Task<IChannel> OpenChannelAsync(IConnection connection, CancellationToken stopping)
    {
        if (_channel is not null)
        {
            // Closed by the broker for a channel error (a refused declaration): a new channel on the same connection.
            _tracker?.FailAll(new InvalidOperationException("the channel closed before the broker confirmed"));
            await _channel.DisposeAsync().ConfigureAwait(false);
            (_channel, _tracker) = (null, null);
        }

        var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: false),
            stopping).ConfigureAwait(false);
        var tracker = new ConfirmTracker<PendingDelivery>(OnConfirmed, OnFailed);
        tracker.Follow(channel);
        (_channel, _tracker) = (channel, tracker);
        _declared.Clear();
        return channel;
    }

    private async ValueTask DeclareAsync(IChannel channel, string routingKey, CancellationToken stopping)
    {
        if (!_declared.Contains(ExchangeDeclared))
        {
            await RabbitMQTopology.DeclareExchangeAsync(channel, _options, stopping).ConfigureAwait(false);
            _declared.Add(ExchangeDeclared);
        }

        // oslo declares the queue named like the routing key, so a notification sent before any consumer exists waits there.
        if (_declared.Add(routingKey))
        {
            try
            {
                await RabbitMQTopology.DeclareQueueAsync(channel, _options, routingKey, [routingKey], stopping).ConfigureAwait(false);
            }
            catch (Exception)
            {
                _declared.Remove(routingKey);
                throw;
            }
        }
    }

    private string Declaring(string routingKey) =>
        $"declare exchange '{_options.ControlExchange}' and queue '{routingKey}' with durable={_options.EffectiveDurable()}, auto_delete={_options.Broker.AutoDelete}, quorum={_options.Broker.QuorumQueue}";

    private void OnConfirmed(PendingDelivery message)
    {
        _inFlight.Release();
        _buffer.Confirmed(message);
    }

    private void OnFailed(PendingDelivery message, Exception error)
    {
        _inFlight.Release();
        _buffer.Failed(message, error.Message, error);
    }

    [LoggerMessage(8, LogLevel.Warning, "Cannot open a channel on {Url}; trying again")]
    private static partial void LogChannelFailed(ILogger logger, Exception error, string url);
}
