using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;

namespace VersionedNotifications.RabbitMQ;

/// <summary>One broker of a transport URL, with the credentials written for it.</summary>
/// <param name="HostName">The host name or address (IPv6 without brackets).</param>
/// <param name="Port">The port; 5672 when the URL names none.</param>
/// <param name="UserName">The user name as written (percent-decoded), or <see langword="null"/>.</param>
/// <param name="Password">The password as written (percent-decoded), or <see langword="null"/>.</param>
public sealed record TransportHost(string HostName, int Port, string? UserName, string? Password)
{
    /// <summary>How the host reads in logs: <c>user@host:port</c>, never the password.</summary>
    public override string ToString() =>
        (UserName is null ? string.Empty : UserName + "@") + (HostName.Contains(':') ? $"[{HostName}]" : HostName) + ":" + Port.ToString(CultureInfo.InvariantCulture);
}

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
    public const int DefaultPort = 5672;

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
    public static TransportUrl Parse(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return TryParse(url, out var parsed, out var error) ? parsed : throw new FormatException(error);
    }

    /// <summary>Reads a transport URL, or says where and why it is not one (the password never appears in the reason).</summary>
    public static bool TryParse(string? url, [NotNullWhen(true)] out TransportUrl? parsed, out string error)
    {
        parsed = null;
        if (string.IsNullOrWhiteSpace(url))
        {
            error = "the transport URL is empty; write rabbit://user:pass@host:5672/";
            return false;
        }

        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            error = "the transport URL has no scheme; write rabbit://user:pass@host:5672/";
            return false;
        }

        var scheme = url[..schemeEnd].ToLowerInvariant();
        if (scheme is not ("rabbit" or "kombu"))
        {
            error = scheme == "amqp"
                ? "amqp:// is oslo's AMQP 1.0 transport (Qpid), not RabbitMQ; write rabbit://"
                : $"the scheme '{scheme}' is not a RabbitMQ transport; write rabbit://";
            return false;
        }

        var rest = url[(schemeEnd + 3)..];
        var fragment = rest.IndexOf('#');
        if (fragment >= 0)
        {
            rest = rest[..fragment];
        }

        var queryStart = rest.IndexOf('?');
        var queryText = queryStart >= 0 ? rest[(queryStart + 1)..] : string.Empty;
        if (queryStart >= 0)
        {
            rest = rest[..queryStart];
        }

        var pathStart = rest.IndexOf('/');
        var netloc = pathStart >= 0 ? rest[..pathStart] : rest;
        string? virtualHost = pathStart >= 0 ? Uri.UnescapeDataString(rest[(pathStart + 1)..]) : null;

        var hosts = new List<TransportHost>();
        var index = 0;
        foreach (var part in netloc.Split(','))
        {
            index++;
            if (part.Length == 0)
            {
                continue;
            }

            if (!TryParseHost(part, index, out var host, out error))
            {
                return false;
            }

            hosts.Add(host);
        }

        if (hosts.Count == 0)
        {
            hosts.Add(new TransportHost("localhost", DefaultPort, null, null));
        }

        if (hosts.Skip(1).Any(h => Effective(h.UserName) != Effective(hosts[0].UserName) || Effective(h.Password) != Effective(hosts[0].Password)))
        {
            error = "the hosts of the transport URL have different credentials; RabbitMQ.Client connects to every host with one user, so give them all the same";
            return false;
        }

        parsed = new TransportUrl(scheme, hosts, virtualHost, ParseQuery(queryText));
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

    private static bool TryParseHost(string part, int index, [NotNullWhen(true)] out TransportHost? host, out string error)
    {
        host = null;
        string? user = null, password = null;
        var hostAndPort = part;
        var at = part.LastIndexOf('@');
        if (at >= 0)
        {
            var credentials = part[..at];
            hostAndPort = part[(at + 1)..];
            var colon = credentials.IndexOf(':');
            if (colon >= 0)
            {
                password = Uri.UnescapeDataString(credentials[(colon + 1)..]);
                credentials = credentials[..colon];
            }

            user = Uri.UnescapeDataString(credentials);
        }

        string name;
        string? portText = null;
        if (hostAndPort.StartsWith('['))
        {
            var close = hostAndPort.IndexOf(']');
            if (close < 0)
            {
                error = $"host {index}: the IPv6 address '{hostAndPort}' has no closing ']'";
                return false;
            }

            name = hostAndPort[1..close];
            var after = hostAndPort[(close + 1)..];
            if (after.Length > 0)
            {
                if (after[0] != ':')
                {
                    error = $"host {index}: '{after}' after the IPv6 address is not ':port'";
                    return false;
                }

                portText = after[1..];
            }
        }
        else
        {
            var colon = hostAndPort.IndexOf(':');
            name = colon >= 0 ? hostAndPort[..colon] : hostAndPort;
            portText = colon >= 0 ? hostAndPort[(colon + 1)..] : null;
        }

        if (name.Length == 0)
        {
            error = $"host {index}: no host name before the port (write user:pass@host:port)";
            return false;
        }

        var port = DefaultPort;
        if (!string.IsNullOrEmpty(portText)
            && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            error = $"host {index}: the port '{portText}' of {name} is not a number from 1 to 65535";
            return false;
        }

        host = new TransportHost(name, port, user, password);
        error = string.Empty;
        return true;
    }

    private static IReadOnlyDictionary<string, string> ParseQuery(string query)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in query.Split('&'))
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0 || equals == pair.Length - 1)
            {
                continue; // parse_qs drops keys without a value, and splits at '&' only
            }

            var key = Uri.UnescapeDataString(pair[..equals].Replace('+', ' '));
            var value = Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            if (!values.TryGetValue(key, out var list))
            {
                values[key] = list = new List<string>();
            }

            list.Add(value);
        }

        return values.ToDictionary(p => p.Key, p => string.Join(",", p.Value), StringComparer.Ordinal);
    }
}
