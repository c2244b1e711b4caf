using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;

namespace VersionedNotifications;

/// <summary>One broker or peer of a transport URL, with the credentials written for it.</summary>
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
/// oslo.messaging's <c>transport_url</c> grammar, which every transport shares and reads the same way:
/// <c>scheme://user:pass@host1:port1,user:pass@host2:port2/path?query</c>. Hosts are split at commas, the
/// credentials at the last <c>@</c> and the first <c>:</c>; user, password and path are percent-decoded; a
/// missing port is 5672 and a URL with no host means <c>localhost</c>. What the scheme, the path and missing
/// credentials mean is each transport's (RabbitMQ's <c>TransportUrl</c>, the AMQP 1.0 <c>AmqpTransportUrl</c>).
/// </summary>
public sealed class OsloTransportUrl
{
    /// <summary>The port of a host that names none.</summary>
    public const int DefaultPort = 5672;

    private OsloTransportUrl(string scheme, IReadOnlyList<TransportHost> hosts, string? path, IReadOnlyDictionary<string, string> query)
    {
        Scheme = scheme;
        Hosts = hosts;
        Path = path;
        Query = query;
    }

    /// <summary>The scheme, in lower case.</summary>
    public string Scheme { get; }

    /// <summary>The hosts, in the order written (at least one: <c>localhost:5672</c> when the URL names none).</summary>
    public IReadOnlyList<TransportHost> Hosts { get; }

    /// <summary>The path after the first <c>/</c>, percent-decoded (oslo's virtual host); <see langword="null"/> when the URL has none.</summary>
    public string? Path { get; }

    /// <summary>The query parameters, repeated ones joined with commas as oslo does.</summary>
    public IReadOnlyDictionary<string, string> Query { get; }

    /// <summary>A transport's own reading of its URLs: the URL read, or where and why it is not one.</summary>
    internal delegate bool Parser<T>(string? url, [NotNullWhen(true)] out T? parsed, out string error)
        where T : class;

    /// <summary>Reads <paramref name="url"/> with a transport's <paramref name="tryParse"/>, throwing its reason as a <see cref="FormatException"/>.</summary>
    internal static T Parse<T>(string url, Parser<T> tryParse)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(url);
        return tryParse(url, out var parsed, out var error) ? parsed : throw new FormatException(error);
    }

    /// <summary>
    /// Reads <paramref name="url"/>, or says where and why it is not a transport URL (never with the
    /// password); <paramref name="exampleScheme"/> is the scheme the hint for an empty URL or one without a
    /// scheme suggests. The scheme itself is not checked: that is the transport's.
    /// </summary>
    public static bool TryParse(string? url, string exampleScheme, [NotNullWhen(true)] out OsloTransportUrl? parsed, out string error)
    {
        parsed = null;
        if (string.IsNullOrWhiteSpace(url))
        {
            error = $"the transport URL is empty; write {exampleScheme}://user:pass@host:5672/";
            return false;
        }

        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            error = $"the transport URL has no scheme; write {exampleScheme}://user:pass@host:5672/";
            return false;
        }

        var scheme = url[..schemeEnd].ToLowerInvariant();
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
        var path = pathStart >= 0 ? Uri.UnescapeDataString(rest[(pathStart + 1)..]) : null;

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

        parsed = new OsloTransportUrl(scheme, hosts, path, ParseQuery(queryText));
        error = string.Empty;
        return true;
    }

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
