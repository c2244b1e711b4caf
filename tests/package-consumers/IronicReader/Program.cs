using VersionedNotifications;
using VersionedNotifications.OpenStack;
using VersionedNotifications.OpenStack.Ironic;

var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "message.json"));
var dispatcher = new NotificationDispatcher(new NotificationReader(OpenStackJsonContext.Default))
    .On(EventTypes.Baremetal.Node.PowerSet.End, (n, _) =>
    {
        Console.WriteLine($"{n.EventType} from {n.Header.PublisherId}: node {n.Payload.Uuid} {n.Payload.PowerState} (NodeSetPowerStatePayload {n.Payload.WireState?.Version ?? NodeSetPowerStatePayload.ObjectVersion})");
        return ValueTask.CompletedTask;
    });

var outcome = await dispatcher.DispatchAsync(bytes);
var generatedHere = typeof(Program).Assembly.GetTypes().Count(t => t.Name.EndsWith("JsonContext", StringComparison.Ordinal) || t.Name == "EventTypes");
Console.WriteLine($"outcome {outcome}; types generated in this project: {generatedHere}");
return outcome == DispatchOutcome.Handled ? 0 : 1;
