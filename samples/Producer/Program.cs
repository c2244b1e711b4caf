using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Producer;
using VersionedNotifications.Extensions.Hosting;
using VersionedNotifications.RabbitMQ;

// The notifier and its drivers come from the "Notifications" section, as an OpenStack service's come from
// [oslo_messaging_notifications]: level, topics, drivers, transport_url, and event types to leave out.
// `count=N` on the command line sets how many shipments the worker dispatches (default 3).
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddVersionedNotifications(builder.Configuration).AddRabbitMQ();
builder.Services.AddHostedService(services => new DispatchWorker(
    services.GetRequiredService<VersionedNotifications.INotifier>(),
    services.GetRequiredService<IHostApplicationLifetime>(),
    builder.Configuration.GetValue("count", 3)));

using var host = builder.Build();
return await host.RunOrExplainConfigurationAsync(Console.Error);
