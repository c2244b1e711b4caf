using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;

namespace VersionedNotifications.RabbitMQ;

/// <summary>
/// oslo.messaging's <c>transport_url</c> for RabbitMQ, read as oslo reads it:
/// <c>rabbit://user:pass@host1:port1,user:pass@host2:port2/virtual_host?query</c>. Hosts are split at
/// commas, the credentials at the last <c>@</c> and the first <c>:</c>, user, password and virtual host are
/// percent-decoded, a missing port is 5672, missing credentials are <c>guest</c>/<c>guest</c>, a URL with
/// no host means <c>localhost</c>, and an empty or missing path is the default virtual host <c>/</c>
/// (<c>rabbit://h//</c> and <c>rabbit://h/%2F</c> name it too).
/// </summary>
public sealed class TransportUrl
{
    /// <summary>The port of a host that names none.</summary>
    public const int DefaultPort = OsloTransportUrl.DefaultPort;

    /// <summary>The user name and password used when the URL gives none, as kombu does.</summary>
    public const string DefaultCredential = "guest";

    private TransportUrl(string scheme, IReadOnlyList<TransportHost> hosts, string? virtualHost, IReadOnlyDictionary<string, string> query)
    {
        Scheme = scheme;
        Hosts = hosts;
        VirtualHost = virtualHost;
        Query = query;
    }

    /// <summary>The scheme: <c>rabbit</c> or its alias <c>kombu</c>.</summary>
    public string Scheme { get; }

    /// <summary>The brokers, in the order written (at least one: <c>localhost:5672</c> when the URL names none).</summary>
    public IReadOnlyList<TransportHost> Hosts { get; }

    /// <summary>The path after the first <c>/</c>, percent-decoded; <see langword="null"/> when the URL has no path.</summary>
    public string? VirtualHost { get; }

    /// <summary>The virtual host connected to: <see cref="VirtualHost"/>, or <c>/</c> when it is empty or missing.</summary>
    public string EffectiveVirtualHost => string.IsNullOrEmpty(VirtualHost) ? "/" : VirtualHost;

    /// <summary>The user name connected with: the hosts', or <c>guest</c> when none is written (kombu's default).</summary>
    public string UserName => Effective(Hosts[0].UserName);

    /// <summary>The password connected with: the hosts', or <c>guest</c> when none is written (kombu's default).</summary>
    public string Password => Effective(Hosts[0].Password);

    /// <summary>The query parameters, repeated ones joined with commas as oslo does. oslo's rabbit driver reads none of them; neither does this one.</summary>
    public IReadOnlyDictionary<string, string> Query { get; }

    /// <summary>Reads a transport URL.</summary>
    /// <exception cref="FormatException">It is not a RabbitMQ transport URL; the message says where and why.</exception>
    public static TransportUrl Parse(string url) => OsloTransportUrl.Parse<TransportUrl>(url, TryParse);

    /// <summary>Reads a transport URL, or says where and why it is not one (the password never appears in the reason).</summary>
    public static bool TryParse(string? url, [NotNullWhen(true)] out TransportUrl? parsed, out string error)
    {
        parsed = null;
        if (!OsloTransportUrl.TryParse(url, "rabbit", out var oslo, out error))
        {
            return false;
        }

        if (oslo.Scheme is not ("rabbit" or "kombu"))
        {
            error = oslo.Scheme == "amqp"
                ? "amqp:// is oslo's AMQP 1.0 transport (Qpid), not RabbitMQ; write rabbit://"
                : $"the scheme '{oslo.Scheme}' is not a RabbitMQ transport; write rabbit://";
            return false;
        }

        var hosts = oslo.Hosts;
        if (hosts.Skip(1).Any(h => Effective(h.UserName) != Effective(hosts[0].UserName) || Effective(h.Password) != Effective(hosts[0].Password)))
        {
            error = "the hosts of the transport URL have different credentials; RabbitMQ.Client connects to every host with one user, so give them all the same";
            return false;
        }

        parsed = new TransportUrl(oslo.Scheme, hosts, oslo.Path, oslo.Query);
        error = string.Empty;
        return true;
    }

    /// <summary>The URL with the password replaced by <c>***</c>, for logs and error messages.</summary>
    public override string ToString()
    {
        var hosts = string.Join(",", Hosts.Select(h =>
            (h.UserName is null ? string.Empty : Uri.EscapeDataString(h.UserName) + (h.Password is null ? string.Empty : ":***") + "@")
            + (h.HostName.Contains(':') ? $"[{h.HostName}]" : h.HostName) + ":" + h.Port.ToString(CultureInfo.InvariantCulture)));
        return $"{Scheme}://{hosts}/{(VirtualHost is null ? string.Empty : Uri.EscapeDataString(VirtualHost))}";
    }

    private static string Effective(string? credential) => string.IsNullOrEmpty(credential) ? DefaultCredential : credential;
}
