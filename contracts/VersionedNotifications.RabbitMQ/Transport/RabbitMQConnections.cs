namespace VersionedNotifications.RabbitMQ;

/// <summary>
/// Connections made from a <see cref="TransportUrl"/>. RabbitMQ.Client's automatic recovery is off: it
/// reuses channel objects across connections (confirm sequence numbers and delivery tags restart under
/// the same channel) and can leave a consumer stuck behind deliveries of the dead connection. The driver
/// and the listener instead open a new connection and channels themselves and declare their topology again.
/// </summary>
internal static class RabbitMQConnections
{
    /// <summary>Connects to <paramref name="host"/>, one host of the options' transport URL, with the URL's credentials and virtual host.</summary>
    public static Task<IConnection> ConnectAsync(IRabbitMQConnectionOptions options, TransportHost host, string defaultName, CancellationToken cancellationToken)
    {
        var url = TransportUrl.Parse(options.TransportUrl);
        var factory = new ConnectionFactory
        {
            UserName = url.UserName,
            Password = url.Password,
            VirtualHost = url.EffectiveVirtualHost,
            AutomaticRecoveryEnabled = false,
            TopologyRecoveryEnabled = false,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(10),
            ClientProvidedName = options.Broker.ConnectionName ?? defaultName,
        };
        // One endpoint: which host comes next is the supervisor's failover strategy, not the client's list order.
        var endpoint = new AmqpTcpEndpoint(host.HostName, host.Port, new SslOption(host.HostName, enabled: options.Broker.UseTls));
        return factory.CreateConnectionAsync([endpoint], cancellationToken);
    }

    /// <summary>Closes the channels, then the connection (waiting at most 5 s for the broker); what is null was never opened.</summary>
    public static async Task CloseAsync(IConnection? connection, params IChannel?[] channels)
    {
        foreach (var channel in channels)
        {
            if (channel is not null)
            {
                await channel.DisposeAsync().ConfigureAwait(false);
            }
        }

        if (connection is not null)
        {
            await connection.CloseAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Gives up on a connection that is closed or no longer answers (a write that does not complete is how a
    /// broker that stopped reading looks): aborts it and disposes it, waiting at most 5 s in all, never throwing.
    /// </summary>
    public static async Task AbandonAsync(IConnection? connection, params IChannel?[] channels)
    {
        if (connection is null)
        {
            return;
        }

        async Task AbortAsync()
        {
            try
            {
                await connection.AbortAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
                foreach (var channel in channels)
                {
                    if (channel is not null)
                    {
                        await channel.DisposeAsync().ConfigureAwait(false);
                    }
                }

                await connection.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception)
            {
                // It is being thrown away: whatever it says on the way out changes nothing.
            }
        }

        await Task.WhenAny(AbortAsync(), Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);
    }

    /// <summary>A transport URL for messages: the parsed form with the password hidden, or the raw text when it does not parse.</summary>
    public static string Describe(string transportUrl) =>
        TransportUrl.TryParse(transportUrl, out var url, out _) ? url.ToString() : "(an invalid transport URL)";
}
