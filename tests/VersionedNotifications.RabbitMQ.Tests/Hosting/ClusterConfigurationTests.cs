using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace VersionedNotifications.RabbitMQ.Tests.Hosting;

/// <summary>oslo's [oslo_messaging_rabbit] cluster settings (quorum and mirrored queues, the failover strategy) under Notifications:RabbitMQ.</summary>
public sealed class ClusterConfigurationTests
{
    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddVersionedNotifications(builder.Configuration).AddRabbitMQ();
        return builder.Build();
    }

    [Fact]
    public void The_quorum_and_failover_settings_are_read_with_oslo_s_values()
    {
        using var host = Build(new()
        {
            ["Notifications:Drivers"] = "messagingv2",
            ["Notifications:TransportUrl"] = "rabbit://u:p@rabbit1:5672,u:p@rabbit2:5672,u:p@rabbit3:5672/",
            ["Notifications:RabbitMQ:QuorumQueue"] = "true",
            ["Notifications:RabbitMQ:QuorumDeliveryLimit"] = "5",
            ["Notifications:RabbitMQ:QuorumMaxMemoryLength"] = "1000",
            ["Notifications:RabbitMQ:QuorumMaxMemoryBytes"] = "1048576",
            ["Notifications:RabbitMQ:FailoverStrategy"] = "shuffle",
        });

        var options = host.Services.GetRequiredService<IOptions<RabbitMQDriverOptions>>().Value;

        Assert.True(options.Broker.QuorumQueue);
        Assert.Equal((5, 1000, 1_048_576), (options.Broker.QuorumDeliveryLimit, options.Broker.QuorumMaxMemoryLength, options.Broker.QuorumMaxMemoryBytes));
        Assert.Equal(RabbitMQFailoverStrategy.Shuffle, options.Broker.FailoverStrategy);
        Assert.False(options.Broker.HaQueues);
    }

    [Theory]
    [InlineData("round-robin", RabbitMQFailoverStrategy.RoundRobin)]
    [InlineData("RoundRobin", RabbitMQFailoverStrategy.RoundRobin)]
    [InlineData(" Shuffle ", RabbitMQFailoverStrategy.Shuffle)]
    public void The_failover_strategy_is_read_as_oslo_writes_it_or_as_the_enum_member(string written, RabbitMQFailoverStrategy expected)
    {
        using var host = Build(new()
        {
            ["Notifications:Drivers"] = "messagingv2",
            ["Notifications:RabbitMQ:FailoverStrategy"] = written,
            ["Notifications:RabbitMQ:HaQueues"] = "true",
        });

        var options = host.Services.GetRequiredService<IOptions<RabbitMQDriverOptions>>().Value;

        Assert.Equal(expected, options.Broker.FailoverStrategy);
        Assert.True(options.Broker.HaQueues);
    }

    [Fact]
    public async Task Wrong_cluster_settings_stop_the_host_each_named_by_its_key()
    {
        using var host = Build(new()
        {
            ["Notifications:Drivers"] = "messagingv2",
            ["Notifications:RabbitMQ:QuorumQueue"] = "true",
            ["Notifications:RabbitMQ:HaQueues"] = "true",
            ["Notifications:RabbitMQ:QuorumDeliveryLimit"] = "-1",
            ["Notifications:RabbitMQ:FailoverStrategy"] = "random",
        });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        Assert.Contains("Notifications:RabbitMQ:QuorumQueue: cannot be combined with HaQueues", error.Message);
        Assert.Contains("Notifications:RabbitMQ:QuorumDeliveryLimit: '-1' is not a whole number from 0 to", error.Message);
        Assert.Contains("Notifications:RabbitMQ:FailoverStrategy: 'random' is not a failover strategy; use round-robin or shuffle", error.Message);
    }
}
