using VersionedNotifications.Tool.Tests.Infrastructure;

namespace VersionedNotifications.Tool.Tests.Bus;

/// <summary>vnotify send over amqp:// says SENT only for what the peer accepted, and NOT SENT with the peer's reason otherwise.</summary>
[Collection(ToolBrokerCollection.Name)]
public sealed class AmqpSendOutcomeTests(ToolBroker broker)
{
    private static readonly string Message = Path.Combine(RepositoryLayout.Fixtures, "ironic", "baremetal.node.power_set.start.json");

    [Fact]
    public void A_message_the_peer_refuses_is_reported_NOT_SENT_with_the_reason_and_the_exit_code_is_1()
    {
        var exchange = $"ironic-{Guid.NewGuid():N}";
        var topic = $"t-{Guid.NewGuid():N}";

        // The first send declares the queue non-durable (oslo's default); asking for a durable one then is refused by RabbitMQ.
        var first = Vnotify.Run("send", "--url", broker.AmqpUrl, "--exchange", exchange, "--topic", topic, Message);
        var second = Vnotify.Run("send", "--url", broker.AmqpUrl, "--exchange", exchange, "--topic", topic, "--durable", "--timeout", "60", Message);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal($"SENT baremetal.node.power_set.start INFO -> {exchange}/{topic}.info\n", first.StandardOutput);
        Assert.True(second.ExitCode == 1, second.ToString());
        Assert.StartsWith($"NOT SENT baremetal.node.power_set.start INFO -> {exchange}/{topic}.info: ", second.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("PRECONDITION_FAILED - inequivalent arg 'durable'", second.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("\nSENT", "\n" + second.StandardOutput, StringComparison.Ordinal);
    }
}
