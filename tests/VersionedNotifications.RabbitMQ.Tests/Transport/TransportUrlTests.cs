using System.Diagnostics;
using System.Text.Json;
using VersionedNotifications.RabbitMQ.Tests.Infrastructure;

namespace VersionedNotifications.RabbitMQ.Tests.Transport;

/// <summary>transport_url read as the real oslo.messaging (Debian's 14.0.3) reads it, and refused with the place when it is wrong.</summary>
public sealed class TransportUrlTests
{
    private static readonly string[] UrlList =
    [
        "rabbit://",
        "rabbit://h",
        "rabbit://h/",
        "rabbit://h//",
        "rabbit://h/%2F",
        "rabbit://h/nova",
        "rabbit://h/a%20b",
        "rabbit://u:p@h:5673/v",
        "rabbit://u:p%40ss@h/",
        "rabbit://u:p@ss@h/",
        "rabbit://u%3Ax:p:w@h",
        "rabbit://u:p@h1:1,u:p@h2:2/v",
        "rabbit://u:p@[::1]:5672/",
        "rabbit://[fe80::1]/x",
        "rabbit://u@h/",
        "rabbit://u:@h/",
        "rabbit://u:p@h:/",
        "rabbit://a:b@h:9/x?ssl=1&x=2&x=3",
        "RABBIT://h/",
        "kombu://h:5672/",
        "rabbit://h/v#fragment",
    ];

    public static TheoryData<string> Urls => new(UrlList);

    private static readonly Lazy<Dictionary<string, JsonElement>> Oslo = new(ParseWithOslo);

    [Theory]
    [MemberData(nameof(Urls))]
    public void Reads_as_oslo_reads(string url)
    {
        var oslo = Oslo.Value[url];
        var ours = TransportUrl.Parse(url);

        Assert.Equal(oslo.GetProperty("transport").GetString(), ours.Scheme);
        Assert.Equal(oslo.GetProperty("virtual_host").GetString(), ours.VirtualHost);
        var osloHosts = oslo.GetProperty("hosts").EnumerateArray().ToArray();
        if (osloHosts.Length == 0)
        {
            Assert.Equal([new TransportHost("localhost", 5672, null, null)], ours.Hosts);
            return;
        }

        Assert.Equal(osloHosts.Length, ours.Hosts.Count);
        for (var i = 0; i < osloHosts.Length; i++)
        {
            Assert.Equal(osloHosts[i].GetProperty("hostname").GetString(), ours.Hosts[i].HostName);
            Assert.Equal(osloHosts[i].GetProperty("port").ValueKind == JsonValueKind.Null ? 5672 : osloHosts[i].GetProperty("port").GetInt32(), ours.Hosts[i].Port);
            Assert.Equal(osloHosts[i].GetProperty("username").GetString(), ours.Hosts[i].UserName);
            Assert.Equal(osloHosts[i].GetProperty("password").GetString(), ours.Hosts[i].Password);
        }

        Assert.Equal(
            oslo.GetProperty("query").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()),
            ours.Query.ToDictionary(p => p.Key, p => (string?)p.Value));
    }

    [Theory]
    [InlineData("rabbit://", "/", "guest", "guest")]
    [InlineData("rabbit://h/", "/", "guest", "guest")]
    [InlineData("rabbit://h//", "/", "guest", "guest")]
    [InlineData("rabbit://h/%2F", "/", "guest", "guest")]
    [InlineData("rabbit://u:p%40ss@h/nova", "nova", "u", "p@ss")]
    [InlineData("rabbit://u@h/", "/", "u", "guest")]
    public void Connects_with_kombu_s_defaults(string url, string virtualHost, string user, string password)
    {
        var parsed = TransportUrl.Parse(url);

        Assert.Equal(virtualHost, parsed.EffectiveVirtualHost);
        Assert.Equal(user, parsed.UserName);
        Assert.Equal(password, parsed.Password);
    }

    [Theory]
    [InlineData("", "the transport URL is empty")]
    [InlineData("localhost:5672", "the transport URL has no scheme")]
    [InlineData("amqp://h/", "amqp:// is oslo's AMQP 1.0 transport (Qpid), not RabbitMQ")]
    [InlineData("http://h/", "the scheme 'http' is not a RabbitMQ transport")]
    [InlineData("rabbit://h:abc/", "host 1: the port 'abc' of h is not a number from 1 to 65535")]
    [InlineData("rabbit://u:secret@h1,u:secret@h2:70000/", "host 2: the port '70000' of h2 is not a number from 1 to 65535")]
    [InlineData("rabbit://[::1/", "host 1: the IPv6 address '[::1' has no closing ']'")]
    [InlineData("rabbit://u:secret@:5672/", "host 1: no host name before the port")]
    [InlineData("rabbit://a:secret@h1,c:d@h2/", "the hosts of the transport URL have different credentials")]
    [InlineData("rabbit://a:secret@h1,h2/", "the hosts of the transport URL have different credentials")] // oslo warns and connects to h2 as guest
    public void Wrong_urls_are_refused_with_the_place_and_never_the_password(string url, string reason)
    {
        Assert.False(TransportUrl.TryParse(url, out _, out var error));

        Assert.StartsWith(reason, error);
        Assert.DoesNotContain("secret", error);
        Assert.Contains(reason, Assert.Throws<FormatException>(() => TransportUrl.Parse(url)).Message);
    }

    [Fact]
    public void Printing_hides_the_password() =>
        Assert.Equal("rabbit://nova:***@h1:5672,nova:***@[::1]:5673/vh%2Fx", TransportUrl.Parse("rabbit://nova:secret@h1,nova:secret@[::1]:5673/vh%2Fx").ToString());

    /// <summary>Every URL of <see cref="Urls"/> through oslo_messaging.TransportURL.parse, in one python run.</summary>
    private static Dictionary<string, JsonElement> ParseWithOslo()
    {
        const string script = """
            import json, sys
            from oslo_config import cfg
            import oslo_messaging
            conf = cfg.ConfigOpts()
            out = {}
            for url in json.load(sys.stdin):
                u = oslo_messaging.TransportURL.parse(conf, url)
                out[url] = {"transport": u.transport, "virtual_host": u.virtual_host, "query": u.query,
                            "hosts": [{"hostname": h.hostname, "port": h.port, "username": h.username, "password": h.password} for h in u.hosts]}
            print(json.dumps(out))
            """;
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var process = Process.Start(start)!;
        process.StandardInput.Write(JsonSerializer.Serialize(UrlList));
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "oslo.messaging could not parse the URLs (is python3-oslo.messaging installed? ./test.sh installs it): " + error);
        return JsonDocument.Parse(output).RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
    }
}
