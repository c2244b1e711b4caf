using Producer;
using Producer.Notifications;
using VersionedNotifications;

var payload = new OrderPayload { Id = Guid.Parse("5f0c7a52-8b9e-4e57-9a36-1f2d3c4b5a69"), TotalCents = 1999, Coupon = "WELCOME" };
var body = NotificationWriter.Write(Notification.Create(EventTypes.Shop.Order.Place.End, payload, "shop-api.host-1"));

var reader = new NotificationReader(ProducerJsonContext.Default);
if (reader.Read(body) is DecodedNotification { Notification: Notification<OrderPayload> order })
{
    Console.WriteLine($"read {order.EventType} {order.Priority}: {OrderPayload.ObjectName} {OrderPayload.ObjectVersion} id={order.Payload.Id} total={order.Payload.TotalCents} coupon={order.Payload.Coupon}");
}
else
{
    Console.WriteLine("not read back: " + reader.Read(body));
    return 1;
}

Console.WriteLine($"event types: {string.Join(", ", EventTypes.All.Select(e => e.Name))}");
return 0;
