namespace VersionedNotifications.Tool.Tests.Infrastructure;

/// <summary>
/// A throw-away RabbitMQ (tests/interop/rabbitmq.sh, with its AMQP 1.0 plugin on the same port) for the listen and send
/// tests, started for these tests alone and stopped after them. It is not the broker of <c>VN_RABBIT_URL</c> or
/// <c>VN_QPID_BROKER_URL</c>: the fault tests of the RabbitMQ and AMQP 1.0 projects restart those while these run.
/// Without rabbitmq-server installed it fails, saying so: it never skips.
/// </summary>
public sealed class ToolBroker : IAsyncLifetime
{
    private const string Server = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private string _directory = string.Empty;

    /// <summary>The broker as oslo's RabbitMQ transport URL: <c>rabbit://guest:guest@127.0.0.1:PORT/</c>.</summary>
    public string RabbitUrl { get; private set; } = string.Empty;

    /// <summary>The same broker as oslo's AMQP 1.0 transport URL: <c>amqp://guest:guest@127.0.0.1:PORT/</c>.</summary>
    public string AmqpUrl { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Server))
        {
            throw new InvalidOperationException("The listen and send tests need a real RabbitMQ: install rabbitmq-server (apt-get install rabbitmq-server; ./test.sh does), and they start their own.");
        }

        _directory = Directory.CreateTempSubdirectory("vn-tool-rabbit-").FullName;
        RabbitUrl = (await RunScriptAsync("start")).Trim();
        AmqpUrl = "amqp://" + RabbitUrl[(RabbitUrl.IndexOf("://", StringComparison.Ordinal) + 3)..];
    }

    public async Task DisposeAsync()
    {
        await RunScriptAsync("stop");
        Directory.Delete(_directory, recursive: true);
    }

    // A hang catcher: the script itself gives the broker 90 s to answer.
    private Task<string> RunScriptAsync(string command) => BrokerScript.RunAsync("rabbitmq.sh", [command, _directory], TimeSpan.FromMinutes(5));
}

[CollectionDefinition(Name)]
public sealed class ToolBrokerCollection : ICollectionFixture<ToolBroker>
{
    public const string Name = "tool broker";
}
