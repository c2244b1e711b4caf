using Microsoft.Extensions.Hosting;
using Producer.Notifications;
using VersionedNotifications;

namespace Producer;

/// <summary>Dispatches a few shipments, emitting the notifications of each, then stops the application.</summary>
internal sealed class DispatchWorker(INotifier notifier, IHostApplicationLifetime lifetime, int count) : BackgroundService
{
    private static readonly Carrier[] Carriers = [Carrier.Post, Carrier.Courier, Carrier.Freight];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var i = 1; i <= count && !stoppingToken.IsCancellationRequested; i++)
        {
            var shipment = new ShipmentPayload
            {
                Uuid = Guid.NewGuid(),
                OrderId = $"order-{i:0000}",
                Carrier = Carriers[(i - 1) % Carriers.Length],
                WeightKg = 1.5 * i,
                TrackingUrl = $"https://track.example/parcel/{i}?token=s3cr3t-{i}",
            };

            // Disabled by configuration (shipment.*.start): the payload is not even built.
            await notifier.EmitAsync(EventTypes.Shipment.Dispatch.Start, () => shipment, stoppingToken);

            // ... the parcel goes to the carrier ...
            await notifier.EmitAsync(EventTypes.Shipment.Dispatch.End, shipment with { DispatchedAt = DateTimeOffset.UtcNow }, stoppingToken);
            Console.WriteLine($"dispatched {shipment.OrderId} by {shipment.Carrier}");
        }

        // Every notification confirmed by the broker before the service reports it is done.
        await notifier.FlushAsync(stoppingToken);
        Console.WriteLine($"{count} shipment(s) dispatched");
        lifetime.StopApplication();
    }
}
