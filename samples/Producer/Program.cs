using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Producer;
using VersionedNotifications.Extensions.Hosting;
using VersionedNotifications.RabbitMQ;

// The notifier and its drivers come from the "Notifications" section, as an OpenStack service's come from
// [oslo_messaging_notifications]: level, topics, drivers, transport_url, and event types to leave out.
// `count=N` on the command line sets how many shipments the worker dispatches (default 3); `BrokerWait=S` how
// many seconds to wait for the broker before giving up with one line and exit code 1 (default 30).
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddVersionedNotifications(builder.Configuration).AddRabbitMQ();
builder.Services.AddHostedService(services => new DispatchWorker(
    services.GetRequiredService<VersionedNotifications.INotifier>(),
    services.GetRequiredService<IHostApplicationLifetime>(),
    builder.Configuration.GetValue("count", 3)));

var brokerWait = TimeSpan.FromSeconds(builder.Configuration.GetValue("BrokerWait", 30));

using var host = builder.Build();
return await host.RunOrExplainConfigurationAsync(Console.Error, (services, cancellationToken) =>
{
    // Only a RabbitMQ driver needs the broker: with `Notifications:Drivers=log` the sample runs without one.
    var drivers = services.GetRequiredService<IOptions<NotificationDriversOptions>>().Value.Drivers;
    return drivers.Any(name => name is RabbitMQNotificationDriver.MessagingV2DriverName or RabbitMQNotificationDriver.MessagingDriverName or "rabbit")
        ? RabbitMQBroker.WaitAsync(services.GetRequiredService<IOptions<RabbitMQDriverOptions>>().Value, brokerWait, cancellationToken)
        : Task.CompletedTask;
});
