using RabbitMQ.Client;
using VersionedNotifications.RabbitMQ.Tests.Infrastructure;

namespace VersionedNotifications.RabbitMQ.Tests.Cluster;

/// <summary>
/// The real three-node RabbitMQ cluster the cluster tests share. <c>./test.sh</c> starts one with
/// tests/interop/rabbitmq-cluster.sh and passes its URL as <c>VN_RABBIT_CLUSTER_URL</c> and its state folder as
/// <c>VN_RABBIT_CLUSTER_DIR</c> (for stopping and starting a node). Run alone, the fixture starts its own through
/// the same script (about half a minute) and stops it afterwards; without rabbitmq-server it fails, saying so.
/// </summary>
public sealed class RabbitMQCluster : IAsyncLifetime
{
    private const string Server = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private string? _ownedDirectory;

    /// <summary>The multi-host transport URL of the three nodes, in node order.</summary>
    public string Url { get; private set; } = string.Empty;

    /// <summary>The cluster's state folder.</summary>
    public string? Directory { get; private set; }

    /// <summary>The nodes' hosts, node 1 first.</summary>
    public IReadOnlyList<TransportHost> Nodes => TransportUrl.Parse(Url).Hosts;

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("VN_RABBIT_CLUSTER_URL") is { Length: > 0 } url)
        {
            Url = url;
            Directory = Environment.GetEnvironmentVariable("VN_RABBIT_CLUSTER_DIR");
            return;
        }

        if (!File.Exists(Server))
        {
            throw new InvalidOperationException(
                "The cluster tests need rabbitmq-server and no cluster is given: run ./test.sh, which installs it and starts a throw-away three-node cluster (VN_RABBIT_CLUSTER_URL), "
                + "or install rabbitmq-server (apt-get install rabbitmq-server) so that the tests start their own.");
        }

        _ownedDirectory = System.IO.Directory.CreateTempSubdirectory("vn-cluster-").FullName;
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

    /// <summary>The node (1, 2 or 3) listening on <paramref name="port"/>.</summary>
    public int NodeOf(int port) => Nodes.Select((host, index) => (host, index)).Single(n => n.host.Port == port).index + 1;

    /// <summary>A transport URL naming every node but <paramref name="node"/>.</summary>
    public string UrlWithout(int node) =>
        "rabbit://" + string.Join(",", Nodes.Where((_, index) => index + 1 != node).Select(h => $"guest:guest@{h.HostName}:{h.Port}")) + "/";

    /// <summary>Stops node <paramref name="node"/> (a graceful stop, as an operator's or a failing host's), leaving its state.</summary>
    public Task StopNodeAsync(int node) => RunScriptAsync("down", node);

    /// <summary>Starts node <paramref name="node"/> again after <see cref="StopNodeAsync"/>; it rejoins the cluster.</summary>
    public Task StartNodeAsync(int node) => RunScriptAsync("up", node);

    /// <summary>A plain RabbitMQ.Client connection to <paramref name="node"/>, to look at the cluster as a third party.</summary>
    public Task<IConnection> ConnectAsync(int node)
    {
        var host = Nodes[node - 1];
        return new ConnectionFactory { HostName = host.HostName, Port = host.Port, UserName = "guest", Password = "guest" }.CreateConnectionAsync();
    }

    private Task<string> RunScriptAsync(string command, int? node = null)
    {
        if (Directory is null)
        {
            throw new InvalidOperationException("VN_RABBIT_CLUSTER_URL is set without VN_RABBIT_CLUSTER_DIR, so its nodes cannot be stopped and started: run ./test.sh, which sets both.");
        }

        string[] arguments = node is { } n ? [command, Directory, n.ToString(System.Globalization.CultureInfo.InvariantCulture)] : [command, Directory];
        return BrokerScript.RunAsync("rabbitmq-cluster.sh", arguments, TimeSpan.FromMinutes(5));
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<RabbitMQCluster>
{
    /// <summary>Every test on the cluster is in this collection: one cluster start for all, one test at a time (the failover tests stop nodes).</summary>
    public const string Name = "cluster";
}
