using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using VersionedNotifications.Qpid.Native;
using static VersionedNotifications.Qpid.Native.Proton;

namespace VersionedNotifications.Qpid;

/// <summary>What a <see cref="ProtonConnection"/> tells its owner, always on the connection's own thread.</summary>
internal interface IProtonConnectionHandler
{
    /// <summary>The peer opened the connection: <paramref name="session"/> is open for links, and <paramref name="addresses"/> follow the mode resolved for this peer.</summary>
    void OnOpened(nint session, NotificationAddresses addresses);

    /// <summary>The peer attached <paramref name="link"/>.</summary>
    void OnLinkOpened(nint link);

    /// <summary>The peer gave <paramref name="link"/> credit.</summary>
    void OnFlow(nint link);

    /// <summary>A delivery arrived, or the peer settled or updated one.</summary>
    void OnDelivery(nint delivery);

    /// <summary>The connection is gone (it will be made again unless stopping): every pointer into it is invalid from now on.</summary>
    void OnClosed(string reason);
}

/// <summary>
/// One AMQP 1.0 connection, made again after every loss, served by one dedicated thread that runs a Proton
/// proactor: Proton's objects are not thread-safe, so everything that touches them runs on that thread.
/// Other threads hand it work with <see cref="Post"/>. Work runs in the connection's own event batch (woken
/// by <c>pn_connection_wake</c>), since the proactor writes what a batch did to the connection only when that
/// connection's batch is done; between connections it runs in a proactor batch (<c>pn_proactor_interrupt</c>). Links live in one
/// session; the peer closing a link or the session closes the connection, which is then made again, to the
/// next host of the URL, after <see cref="QpidConnectionOptions.RecoveryInterval"/> doubled per failure.
/// </summary>
internal sealed partial class ProtonConnection
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    private readonly QpidConnectionOptions _options;
    private readonly AmqpTransportUrl _url;
    private readonly string _role;
    private readonly IProtonConnectionHandler _handler;
    private readonly ILogger _logger;
    private readonly ProactorHandle _proactor;
    private readonly ConcurrentQueue<Action> _work = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread _thread;
    private readonly object _connectionLock = new();
    private int _wakePending;

    // Owned by the connection's thread.
    private nint _connection;
    private nint _session;
    private string? _closeReason;
    private bool _opened;
    private bool _stopping;
    private bool _finished;
    private int _attempt;
    private int _failures;

    public ProtonConnection(QpidConnectionOptions options, string role, IProtonConnectionHandler handler, ILogger logger)
    {
        ProtonLibrary.EnsureLoaded();
        _options = options;
        _url = AmqpTransportUrl.Parse(options.TransportUrl);
        _role = role;
        _handler = handler;
        _logger = logger;
        Url = _url.ToString();
        _proactor = pn_proactor();
        _thread = new Thread(Run) { IsBackground = true, Name = $"Qpid Proton ({role})" };
    }

    /// <summary>The URL, without passwords, for messages.</summary>
    public string Url { get; }

    /// <summary>Connects on the connection's thread.</summary>
    public void Start() => _thread.Start();

    /// <summary>Runs <paramref name="work"/> on the connection's thread, in the order posted.</summary>
    public void Post(Action work)
    {
        _work.Enqueue(work);
        if (Interlocked.Exchange(ref _wakePending, 1) == 0)
        {
            Wake();
        }
    }

    /// <summary>
    /// Closes the connection (after the work posted before), waits for the peer's close (at most 5 s, then
    /// drops the socket), and frees the proactor. Completes when the thread has ended.
    /// </summary>
    public Task StopAsync()
    {
        if (!_thread.IsAlive && _thread.ThreadState.HasFlag(ThreadState.Unstarted))
        {
            _proactor.Dispose();
            _stopped.TrySetResult();
            return _stopped.Task;
        }

        Post(BeginStop);
        return _stopped.Task;
    }

    private void Run()
    {
        try
        {
            Connect();
            while (!_finished)
            {
                var batch = pn_proactor_wait(_proactor);
                nint @event;
                while ((@event = pn_event_batch_next(batch)) != 0)
                {
                    try
                    {
                        Handle(@event);
                    }
                    catch (Exception error)
                    {
                        LogHandlerFault(_logger, error, _role, Url);
                    }
                }

                pn_proactor_done(_proactor, batch);
            }
        }
        finally
        {
            _proactor.Dispose();
            _stopped.TrySetResult();
        }
    }

    private void Handle(nint @event)
    {
        switch (pn_event_type(@event))
        {
            case ProtonEventType.ProactorInterrupt:
                OnInterrupt();
                break;
            case ProtonEventType.ConnectionWake:
                RunWork();
                break;
            case ProtonEventType.ProactorTimeout:
                if (_stopping)
                {
                    pn_proactor_disconnect(_proactor, 0);
                }
                else if (_connection == 0)
                {
                    Connect();
                }

                break;
            case ProtonEventType.ConnectionInit:
                var connection = pn_event_connection(@event);
                pn_connection_open(connection);
                _session = pn_session(connection);
                pn_session_open(_session);
                break;
            case ProtonEventType.ConnectionRemoteOpen:
                OnRemoteOpen();
                break;
            case ProtonEventType.ConnectionRemoteClose:
                CloseFor(DescribeCondition(pn_connection_remote_condition(pn_event_connection(@event))) is { } why ? "the peer closed the connection: " + why : "the peer closed the connection");
                break;
            case ProtonEventType.SessionRemoteClose:
                CloseFor("the peer ended the session" + Because(pn_session_remote_condition(pn_event_session(@event))));
                break;
            case ProtonEventType.LinkRemoteClose or ProtonEventType.LinkRemoteDetach:
                var link = pn_event_link(@event);
                CloseFor($"the peer detached link '{ReadString(pn_link_name(link))}'" + Because(pn_link_remote_condition(link)));
                break;
            case ProtonEventType.LinkRemoteOpen:
                _handler.OnLinkOpened(pn_event_link(@event));
                break;
            case ProtonEventType.LinkFlow:
                _handler.OnFlow(pn_event_link(@event));
                break;
            case ProtonEventType.Delivery:
                _handler.OnDelivery(pn_event_delivery(@event));
                break;
            case ProtonEventType.TransportError:
                _closeReason ??= DescribeCondition(pn_transport_condition(pn_event_transport(@event)));
                break;
            case ProtonEventType.TransportClosed:
                OnTransportClosed();
                break;
            case ProtonEventType.ProactorInactive when _stopping:
                _finished = true;
                break;
        }
    }

    /// <summary>Wakes the connection, so posted work runs in its batch; without one, the proactor.</summary>
    private void Wake()
    {
        // The connection's thread clears the pointer under the lock before Proton frees the connection.
        lock (_connectionLock)
        {
            if (_connection != 0)
            {
                pn_connection_wake(_connection);
            }
            else
            {
                pn_proactor_interrupt(_proactor);
            }
        }
    }

    /// <summary>Work posted while there was no connection: run it now, or in the batch of the connection made since.</summary>
    private void OnInterrupt()
    {
        if (_connection != 0)
        {
            pn_connection_wake(_connection);
        }
        else
        {
            RunWork();
        }
    }

    private void RunWork()
    {
        Volatile.Write(ref _wakePending, 0);
        while (_work.TryDequeue(out var work))
        {
            work();
        }
    }

    private unsafe void Connect()
    {
        var host = _url.Hosts[_attempt++ % _url.Hosts.Count];
        _closeReason = null;
        _opened = false;
        var connection = pn_connection();
        pn_connection_set_container(connection, _options.ContainerId ?? $"versioned-notifications-{_role}-{Guid.NewGuid():N}");
        pn_connection_set_hostname(connection, host.HostName);
        if (host.UserName is { } user)
        {
            pn_connection_set_user(connection, user);
            if (host.Password is { } password)
            {
                pn_connection_set_password(connection, password);
            }
        }

        var transport = pn_transport();
        // Plain credentials over a connection without TLS, as oslo's amqp1 driver sends them (its ssl options are not supported here).
        pn_sasl_set_allow_insecure_mechs(pn_sasl(transport), true);
        if (_options.IdleTimeout > TimeSpan.Zero)
        {
            pn_transport_set_idle_timeout(transport, (uint)_options.IdleTimeout.TotalMilliseconds);
        }

        var address = stackalloc byte[512];
        pn_proactor_addr(address, 512, host.HostName, host.Port.ToString(CultureInfo.InvariantCulture));
        pn_proactor_connect2(_proactor, connection, transport, address);
        lock (_connectionLock)
        {
            _connection = connection;
        }
    }

    private void OnRemoteOpen()
    {
        _opened = true;
        _failures = 0;
        var product = ReadProduct(pn_connection_remote_properties(_connection));
        var mode = NotificationAddresses.Resolve(_options.Addressing, product);
        LogConnected(_logger, _role, Url, product ?? "an unnamed peer", mode);
        _handler.OnOpened(_session, new NotificationAddresses(_options, mode, _url.VirtualHost));
    }

    private void OnTransportClosed()
    {
        var reason = _closeReason ?? (_opened ? "the connection closed" : "the connection could not be made");
        var wasOpen = _opened;
        lock (_connectionLock)
        {
            _connection = 0;
        }

        _session = 0;
        _opened = false;
        _handler.OnClosed(reason);

        // A wake sent to the closed connection will not come; what was posted runs now, without a connection.
        RunWork();
        if (_stopping)
        {
            _finished = true;
            return;
        }

        _failures++;
        var delay = TimeSpan.FromTicks(Math.Min(_options.RecoveryInterval.Ticks << Math.Min(_failures - 1, 10), MaxBackoff.Ticks));
        if (wasOpen)
        {
            LogConnectionLost(_logger, _role, Url, reason, delay);
        }
        else
        {
            LogUnreachable(_logger, _role, Url, reason, delay);
        }

        pn_proactor_set_timeout(_proactor, (uint)delay.TotalMilliseconds);
    }

    /// <summary>Closes the connection because the peer closed part of it; it is made again once closed.</summary>
    private void CloseFor(string reason)
    {
        _closeReason ??= reason;
        if (_connection != 0)
        {
            pn_connection_close(_connection);
        }
    }

    private void BeginStop()
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        if (_connection == 0)
        {
            pn_proactor_cancel_timeout(_proactor);
            _finished = true;
            return;
        }

        _closeReason ??= "the connection was closed";
        pn_connection_close(_connection);
        pn_proactor_set_timeout(_proactor, (uint)CloseTimeout.TotalMilliseconds);
    }

    private static string Because(nint condition) => DescribeCondition(condition) is { } why ? ": " + why : string.Empty;

    /// <summary>The <c>product</c> of the peer's open properties (<c>RabbitMQ</c>, <c>qpid-cpp</c>, <c>qpid-dispatch-router</c>), if it sends one.</summary>
    private static string? ReadProduct(nint properties)
    {
        if (properties == 0)
        {
            return null;
        }

        pn_data_rewind(properties);
        if (!pn_data_next(properties) || pn_data_type(properties) != PN_MAP || !pn_data_enter(properties))
        {
            return null;
        }

        while (pn_data_next(properties))
        {
            var isProduct = ReadText(properties) == "product";
            if (!pn_data_next(properties))
            {
                return null;
            }

            if (isProduct)
            {
                return ReadText(properties);
            }
        }

        return null;
    }

    private static string? ReadText(nint data) => pn_data_type(data) switch
    {
        PN_SYMBOL => System.Text.Encoding.UTF8.GetString(pn_data_get_symbol(data).AsSpan()),
        PN_STRING => System.Text.Encoding.UTF8.GetString(pn_data_get_string(data).AsSpan()),
        _ => null,
    };

    [LoggerMessage(101, LogLevel.Information, "The {Role} connected to {Url} ({Product}); addresses are {Mode}")]
    private static partial void LogConnected(ILogger logger, string role, string url, string product, QpidAddressingMode mode);

    [LoggerMessage(102, LogLevel.Warning, "The {Role} lost the connection to {Url} ({Reason}); connecting again in {Delay}")]
    private static partial void LogConnectionLost(ILogger logger, string role, string url, string reason, TimeSpan delay);

    [LoggerMessage(103, LogLevel.Warning, "The {Role} cannot reach {Url} ({Reason}); trying again in {Delay}")]
    private static partial void LogUnreachable(ILogger logger, string role, string url, string reason, TimeSpan delay);

    [LoggerMessage(104, LogLevel.Error, "A fault in the {Role}'s handling of a Proton event on {Url}")]
    private static partial void LogHandlerFault(ILogger logger, Exception error, string role, string url);
}
