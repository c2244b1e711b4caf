using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Channels;
using Amqp;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Qpid;

/// <summary>
/// Consumes notifications over AMQP 1.0 as oslo.messaging's amqp1 notification listener does (one receiver
/// link per <c>&lt;topic&gt;.&lt;priority&gt;</c> address), reads each with the typed reader and hands it to a
/// <see cref="NotificationDispatcher"/>, through the transport core's <see cref="ListenerPipeline"/> as on RabbitMQ.
/// A message is settled as accepted after its handlers succeed; when one throws, it is released (delivered
/// again) or rejected (<see cref="QpidNotificationListenerOptions.OnFailure"/>). Messages outside the event type
/// and publisher filters are accepted unread by handlers. A message no typed handler can take is logged (a few
/// lines a minute), counted by reason, and accepted or rejected (<see cref="NotificationListenerOptions.OnUnreadable"/>). Delivery is at
/// least once: after a lost connection, which is made again by itself, the peer delivers again what was not
/// settled. Use it alone (<see cref="StartAsync"/>, <see cref="StopAsync"/>) or hosted
/// (<c>AddQpidNotificationListener</c>, which runs it as VersionedNotifications.Extensions.Hosting's <c>NotificationListenerService</c>).
/// </summary>
public sealed partial class QpidNotificationListener : NotificationTransportListener, IAmqpConnectionHandler
{
    private readonly QpidNotificationListenerOptions _options;
    private readonly QpidDeliverySettler _settler;
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
        QpidNotificationListenerOptions options, NotificationReader reader, NotificationDispatcher dispatcher, ILogger<QpidNotificationListener>? logger = null, IMeterFactory? meterFactory = null)
        : base(options, QpidMetrics.Transport, AmqpTransportUrl.Describe, reader, dispatcher, logger, meterFactory)
    {
        _options = options;
        _settler = new QpidDeliverySettler(Pipeline, Logger);
    }

    /// <summary>The addresses listened on, once started (they depend on the peer when <see cref="QpidBrokerOptions.Addressing"/> is dynamic).</summary>
    public IReadOnlyList<string> Addresses => _addresses;

    /// <summary>
    /// Connects and attaches a receiver to every address, and completes once the peer has attached them all.
    /// Once started, the connection is made again by itself after a loss and the receivers attached again.
    /// </summary>
    /// <exception cref="BrokerUnavailableException">The peer cannot be reached, or refused a link; the message says why.</exception>
    /// <exception cref="InvalidOperationException">The listener is already started.</exception>
    public override async Task StartAsync(CancellationToken cancellationToken = default)
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
        _connection = new AmqpConnection(_options, "listener", this, Logger);
        var inbox = _inbox.Reader;
        _workers = Enumerable.Range(0, _options.MaxConcurrency).Select(_ => Task.Run(() => WorkAsync(inbox))).ToArray();
        _connection.Start();
        try
        {
            await _ready.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            LogStarted(Logger, Url, string.Join(", ", Addresses));
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
    public override async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_connection is null)
        {
            return;
        }

        await CloseAsync(cancellationToken).ConfigureAwait(false);
        LogStopped();
    }

    private protected override void DisposeTransport() => _stopping.Dispose();

    void IAmqpConnectionHandler.OnOpened(AmqpLinks links, NotificationAddresses addresses)
    {
        var all = _options.TopicsAndPriorities.Select(addresses.For).ToArray();
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
        _ready.TrySetException(new BrokerUnavailableException($"Cannot listen on {Url}: {reason}"));
    }

    void IAmqpConnectionHandler.OnRefused(string refusal)
    {
        // Before the start completes, StartAsync throws it (the host stops trying); once listening, nothing more will come.
        if (!_ready.TrySetException(new BrokerRefusedException($"Cannot listen on {Url}: {refusal}")))
        {
            LogRefused(Logger, Url, refusal);
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
            LogUndecodable(Logger, receiver.Address, problem);
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
        var verdict = await Pipeline.ProcessAsync(OsloAmqpBody.Unwrap(message.Body), message.Address, _stopping.Token).ConfigureAwait(false);

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

    [LoggerMessage(4, LogLevel.Warning, "A message from {Address} cannot be read as AMQP ({Problem}); it goes to the reader as raw bytes")]
    private static partial void LogUndecodable(ILogger logger, string address, string problem);
}
