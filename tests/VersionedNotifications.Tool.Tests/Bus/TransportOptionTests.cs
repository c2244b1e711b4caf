using VersionedNotifications.Tool.Tests.Infrastructure;

namespace VersionedNotifications.Tool.Tests.Bus;

/// <summary>What listen and send refuse before they connect: an option the URL's transport does not have is a usage error.</summary>
public sealed class TransportOptionTests
{
    [Fact]
    public void A_pool_over_amqp_is_a_usage_error()
    {
        var outcome = Vnotify.Run("listen", "--url", "amqp://guest:guest@127.0.0.1:1/", "--pool", "mine");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("vnotify: --pool: oslo's AMQP 1.0 transport has no listener pools (listeners on one address share its messages); it applies to rabbit:// URLs", outcome.StandardError.Trim());
    }

    [Theory]
    [InlineData("listen")]
    [InlineData("send")]
    public void A_scheme_neither_transport_takes_is_a_usage_error_naming_both(string command)
    {
        var message = Path.Combine(RepositoryLayout.Fixtures, "ironic", "baremetal.node.power_set.start.json");
        string[] arguments = command == "send" ? [command, "--url", "ftp://h/", message] : [command, "--url", "ftp://h/"];

        var outcome = Vnotify.Run(arguments);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("vnotify: --url: the scheme 'ftp' is neither rabbit:// (RabbitMQ) nor amqp:// (AMQP 1.0)", outcome.StandardError.Trim());
    }
}
