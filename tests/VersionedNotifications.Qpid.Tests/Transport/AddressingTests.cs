namespace VersionedNotifications.Qpid.Tests.Transport;

/// <summary>Transport URLs read as oslo reads them, and addresses formed as oslo's amqp1 addresser forms them.</summary>
public sealed class AddressingTests
{
    [Fact]
    public void An_amqp_url_gives_hosts_credentials_and_virtual_host()
    {
        var url = AmqpTransportUrl.Parse("amqp://glance:s%40cret@broker1:5673,other@[::1]/vhost%2Fa");
        Assert.Equal(new TransportHost("broker1", 5673, "glance", "s@cret"), url.Hosts[0]);
        Assert.Equal(new TransportHost("::1", 5672, "other", null), url.Hosts[1]);
        Assert.Equal("vhost/a", url.VirtualHost);
        Assert.Equal("amqp://glance@broker1:5673,other@[::1]:5672/vhost%2Fa", url.ToString());
        Assert.Equal([new TransportHost("localhost", 5672, null, null)], AmqpTransportUrl.Parse("amqp://").Hosts);
        Assert.Null(AmqpTransportUrl.Parse("amqp://h/").VirtualHost);
    }

    [Theory]
    [InlineData("rabbit://guest:guest@h/", "rabbit:// is oslo's RabbitMQ (AMQP 0-9-1) transport: use the messagingv2 driver of VersionedNotifications.RabbitMQ for it, or write amqp:// for AMQP 1.0")]
    [InlineData("qpid://h/", "the scheme 'qpid' is not an AMQP 1.0 transport; write amqp://")]
    [InlineData("amqp://u:p@h:99999/", "host 1: the port '99999' of h is not a number from 1 to 65535")]
    [InlineData("", "the transport URL is empty; write amqp://user:pass@host:5672/")]
    public void A_bad_url_says_why(string url, string reason)
    {
        Assert.False(AmqpTransportUrl.TryParse(url, out _, out var error));
        Assert.Equal(reason, error);
    }

    [Theory]
    [InlineData(QpidAddressingMode.Legacy, null, null, "unicast.glance.notifications.info")]
    [InlineData(QpidAddressingMode.Legacy, "vh", null, "unicast.vh.glance.notifications.info")]
    [InlineData(QpidAddressingMode.Routable, null, null, "openstack.org/om/notify/anycast/glance/notifications.info")]
    [InlineData(QpidAddressingMode.Routable, "vh", "notify-x", "openstack.org/om/notify/anycast/vh/notify-x/notifications.info")]
    public void Addresses_are_the_ones_oslo_forms(QpidAddressingMode mode, string? virtualHost, string? notificationExchange, string expected)
    {
        var options = new QpidDriverOptions { ControlExchange = "glance", Broker = { NotificationExchange = notificationExchange } };
        Assert.Equal(expected, new NotificationAddresses(options, mode, virtualHost).For("notifications.info"));
    }

    [Theory]
    [InlineData("qpid-cpp", QpidAddressingMode.Legacy)]
    [InlineData(null, QpidAddressingMode.Legacy)]
    [InlineData("RabbitMQ", QpidAddressingMode.Legacy)]
    [InlineData("qpid-dispatch-router", QpidAddressingMode.Routable)]
    public void Dynamic_addressing_follows_the_peer(string? product, QpidAddressingMode expected) =>
        Assert.Equal(expected, NotificationAddresses.Resolve(QpidAddressingMode.Dynamic, product));

    [Fact]
    public void Pseudo_virtual_host_off_leaves_the_virtual_host_out()
    {
        var options = new QpidDriverOptions { ControlExchange = "glance", Broker = { PseudoVirtualHost = false } };
        Assert.Equal("unicast.glance.notifications.info", new NotificationAddresses(options, QpidAddressingMode.Legacy, "vh").For("notifications.info"));
    }
}
