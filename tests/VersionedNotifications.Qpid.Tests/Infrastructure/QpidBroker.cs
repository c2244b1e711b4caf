
namespace VersionedNotifications.Qpid.Tests.Infrastructure;

/// <summary>
/// The real AMQP 1.0 peer these tests talk to: the throw-away RabbitMQ of tests/interop/rabbitmq.sh, which
/// enables the rabbitmq_amqp1_0 plugin on its one port. <c>./test.sh</c> starts one for these tests alone
/// (the RabbitMQ tests restart theirs while these run) and passes it as <c>VN_QPID_BROKER_URL</c> (and its
/// state folder as <c>VN_QPID_BROKER_DIR</c>, for the restart of the fault test); run
/// alone, the fixture starts its own through the same script and stops it afterwards. Without
/// rabbitmq-server installed it fails, saying so: it never skips.
/// </summary>
public sealed class QpidBroker : IAsyncLifetime
{
    private const string Server = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private string? _ownedDirectory;

    /// <summary>The broker as an oslo AMQP 1.0 transport URL: <c>amqp://guest:guest@127.0.0.1:PORT/</c>.</summary>
    public string AmqpUrl { get; private set; } = string.Empty;

    public string? Directory { get; private set; }

    public async Task InitializeAsync()
    {
        string rabbitUrl;
        if (Environment.GetEnvironmentVariable("VN_QPID_BROKER_URL") is { Length: > 0 } url)
        {
            rabbitUrl = url;
            Directory = Environment.GetEnvironmentVariable("VN_QPID_BROKER_DIR");
        }
        else
        {
            if (!File.Exists(Server))
            {
                throw new InvalidOperationException(
                    "These tests need a real RabbitMQ with its AMQP 1.0 plugin and none is given: run ./test.sh, which installs rabbitmq-server and starts a throw-away broker (VN_QPID_BROKER_URL), "
                    + "or install rabbitmq-server (apt-get install rabbitmq-server) so that the tests start their own.");
            }

            _ownedDirectory = System.IO.Directory.CreateTempSubdirectory("vn-qpid-").FullName;
            Directory = _ownedDirectory;
            rabbitUrl = (await RunScriptAsync("start")).Trim();
        }

        // oslo's amqp1 driver in the Python peers: its default addressing_mode (dynamic) picks routable
        // addresses for any peer but qpidd, which RabbitMQ's plugin refuses; an oslo service on RabbitMQ sets
        // legacy, and so do the peers, through oslo.config's environment source (the peers inherit it).
        Environment.SetEnvironmentVariable("OS_OSLO_MESSAGING_AMQP__ADDRESSING_MODE", "legacy");

        // The plugin serves AMQP 1.0 on the broker's AMQP port, with the same users.
        AmqpUrl = "amqp://" + rabbitUrl[(rabbitUrl.IndexOf("://", StringComparison.Ordinal) + 3)..].TrimEnd('/') + "/";
    }

    public async Task DisposeAsync()
    {
        if (_ownedDirectory is not null)
        {
            await RunScriptAsync("stop");
            System.IO.Directory.Delete(_ownedDirectory, recursive: true);
        }
    }

    /// <summary>Stops the broker (its state stays), as an outage does.</summary>
    public Task StopServerAsync() => RunOnOwnStateAsync("down");

    /// <summary>Starts the broker again on the same port and state after <see cref="StopServerAsync"/>, and waits until it answers.</summary>
    public Task StartServerAsync() => RunOnOwnStateAsync("up");

    private Task<string> RunOnOwnStateAsync(string command)
    {
        if (Directory is null)
        {
            throw new InvalidOperationException("VN_QPID_BROKER_URL is set without VN_QPID_BROKER_DIR, so the broker cannot be stopped and started: run ./test.sh, which sets both.");
        }

        return RunScriptAsync(command);
    }

    private Task<string> RunScriptAsync(string command) => BrokerScript.RunAsync(command, Directory!);
}

[CollectionDefinition(Name)]
public sealed class QpidBrokerCollection : ICollectionFixture<QpidBroker>
{
    /// <summary>Every test that uses the broker is in this collection, so they run one after another (the fault test restarts it).</summary>
    public const string Name = "qpid broker";
}
