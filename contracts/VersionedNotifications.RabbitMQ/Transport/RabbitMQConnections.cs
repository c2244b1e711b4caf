using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using global::RabbitMQ.Client;

namespace VersionedNotifications.RabbitMQ;

/// <summary>Connections made from a <see cref="TransportUrl"/>, recovering themselves and their topology after a broker outage.</summary>
internal static class RabbitMQConnections
{
    public static Task<IConnection> ConnectAsync(RabbitMQConnectionOptions options, string defaultName, CancellationToken cancellationToken)
    {
        var url = TransportUrl.Parse(options.TransportUrl);
        var factory = new ConnectionFactory
        {
            UserName = url.UserName,
            Password = url.Password,
            VirtualHost = url.EffectiveVirtualHost,
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true,
            NetworkRecoveryInterval = options.RecoveryInterval,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(10),
            ClientProvidedName = options.ConnectionName ?? defaultName,
        };
        var endpoints = url.Hosts
            .Select(h => new AmqpTcpEndpoint(h.HostName, h.Port, new SslOption(h.HostName, enabled: options.UseTls)))
            .ToList();
        return factory.CreateConnectionAsync(endpoints, cancellationToken);
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

    /// <summary>A transport URL for messages: the parsed form with the password hidden, or the raw text when it does not parse.</summary>
    public static string Describe(string transportUrl) =>
        TransportUrl.TryParse(transportUrl, out var url, out _) ? url.ToString() : "(an invalid transport URL)";
}
