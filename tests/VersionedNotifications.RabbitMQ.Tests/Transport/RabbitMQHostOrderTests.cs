namespace VersionedNotifications.RabbitMQ.Tests.Transport;

/// <summary>The host a driver or listener tries next, by oslo's kombu_failover_strategy (kombu 5.2's round-robin and shuffle).</summary>
public sealed class RabbitMQHostOrderTests
{
    private static readonly IReadOnlyList<TransportHost> ThreeNodes =
        RabbitMQ.TransportUrl.Parse("rabbit://u:p@node1:5672,u:p@node2:5673,u:p@node3:5674/").Hosts;

    [Fact]
    public void Round_robin_goes_through_the_shuffled_hosts_in_order_and_starts_over_with_none_left_out()
    {
        var order = new RabbitMQHostOrder(ThreeNodes, RabbitMQFailoverStrategy.RoundRobin, new Random(7));
        Assert.Equal(ThreeNodes.OrderBy(h => h.Port), order.Hosts.OrderBy(h => h.Port));

        var tried = new List<TransportHost>();
        for (var attempt = 0; attempt < 7; attempt++)
        {
            tried.Add(order.Current);
            order.MoveNext();
        }

        Assert.Equal([.. order.Hosts, .. order.Hosts, order.Hosts[0]], tried);
    }

    [Theory]
    [InlineData(RabbitMQFailoverStrategy.RoundRobin)]
    [InlineData(RabbitMQFailoverStrategy.Shuffle)]
    public void Each_driver_or_listener_starts_at_a_random_host_so_services_spread_over_the_nodes(RabbitMQFailoverStrategy strategy)
    {
        // oslo shuffles a connection's hosts once whatever the strategy; 300 orders put each of 3 hosts first about 100 times.
        var random = new Random(11);
        var firsts = Enumerable.Range(0, 300).Select(_ => new RabbitMQHostOrder(ThreeNodes, strategy, random).Current.Port).ToList();
        foreach (var host in ThreeNodes)
        {
            Assert.InRange(firsts.Count(p => p == host.Port), 70, 130);
        }
    }

    [Fact]
    public void Shuffle_draws_each_next_host_from_all_of_them_the_failed_one_included()
    {
        var order = new RabbitMQHostOrder(ThreeNodes, RabbitMQFailoverStrategy.Shuffle, new Random(3));
        var drawn = new List<int>();
        var again = 0;
        for (var i = 0; i < 3000; i++)
        {
            var before = order.Current;
            order.MoveNext();
            drawn.Add(order.Current.Port);
            again += order.Current == before ? 1 : 0;
        }

        foreach (var host in ThreeNodes)
        {
            Assert.InRange(drawn.Count(p => p == host.Port), 900, 1100);
        }

        // kombu's shufflecycle shuffles all hosts and takes the first: a third of the draws give the host that just failed.
        Assert.InRange(again, 900, 1100);
    }

    [Fact]
    public void A_single_host_is_always_the_one_tried()
    {
        var single = RabbitMQ.TransportUrl.Parse("rabbit://u:p@only:5672/").Hosts;
        foreach (var strategy in Enum.GetValues<RabbitMQFailoverStrategy>())
        {
            var order = new RabbitMQHostOrder(single, strategy, new Random(1));
            order.MoveNext();
            order.MoveNext();
            Assert.Equal(single[0], order.Current);
        }
    }

    [Fact]
    public void The_backoff_comes_only_after_a_whole_round_of_hosts_failed()
    {
        static TimeSpan Backoff(int rounds) => TimeSpan.FromSeconds(rounds);
        var three = new RabbitMQHostOrder(ThreeNodes, RabbitMQFailoverStrategy.RoundRobin, new Random(1));
        Assert.Equal(
            [TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, Backoff(1), TimeSpan.Zero, TimeSpan.Zero, Backoff(2)],
            Enumerable.Range(0, 7).Select(failures => three.DelayAfter(failures, Backoff)));

        // One host: a backoff before every attempt after the first, as before there were several.
        var one = new RabbitMQHostOrder([ThreeNodes[0]], RabbitMQFailoverStrategy.RoundRobin, new Random(1));
        Assert.Equal([TimeSpan.Zero, Backoff(1), Backoff(2), Backoff(3)], Enumerable.Range(0, 4).Select(failures => one.DelayAfter(failures, Backoff)));
    }
}
