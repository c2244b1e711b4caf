using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;

namespace VersionedNotifications.Qpid;

/// <summary>
/// oslo.messaging's <c>transport_url</c> for its AMQP 1.0 driver, read as oslo reads it:
/// <c>amqp://user:pass@host1:port1,user:pass@host2:port2/virtual_host</c>. Hosts are split at commas (the
/// driver fails over from one to the next), the credentials at the last <c>@</c> and the first <c>:</c>,
/// user, password and virtual host are percent-decoded, a missing port is 5672, missing credentials mean
/// SASL ANONYMOUS (oslo's amqp1 driver has no default user), and a URL with no host means <c>localhost</c>.
/// The virtual host goes into the addresses (oslo's <c>pseudo_vhost</c>).
/// </summary>
public sealed class AmqpTransportUrl
{
    /// <summary>The port of a host that names none.</summary>
    public const int DefaultPort = OsloTransportUrl.DefaultPort;

    private AmqpTransportUrl(IReadOnlyList<TransportHost> hosts, string? virtualHost)
    {
        Hosts = hosts;
        VirtualHost = virtualHost;
    }

    /// <summary>The peers, in the order written (at least one: <c>localhost:5672</c> when the URL names none).</summary>
    public IReadOnlyList<TransportHost> Hosts { get; }

    /// <summary>The path after the first <c>/</c>, percent-decoded; <see langword="null"/> when it is empty or missing.</summary>
    public string? VirtualHost { get; }

    /// <summary>Reads a transport URL.</summary>
    /// <exception cref="FormatException">It is not an <c>amqp://</c> transport URL; the message says where and why.</exception>
    public static AmqpTransportUrl Parse(string url) => OsloTransportUrl.Parse<AmqpTransportUrl>(url, TryParse);

    /// <summary>Reads a transport URL, or says where and why it is not one (the password never appears in the reason).</summary>
    public static bool TryParse(string? url, [NotNullWhen(true)] out AmqpTransportUrl? parsed, out string error)
    {
        parsed = null;
        if (!OsloTransportUrl.TryParse(url, "amqp", out var oslo, out error))
        {
            return false;
        }

        if (oslo.Scheme != "amqp")
        {
            error = oslo.Scheme is "rabbit" or "kombu"
                ? $"{oslo.Scheme}:// is oslo's RabbitMQ (AMQP 0-9-1) transport: use the messagingv2 driver of VersionedNotifications.RabbitMQ for it, or write amqp:// for AMQP 1.0"
                : $"the scheme '{oslo.Scheme}' is not an AMQP 1.0 transport; write amqp://";
            return false;
        }

        // No user name means SASL ANONYMOUS; an empty path, no virtual host.
        var hosts = oslo.Hosts.Select(h => string.IsNullOrEmpty(h.UserName) ? h with { UserName = null } : h).ToArray();
        parsed = new AmqpTransportUrl(hosts, string.IsNullOrEmpty(oslo.Path) ? null : oslo.Path);
        error = string.Empty;
        return true;
    }

    /// <summary>The URL as it reads in logs and errors: every host without its password, and the virtual host.</summary>
    public override string ToString() => "amqp://" + string.Join(",", Hosts) + "/" + (VirtualHost is null ? string.Empty : Uri.EscapeDataString(VirtualHost));

    /// <summary>A transport URL for messages: the parsed form with the password hidden, or a placeholder when it does not parse.</summary>
    internal static string Describe(string transportUrl) => TryParse(transportUrl, out var url, out _) ? url.ToString() : "(an invalid transport URL)";
}
