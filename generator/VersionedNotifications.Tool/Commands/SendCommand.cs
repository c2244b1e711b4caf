using System.CommandLine;
using VersionedNotifications.Drivers;
using VersionedNotifications.RabbitMQ;
using VersionedNotifications.Tool.Commands.Messages;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Tool.Commands;

/// <summary>
/// <c>vnotify send</c>: publishes captured messages (oslo v2 bodies or v1 envelopes) to RabbitMQ as
/// oslo's messagingv2 driver does, each to <c>&lt;topic&gt;.&lt;priority&gt;</c> on the control exchange, and
/// waits for the broker's confirms. A message is checked as <c>vnotify validate</c> checks it and sent with
/// its values unchanged (secrets as captured). One line per file once the broker confirmed it: <c>SENT
/// &lt;event_type&gt; &lt;PRIORITY&gt; -&gt; &lt;exchange&gt;/&lt;routing key&gt;...</c>, <c>NOT SENT ...: &lt;why&gt;</c> when the
/// broker refused it, or the <c>FAIL</c> line of validate. Exit 0 when every file was sent and confirmed, 1 when
/// one fails or the broker cannot be reached, 2 on a usage error.
/// </summary>
internal static class SendCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "Captured messages: oslo v2 bodies or v1 envelopes, one JSON value per file.", Arity = ArgumentArity.OneOrMore };
        var url = new Option<string>("--url") { Description = "The transport URL: rabbit://user:pass@host:5672/vhost.", Required = true };
        var exchange = new Option<string>("--exchange") { Description = "The control exchange (oslo's control_exchange).", DefaultValueFactory = _ => RabbitMQConnectionOptions.DefaultControlExchange };
        var topics = new Option<string[]>("--topic") { Description = "A topic to send to (repeatable); ironic's is ironic_versioned_notifications.", DefaultValueFactory = _ => [NotifierOptions.DefaultTopic], Arity = ArgumentArity.OneOrMore };
        var durable = new Option<bool>("--durable") { Description = "Declare the exchange and queues durable (oslo's amqp_durable_queues = true)." };
        var format = new Option<string>("--format") { Description = "The body: v2 (messagingv2, the default) or v1 (messaging).", DefaultValueFactory = _ => "v2" };
        format.AcceptOnlyFromAmong("v1", "v2");
        var timeout = new Option<double>("--timeout") { Description = "Seconds to wait for the broker's confirms.", DefaultValueFactory = _ => 30 };
        var command = new Command("send", "Publish captured messages to RabbitMQ as oslo's messagingv2 notifier does.") { files, url, exchange, topics, durable, format, timeout };
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = new RabbitMQDriverOptions
            {
                TransportUrl = result.GetValue(url)!,
                ControlExchange = result.GetValue(exchange)!,
                DurableQueues = result.GetValue(durable),
                Format = result.GetValue(format) == "v1" ? MessageFormat.MessagingV1 : MessageFormat.MessagingV2,
                Retry = NotificationRetryPolicy.Times(3),
            };
            var topicList = result.GetValue(topics)!;
            var errors = options.Validate().Concat(topicList.Select(NotifierOptions.TopicError).OfType<string>()).ToList();
            if (errors.Count > 0)
            {
                throw new UsageException(string.Join("; ", errors.Select(e => e.StartsWith("TransportUrl:", StringComparison.Ordinal) ? "--url:" + e["TransportUrl:".Length..] : e)));
            }

            var paths = result.GetValue(files)!;
            CapturedMessages.EnsureExist(paths);
            var waitFor = TimeSpan.FromSeconds(result.GetValue(timeout));
            try
            {
                using var probe = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                probe.CancelAfter(waitFor);
                await RabbitMQBroker.VerifyAsync(options, probe.Token);
            }
            catch (BrokerUnavailableException e)
            {
                Console.Error.WriteLine("vnotify: " + e.Message);
                return 1;
            }

            var failed = 0;
            await using var driver = new RabbitMQNotificationDriver(options);
            using var confirm = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            confirm.CancelAfter(waitFor);
            foreach (var path in paths)
            {
                var bytes = CapturedMessages.Load(path);
                if (!CapturedMessages.TryRead(bytes, null, out var checkedMessage, out var failure))
                {
                    Console.WriteLine(failure.ToLine(path));
                    failed++;
                    continue;
                }

                if (checkedMessage.Format is null || CapturedMessages.Reader.Read(bytes) is not DecodedNotification decoded)
                {
                    Console.WriteLine(new MessageFailure("$", "a bare payload has no envelope (event type, priority, publisher) to send; capture the whole message").ToLine(path));
                    failed++;
                    continue;
                }

                var notification = decoded.Notification;
                var writeOptions = new PayloadWriteOptions { MaskSecrets = false, WriteChanges = checkedMessage.FaithfulOptions.WriteChanges };
                var keys = string.Join(", ", topicList.Select(t => $"{options.ControlExchange}/{t}.{PriorityNames.ToRoutingSuffix(notification.Priority)}"));
                var sent = $"{notification.EventType} {PriorityNames.ToWire(notification.Priority)} -> {keys}";
                string? refusal;
                try
                {
                    refusal = await driver.SendAndConfirmAsync(OutgoingNotification.Create(notification, topicList, writeOptions), confirm.Token);
                }
                catch (NotificationRefusedException e)
                {
                    refusal = e.Message;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                Console.WriteLine(refusal is null ? "SENT " + sent : $"NOT SENT {sent}: {refusal}");
                failed += refusal is null ? 0 : 1;
            }

            try
            {
                await driver.FlushAsync(confirm.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Console.Error.WriteLine($"vnotify: {driver.Statistics.Outstanding} message(s) were not confirmed by {TransportUrl.Parse(options.TransportUrl)} within {waitFor.TotalSeconds} s");
                return 1;
            }

            return failed == 0 ? 0 : 1;
        });
        return command;
    }
}
