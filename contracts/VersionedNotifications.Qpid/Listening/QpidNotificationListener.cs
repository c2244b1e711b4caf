using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Amqp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Qpid;

/// <summary>
/// Consumes notifications over AMQP 1.0 as oslo.messaging's amqp1 notification listener does (one receiver
/// link per <c>&lt;topic&gt;.&lt;priority&gt;</c> address), reads each with the typed reader and hands it to a
/// <see cref="NotificationDispatcher"/>, through the transport core's <see cref="ListenerPipeline"/> as on RabbitMQ.
/// A message is settled as accepted after its handlers succeed; when one throws, it is released (delivered
/// again) or rejected (<see cref="QpidNotificationListenerOptions.OnFailure"/>). Messages outside the event type
/// and publisher filters are accepted unread by handlers. A message no typed handler can take is logged (a few
/// lines a minute), counted by reason, and accepted or rejected (<see cref="QpidNotificationListenerOptions.OnUnreadable"/>). Delivery is at
/// least once: after a lost connection, which is made again by itself, the peer delivers again what was not
/// settled. Use it alone (<see cref="StartAsync"/>, <see cref="StopAsync"/>) or hosted
/// (<c>AddQpidNotificationListener</c>, which runs it as VersionedNotifications.Extensions.Hosting's <c>NotificationListenerService</c>).
/// </summary>
public sealed partial class QpidNotificationListener : INotificationListener, IAsyncDisposable, IAmqpConnectionHandler
{
    private readonly QpidNotificationListenerOptions _options;
    private readonly ListenerPipeline _pipeline;
    private readonly QpidDeliverySettler _settler;
    private readonly string _url;
    private readonly ILogger _logger;
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private AmqpConnection? _connection;
    private Channel<InboundMessage>? _inbox;
    private Task[] _workers = [];
    private CancellationTokenSource _stopping = new();
    private TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _draining;
    private volatile string[] _addresses = [];

    // Owned by the connection's SerialWork.
    private long _generation;
    private int _unattached;

    /// <summary>A listener that reads with <paramref name="reader"/> and dispatches with <paramref name="dispatcher"/> (built on the same contracts).</summary>
    /// <exception cref="ArgumentException">The options are not valid; the message lists every problem.</exception>
    public QpidNotificationListener(
        QpidNotificationListenerOptions options,
        NotificationReader reader,
        NotificationDispatcher dispatcher,
        ILogger<QpidNotificationListener>? logger = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(dispatcher);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("The listener options are not valid: " + string.Join("; ", errors), nameof(options));
        }

        _options = options;
        _url = AmqpTransportUrl.Describe(options.TransportUrl);
        _logger = logger ?? NullLogger<QpidNotificationListener>.Instance;
        _pipeline = new ListenerPipeline(reader, dispatcher, new NotificationFilter(options.EventTypes, options.Publishers), options.Policy, _logger);
        _settler = new QpidDeliverySettler(_pipeline, _logger);
        _ownsMeter = meterFactory is null;
        _meter = NotifierMetrics.CreateMeter(meterFactory);
        TransportMetrics.RegisterListener(_meter, QpidMetrics.Transport, Statistics);
    }

    /// <summary>What the listener did so far: received, handled, handled by fallback, skipped, unreadable by reason, discarded, requeued (released), rejected.</summary>
    public NotificationListenerStatistics Statistics => _pipeline.Statistics;

    /// <summary>The addresses listened on, once started (they depend on the peer when <see cref="QpidConnectionOptions.Addressing"/> is dynamic).</summary>
    public IReadOnlyList<string> Addresses => _addresses;

    /// <summary>
    /// Connects and attaches a receiver to every address, and completes once the peer has attached them all.
    /// Once started, the connection is made again by itself after a loss and the receivers attached again.
    /// </summary>
    /// <exception cref="BrokerUnavailableException">The peer cannot be reached, or refused a link; the message says why.</exception>
    /// <exception cref="InvalidOperationException">The listener is already started.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_connection is not null)
        {
            throw new InvalidOperationException("The listener is already started.");
        }

        if (_stopping.IsCancellationRequested)
        {
            _stopping.Dispose();
            _stopping = new CancellationTokenSource();
        }

        _draining = false;
        _ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _inbox = Channel.CreateUnbounded<InboundMessage>(new UnboundedChannelOptions { SingleWriter = true });
        _connection = new AmqpConnection(_options, "listener", this, _logger);
        var inbox = _inbox.Reader;
        _workers = Enumerable.Range(0, _options.MaxConcurrency).Select(_ => Task.Run(() => WorkAsync(inbox))).ToArray();
        _connection.Start();
        try
        {
            await _ready.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            LogStarted(_logger, _url, string.Join(", ", Addresses));
        }
        catch
        {
            await CloseAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Stops taking messages, waits for the handlers running now (cancelling them when <paramref name="cancellationToken"/>
    /// fires), settles what they finished, and closes the connection: the peer delivers again what was not settled.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_connection is null)
        {
            return;
        }

        await CloseAsync(cancellationToken).ConfigureAwait(false);
        LogStopped(_logger, _url, Statistics.ToString(), _pipeline.TakeSuppressedLines());
    }

    /// <summary>Stops the listener, giving the running handlers 30 seconds.</summary>
    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            await StopAsync(timeout.Token).ConfigureAwait(false);
        }

        _stopping.Dispose();
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    void IAmqpConnectionHandler.OnOpened(AmqpLinks links, NotificationAddresses addresses)
    {
        var all = _options.Topics
            .SelectMany(topic => _options.Priorities.Distinct().Select(priority => addresses.For(topic + "." + PriorityNames.ToRoutingSuffix(priority))))
            .ToArray();
        var generation = _generation;
        _unattached = all.Length;
        _addresses = all;
        foreach (var address in all)
        {
            links.OpenReceiver(address, _options.DurableQueues, _options.Credit, () => OnAttached(generation), (receiver, message) => OnMessage(receiver, generation, message));
        }
    }

    void IAmqpConnectionHandler.OnClosed(string reason)
    {
        // Deliveries of the closed connection cannot be settled any more; the peer delivers them again.
        _generation++;
        _ready.TrySetException(new BrokerUnavailableException($"Cannot listen on {_url}: {reason}"));
    }

    void IAmqpConnectionHandler.OnRefused(string refusal)
    {
        // Before the start completes, StartAsync throws it (the host stops trying); once listening, nothing more will come.
        if (!_ready.TrySetException(new BrokerRefusedException($"Cannot listen on {_url}: {refusal}")))
        {
            LogRefused(_logger, _url, refusal);
        }
    }

    private void OnAttached(long generation)
    {
        if (generation == _generation && --_unattached == 0)
        {
            _ready.TrySetResult();
        }
    }

    private void OnMessage(NotificationReceiver receiver, long generation, Message message)
    {
        var body = AmqpMessageCodec.DecodeBody(message, out var problem);
        if (problem is not null)
        {
            LogUndecodable(_logger, receiver.Address, problem);
        }

        _inbox!.Writer.TryWrite(new InboundMessage(message, receiver, generation, receiver.Address, body ?? AmqpMessageCodec.EncodeWhole(message)));
    }

    private async Task WorkAsync(ChannelReader<InboundMessage> inbox)
    {
        await foreach (var message in inbox.ReadAllAsync().ConfigureAwait(false))
        {
            // Stopping: left unsettled, so the peer delivers it again once the connection is closed.
            if (!_draining)
            {
                await HandleAsync(message).ConfigureAwait(false);
            }
        }
    }

    private async Task HandleAsync(InboundMessage message)
    {
        var verdict = await _pipeline.ProcessAsync(OsloAmqpBody.Unwrap(message.Body), message.Address, _stopping.Token).ConfigureAwait(false);

        // Settled on the connection's SerialWork, where the receiver gives the link back the credit the message held.
        _connection?.Post(() => _settler.Settle(message.Receiver, message.Delivery, verdict, message.Generation == _generation));
    }

    private async Task CloseAsync(CancellationToken cancellationToken)
    {
        _draining = true;
        _inbox?.Writer.TryComplete();
        using (cancellationToken.Register(() => _stopping.Cancel()))
        {
            await Task.WhenAll(_workers).ConfigureAwait(false);
        }

        _stopping.Cancel();
        if (_connection is not null)
        {
            // Posted after every settle of the finished handlers, so those reach the peer before the close.
            await _connection.StopAsync().ConfigureAwait(false);
        }

        _connection = null;
        _inbox = null;
        _workers = [];
        _addresses = [];
    }

    /// <summary>A message taken off a receiver link, until it is settled on the connection that delivered it.</summary>
    private sealed record InboundMessage(Message Delivery, NotificationReceiver Receiver, long Generation, string Address, byte[] Body);

    [LoggerMessage(5, LogLevel.Error, "Stopped listening on {Url} for good: {Refusal}")]
    private static partial void LogRefused(ILogger logger, string url, string refusal);

    [LoggerMessage(1, LogLevel.Information, "Listening on {Url}, addresses {Addresses}")]
    private static partial void LogStarted(ILogger logger, string url, string addresses);

    [LoggerMessage(2, LogLevel.Information, "Stopped listening on {Url}: {Statistics}; {SuppressedLines} log line(s) about unreadable messages and failed handlers were left out")]
    private static partial void LogStopped(ILogger logger, string url, string statistics, long suppressedLines);

    [LoggerMessage(4, LogLevel.Warning, "A message from {Address} cannot be read as AMQP ({Problem}); it goes to the reader as raw bytes")]
    private static partial void LogUndecodable(ILogger logger, string address, string problem);
}
