using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace VersionedNotifications.Qpid;

/// <summary>One peer of an <c>amqp://</c> transport URL, with the credentials written for it.</summary>
/// <param name="HostName">The host name or address (IPv6 without brackets).</param>
/// <param name="Port">The port; 5672 when the URL names none.</param>
/// <param name="UserName">The user name (percent-decoded), or <see langword="null"/> to connect anonymously.</param>
/// <param name="Password">The password (percent-decoded), or <see langword="null"/>.</param>
public sealed record AmqpTransportHost(string HostName, int Port, string? UserName, string? Password)
{
    /// <summary>How the host reads in logs: <c>user@host:port</c>, never the password.</summary>
    public override string ToString() =>
        (UserName is null ? string.Empty : UserName + "@") + (HostName.Contains(':') ? $"[{HostName}]" : HostName) + ":" + Port.ToString(CultureInfo.InvariantCulture);
}

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
    public const int DefaultPort = 5672;

    private AmqpTransportUrl(IReadOnlyList<AmqpTransportHost> hosts, string? virtualHost)
    {
        Hosts = hosts;
        VirtualHost = virtualHost;
    }

    /// <summary>The peers, in the order written (at least one: <c>localhost:5672</c> when the URL names none).</summary>
    public IReadOnlyList<AmqpTransportHost> Hosts { get; }

    /// <summary>The path after the first <c>/</c>, percent-decoded; <see langword="null"/> when it is empty or missing.</summary>
    public string? VirtualHost { get; }

    /// <summary>Reads a transport URL.</summary>
    /// <exception cref="FormatException">It is not an <c>amqp://</c> transport URL; the message says where and why.</exception>
    public static AmqpTransportUrl Parse(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return TryParse(url, out var parsed, out var error) ? parsed : throw new FormatException(error);
    }

    /// <summary>Reads a transport URL, or says where and why it is not one (the password never appears in the reason).</summary>
    public static bool TryParse(string? url, [NotNullWhen(true)] out AmqpTransportUrl? parsed, out string error)
    {
        parsed = null;
        if (string.IsNullOrWhiteSpace(url))
        {
            error = "the transport URL is empty; write amqp://user:pass@host:5672/";
            return false;
        }

        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            error = "the transport URL has no scheme; write amqp://user:pass@host:5672/";
            return false;
        }

        var scheme = url[..schemeEnd].ToLowerInvariant();
        if (scheme != "amqp")
        {
            error = scheme is "rabbit" or "kombu"
                ? $"{scheme}:// is oslo's RabbitMQ (AMQP 0-9-1) transport: use the messagingv2 driver of VersionedNotifications.RabbitMQ for it, or write amqp:// for AMQP 1.0"
                : $"the scheme '{scheme}' is not an AMQP 1.0 transport; write amqp://";
            return false;
        }

        var rest = url[(schemeEnd + 3)..];
        var cut = rest.IndexOfAny(['?', '#']);
        if (cut >= 0)
        {
            rest = rest[..cut];
        }

        var pathStart = rest.IndexOf('/');
        var netloc = pathStart >= 0 ? rest[..pathStart] : rest;
        var path = pathStart >= 0 ? Uri.UnescapeDataString(rest[(pathStart + 1)..]) : null;

        var hosts = new List<AmqpTransportHost>();
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
            hosts.Add(new AmqpTransportHost("localhost", DefaultPort, null, null));
        }

        parsed = new AmqpTransportUrl(hosts, string.IsNullOrEmpty(path) ? null : path);
        error = string.Empty;
        return true;
    }

    /// <summary>The URL as it reads in logs and errors: every host without its password, and the virtual host.</summary>
    public override string ToString() => "amqp://" + string.Join(",", Hosts) + "/" + (VirtualHost is null ? string.Empty : Uri.EscapeDataString(VirtualHost));

    /// <summary>A transport URL for messages: the parsed form with the password hidden, or a placeholder when it does not parse.</summary>
    internal static string Describe(string transportUrl) => TryParse(transportUrl, out var url, out _) ? url.ToString() : "(an invalid transport URL)";

    private static bool TryParseHost(string text, int index, out AmqpTransportHost host, out string error)
    {
        host = null!;
        string? user = null;
        string? password = null;
        var hostAndPort = text;
        var at = text.LastIndexOf('@');
        if (at >= 0)
        {
            var credentials = text[..at];
            hostAndPort = text[(at + 1)..];
            var colon = credentials.IndexOf(':');
            user = Uri.UnescapeDataString(colon >= 0 ? credentials[..colon] : credentials);
            password = colon >= 0 ? Uri.UnescapeDataString(credentials[(colon + 1)..]) : null;
        }

        string name;
        string? portText;
        if (hostAndPort.StartsWith('['))
        {
            var close = hostAndPort.IndexOf(']');
            if (close < 0)
            {
                error = $"host {index}: an IPv6 address opened with '[' is not closed";
                return false;
            }

            name = hostAndPort[1..close];
            portText = hostAndPort.Length > close + 1 && hostAndPort[close + 1] == ':' ? hostAndPort[(close + 2)..] : null;
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

        host = new AmqpTransportHost(name, port, string.IsNullOrEmpty(user) ? null : user, password);
        error = string.Empty;
        return true;
    }
}
