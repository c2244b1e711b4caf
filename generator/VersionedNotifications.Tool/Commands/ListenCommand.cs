using System.CommandLine;
using System.Text.Json;
using VersionedNotifications.RabbitMQ;
using VersionedNotifications.Tool.Commands.Transports;
using VersionedNotifications.Tool.Contracts;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Tool.Commands;

/// <summary>
/// <c>vnotify listen</c>: prints the notifications on a RabbitMQ (<c>rabbit://</c>) or AMQP 1.0 (<c>amqp://</c>) bus,
/// decoded through the contracts (those compiled from <c>--definitions</c>, or the built-in OpenStack ones), one line
/// each on standard output:
/// <c>&lt;event_type&gt; &lt;PRIORITY&gt; &lt;publisher_id&gt; &lt;payload type&gt; &lt;version&gt; key=value...</c>,
/// <c>UNSUPPORTED ...</c> or <c>MALFORMED ...</c>; with <c>--json</c> the message as the contracts write it.
/// Over RabbitMQ it reads by default from a queue of its own, so it takes nothing from the services' consumers;
/// over AMQP 1.0 it attaches to oslo's addresses, whose messages its listeners share.
/// Exit 0 when <c>--count</c> messages arrived (or on Ctrl+C), 1 when the broker cannot be reached or the
/// <c>--timeout</c> passes first, 2 on a usage error.
/// </summary>
internal static class ListenCommand
{
    // The payload keys shown on a line, in this order, when the payload has them as plain values.
    private static readonly string[] KeyFields = ["uuid", "id", "name", "node_uuid", "power_state", "to_power", "provision_state", "status", "size"];

    public static Command Create(DefinitionsOptions definitions)
    {
        var url = new Option<string>("--url") { Description = TransportSchemes.Help, Required = true };
        var exchange = new Option<string>("--exchange") { Description = "The control exchange (oslo's control_exchange).", DefaultValueFactory = _ => NotificationTransportOptions.DefaultControlExchange };
        var topics = new Option<string[]>("--topic") { Description = "A topic to bind (repeatable); ironic's is ironic_versioned_notifications.", DefaultValueFactory = _ => [NotifierOptions.DefaultTopic], Arity = ArgumentArity.OneOrMore };
        var priorities = new Option<string[]>("--priority") { Description = "A priority to bind (repeatable); by default all.", Arity = ArgumentArity.OneOrMore };
        var pool = new Option<string?>("--pool") { Description = "rabbit:// only: consume from oslo's pool queue of this name (shared with the pool's other listeners)." };
        var osloQueues = new Option<bool>("--oslo-queues") { Description = "Consume oslo's own <topic>.<priority> queues, taking their messages (what an OpenStack consumer would do); amqp:// always does." };
        var durable = new Option<bool>("--durable") { Description = "Declare the exchange and queues durable (oslo's amqp_durable_queues = true); over amqp://, ask for durable nodes." };
        var count = new Option<int?>("--count") { Description = "Stop after this many messages." };
        var json = new Option<bool>("--json") { Description = "Print each notification as the contracts write it (one JSON envelope per line)." };
        var timeout = new Option<double?>("--timeout") { Description = "Give up after this many seconds (exit 1 if --count was not reached)." };
        var command = new Command("listen", "Print the notifications arriving on a RabbitMQ or AMQP 1.0 bus, decoded through the contracts.")
        {
            url, exchange, topics, priorities, pool, osloQueues, durable, count, json, timeout, definitions.RootNamespace, definitions.JsonContext,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = new ListenSettings(
                result.GetValue(url)!,
                result.GetValue(exchange)!,
                result.GetValue(topics)!,
                result.GetValue(priorities) is { Length: > 0 } named ? named.Select(ParsePriority).ToList() : null,
                result.GetValue(pool),
                result.GetValue(osloQueues),
                result.GetValue(durable));
            var wanted = result.GetValue(count);
            if (wanted is < 1)
            {
                throw new UsageException("--count: must be at least 1");
            }

            await using var listener = BusListener.Create(settings);
            using var contracts = MessageContracts.Load(result, definitions);
            var printJson = result.GetValue(json);
            var seen = 0;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var output = new object();
            var dispatcher = new NotificationDispatcher(contracts.Reader).OnUnhandled((message, _) =>
            {
                lock (output)
                {
                    if (wanted is { } limit && seen >= limit)
                    {
                        return ValueTask.CompletedTask;
                    }

                    Print(message, printJson);
                    if (++seen == wanted)
                    {
                        done.TrySetResult();
                    }
                }

                return ValueTask.CompletedTask;
            });

            try
            {
                await listener.StartAsync(contracts.Reader, dispatcher, cancellationToken);
            }
            catch (BrokerUnavailableException e)
            {
                Console.Error.WriteLine("vnotify: " + e.Message);
                return 1;
            }

            Console.Error.WriteLine("vnotify: " + listener.Describe());
            var limitTime = result.GetValue(timeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : Timeout.InfiniteTimeSpan;
            try
            {
                await done.Task.WaitAsync(limitTime, cancellationToken);
                return 0;
            }
            catch (TimeoutException)
            {
                Console.Error.WriteLine($"vnotify: {seen} message(s) within {limitTime.TotalSeconds} s" + (wanted is null ? string.Empty : $", not the {wanted} asked for"));
                return wanted is null ? 0 : 1;
            }
            catch (OperationCanceledException)
            {
                return 0;
            }
        });
        return command;
    }

    private static NotificationPriority ParsePriority(string text) =>
        PriorityNames.TryParse(text, out var priority) ? priority : throw new UsageException($"--priority: '{text}' is not a priority (audit, critical, debug, error, info, sample, warn)");

    private static void Print(NotificationReadResult message, bool json)
    {
        switch (message)
        {
            case DecodedNotification decoded when json:
                using (var stdout = Console.OpenStandardOutput())
                {
                    var options = new PayloadWriteOptions { MaskSecrets = false };
                    stdout.Write(NotificationWriter.Write(decoded.Notification, MessageFormat.MessagingV1, options));
                    stdout.WriteByte((byte)'\n');
                }

                break;
            case DecodedNotification decoded:
                var notification = decoded.Notification;
                var version = decoded.Contract is null ? "-" : (notification.PayloadValue as INotificationPayload)?.WireState?.Version ?? decoded.Contract.ObjectInfo.Version;
                var type = decoded.Contract is null ? EventTypeInfo.TextPayloadName : notification.PayloadValue.GetType().Name;
                Console.WriteLine($"{notification.EventType} {PriorityNames.ToWire(notification.Priority)} {notification.Header.PublisherId} {type} {version}{KeyValues(notification)}");
                break;
            case UnsupportedNotification unsupported:
                Console.WriteLine($"UNSUPPORTED {unsupported.Header.EventType} {PriorityNames.ToWire(unsupported.Header.Priority)} {unsupported.Header.PublisherId}: {unsupported.JsonPath}: {unsupported.Detail}");
                break;
            case MalformedNotification malformed:
                Console.WriteLine($"MALFORMED {malformed.JsonPath}: {malformed.Reason}");
                break;
        }

        Console.Out.Flush();
    }

    /// <summary><c> uuid=... power_state=...</c>: the payload's identifying values, as the contracts write them (secrets masked).</summary>
    private static string KeyValues(Notification notification)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            NotificationWriter.WritePayload(writer, notification);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.String)
        {
            return " " + JsonSerializer.Serialize(root.GetString());
        }

        var data = root;
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name.EndsWith("_object.data", StringComparison.Ordinal) && property.Value.ValueKind == JsonValueKind.Object)
            {
                data = property.Value;
            }
        }

        var shown = new List<string>();
        foreach (var key in KeyFields)
        {
            if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty(key, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
            {
                shown.Add($"{key}={(value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText())}");
            }
        }

        return shown.Count == 0 ? string.Empty : " " + string.Join(' ', shown);
    }
}
