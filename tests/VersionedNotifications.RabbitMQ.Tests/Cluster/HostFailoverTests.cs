using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using VersionedNotifications.RabbitMQ.Tests.Infrastructure;
using IronicEvents = VersionedNotifications.OpenStack.Ironic.EventTypes;

namespace VersionedNotifications.RabbitMQ.Tests.Cluster;

/// <summary>
/// A multi-host transport URL one of whose hosts does not answer (a port nobody listens on, before the single test
/// broker): the driver and the listener pass over it to the host that answers, whichever of the two their shuffle puts first.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class HostFailoverTests(Broker broker)
{
    // Eight starts: the shuffle puts the dead host first in about half of them, and in all eight only once in 256 runs.
    private const int Starts = 8;

    [Fact]
    public async Task The_listener_starts_on_the_host_that_answers()
    {
        var url = UrlWithDeadHostAndBroker();
        var live = TransportUrl.Parse(broker.Url).Hosts[0].Port;
        var exchange = Names.Unique("vn-hosts");
        for (var i = 0; i < Starts; i++)
        {
            var log = new TimedLog();
            using var logging = LoggerFactory.Create(b => b.AddProvider(log));
            var options = Emitters.ListenerOptions(broker, exchange, Names.Unique("t"));
            options.TransportUrl = url;
            options.Priorities = [NotificationPriority.Info];
            await using var listener = new RabbitMQNotificationListener(options, Emitters.Reader, new NotificationDispatcher(Emitters.Reader), logging.CreateLogger<RabbitMQNotificationListener>());

            await listener.StartAsync();

            Assert.Equal(live, log.ConnectedPort());
        }
    }

    [Fact]
    public async Task The_driver_publishes_through_the_host_that_answers()
    {
        var url = UrlWithDeadHostAndBroker();
        var live = TransportUrl.Parse(broker.Url).Hosts[0].Port;
        for (var i = 0; i < Starts; i++)
        {
            var log = new TimedLog();
            using var logging = LoggerFactory.Create(b => b.AddProvider(log));
            var options = Emitters.DriverOptions(broker, Names.Unique("vn-hosts"));
            options.TransportUrl = url;
            await using var driver = new RabbitMQNotificationDriver(options, logging.CreateLogger<RabbitMQNotificationDriver>());
            var notification = Notification.Create(IronicEvents.Baremetal.Node.PowerSet.Start, Emitters.PowerSetStart(), "ironic-conductor.test-host");
            var outgoing = VersionedNotifications.Drivers.OutgoingNotification.Create(notification, [Names.Unique("t")]);

            using var within = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            Assert.Null(await driver.SendAndConfirmAsync(outgoing, within.Token));

            Assert.Equal(live, log.ConnectedPort());
        }
    }

    /// <summary>The broker's URL with a host before it on a port nobody listens on.</summary>
    private string UrlWithDeadHostAndBroker()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var dead = ((IPEndPoint)socket.LocalEndPoint!).Port;
        var host = TransportUrl.Parse(broker.Url).Hosts[0];
        return $"rabbit://guest:guest@127.0.0.1:{dead},guest:guest@{host.HostName}:{host.Port}/";
    }
}
