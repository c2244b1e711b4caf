using System.Threading.Channels;

namespace VersionedNotifications.Qpid;

/// <summary>
/// Runs posted work one item at a time, in the order posted, on one worker task: the driver's and the
/// listener's state (links by address, unsettled messages, credit) is touched only there, so it needs no
/// locks. AMQPNetLite calls back on its I/O threads; every callback is posted here before it does anything.
/// </summary>
internal sealed partial class SerialWork
{
    private readonly Channel<Action> _work = Channel.CreateUnbounded<Action>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ILogger _logger;
    private readonly string _role;
    private readonly Task _worker;

    public SerialWork(string role, ILogger logger)
    {
        _role = role;
        _logger = logger;
        _worker = Task.Run(RunAsync);
    }

    /// <summary>Completes when everything posted before <see cref="Complete"/> has run.</summary>
    public Task Completion => _worker;

    /// <summary>Runs <paramref name="work"/> after what was posted before; ignored once completed.</summary>
    public void Post(Action work) => _work.Writer.TryWrite(work);

    /// <summary>Takes no more work; what was posted still runs.</summary>
    public void Complete() => _work.Writer.TryComplete();

    private async Task RunAsync()
    {
        await foreach (var work in _work.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                work();
            }
            catch (Exception error)
            {
                LogWorkFault(_logger, error, _role);
            }
        }
    }

    [LoggerMessage(104, LogLevel.Error, "A fault in the {Role}'s handling of an AMQP event")]
    private static partial void LogWorkFault(ILogger logger, Exception error, string role);
}
