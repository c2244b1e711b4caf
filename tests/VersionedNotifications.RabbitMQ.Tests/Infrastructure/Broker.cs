using RabbitMQ.Client;

namespace VersionedNotifications.RabbitMQ.Tests.Infrastructure;

/// <summary>
/// The real RabbitMQ these tests talk to. <c>./test.sh</c> starts one with tests/interop/rabbitmq.sh and
/// passes it as <c>VN_RABBIT_URL</c> (and its state folder as <c>VN_RABBIT_DIR</c>, for the restart of the
/// fault test). Run alone (<c>dotnet test</c>), the fixture starts its own through the same script and
/// stops it afterwards; without rabbitmq-server installed it fails, saying so: it never skips.
/// </summary>
public sealed class Broker : IAsyncLifetime
{
    private const string Server = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private string? _ownedDirectory;

    public string Url { get; private set; } = string.Empty;

    /// <summary>The broker's state folder, for restarts.</summary>
    public string? Directory { get; private set; }

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("VN_RABBIT_URL") is { Length: > 0 } url)
        {
            Url = url;
            Directory = Environment.GetEnvironmentVariable("VN_RABBIT_DIR");
            return;
        }

        if (!File.Exists(Server))
        {
            throw new InvalidOperationException(
                "These tests need a real RabbitMQ and none is given: run ./test.sh, which installs rabbitmq-server and starts a throw-away broker (VN_RABBIT_URL), "
                + "or install rabbitmq-server (apt-get install rabbitmq-server) so that the tests start their own.");
        }

        _ownedDirectory = System.IO.Directory.CreateTempSubdirectory("vn-rabbit-").FullName;
        Directory = _ownedDirectory;
        Url = (await RunScriptAsync("start")).Trim();
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
            throw new InvalidOperationException("VN_RABBIT_URL is set without VN_RABBIT_DIR, so the broker cannot be stopped and started: run ./test.sh, which sets both.");
        }

        return RunScriptAsync(command);
    }

    /// <summary>A plain RabbitMQ.Client connection, to look at the broker as a third party.</summary>
    public Task<IConnection> ConnectAsync()
    {
        var url = TransportUrl.Parse(Url);
        var host = url.Hosts[0];
        return new ConnectionFactory { HostName = host.HostName, Port = host.Port, UserName = url.UserName, Password = url.Password, VirtualHost = url.EffectiveVirtualHost }
            .CreateConnectionAsync();
    }

    private Task<string> RunScriptAsync(string command) => BrokerScript.RunAsync(command, Directory!);
}

[CollectionDefinition(Name)]
public sealed class BrokerCollection : ICollectionFixture<Broker>
{
    /// <summary>Every test that uses the broker is in this collection, so they run one after another (the fault test restarts it).</summary>
    public const string Name = "broker";
}
