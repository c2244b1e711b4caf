using System.CommandLine;
using VersionedNotifications.Drivers;
using VersionedNotifications.RabbitMQ;
using VersionedNotifications.Tool.Commands.Messages;
using VersionedNotifications.Tool.Commands.Transports;
using VersionedNotifications.Tool.Contracts;

namespace VersionedNotifications.Tool.Commands;

/// <summary>
/// <c>vnotify send</c>: publishes captured messages (oslo v2 bodies or v1 envelopes) as oslo's messagingv2 driver
/// does, to RabbitMQ (<c>rabbit://</c>) each to <c>&lt;topic&gt;.&lt;priority&gt;</c> on the control exchange, or over
/// AMQP 1.0 (<c>amqp://</c>, <see cref="AmqpSend"/>) to oslo's address for it, and waits for the broker's confirms.
/// A message is checked as <c>vnotify validate</c> checks it (through the contracts compiled from <c>--definitions</c>,
/// or the built-in OpenStack ones) and sent with its values unchanged (secrets as captured). One line per file once
/// the broker confirmed it: <c>SENT &lt;event_type&gt; &lt;PRIORITY&gt; -&gt; &lt;exchange&gt;/&lt;routing key&gt;...</c>,
/// <c>NOT SENT ...: &lt;why&gt;</c> when the broker refused it, or the <c>FAIL</c> line of validate. Exit 0 when every
/// file was sent and confirmed, 1 when one fails or the broker cannot be reached, 2 on a usage error.
/// </summary>
internal static class SendCommand
{
    public static Command Create(DefinitionsOptions definitions)
    {
        var files = new Argument<string[]>("FILE") { Description = "Captured messages: oslo v2 bodies or v1 envelopes, one JSON value per file.", Arity = ArgumentArity.OneOrMore };
        var url = new Option<string>("--url") { Description = TransportSchemes.Help, Required = true };
        var exchange = new Option<string>("--exchange") { Description = "The control exchange (oslo's control_exchange).", DefaultValueFactory = _ => NotificationTransportOptions.DefaultControlExchange };
        var topics = new Option<string[]>("--topic") { Description = "A topic to send to (repeatable); ironic's is ironic_versioned_notifications.", DefaultValueFactory = _ => [NotifierOptions.DefaultTopic], Arity = ArgumentArity.OneOrMore };
        var durable = new Option<bool>("--durable") { Description = "Declare the exchange and queues durable (oslo's amqp_durable_queues = true); over amqp://, ask for durable nodes." };
        var format = new Option<string>("--format") { Description = "The body: v2 (messagingv2, the default) or v1 (messaging).", DefaultValueFactory = _ => "v2" };
        format.AcceptOnlyFromAmong("v1", "v2");
        var timeout = new Option<double>("--timeout") { Description = "Seconds to wait for the broker's confirms.", DefaultValueFactory = _ => 30 };
        var command = new Command("send", "Publish captured messages to RabbitMQ or over AMQP 1.0 as oslo's messagingv2 notifier does.")
        {
            files, url, exchange, topics, durable, format, timeout, definitions.RootNamespace, definitions.JsonContext,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var messageFormat = result.GetValue(format) == "v1" ? MessageFormat.MessagingV1 : MessageFormat.MessagingV2;
            TransportSchemes.ThrowIfUnknown(result.GetValue(url)!);
            if (TransportSchemes.IsAmqp10(result.GetValue(url)!))
            {
                var amqpOptions = AmqpSend.Options(result.GetValue(url)!, result.GetValue(exchange)!, result.GetValue(topics)!, result.GetValue(durable), messageFormat);
                CapturedMessages.EnsureExist(result.GetValue(files)!);
                using var amqpContracts = MessageContracts.Load(result, definitions);
                var amqpMessages = new CapturedMessages(amqpContracts.Reader);
                return await AmqpSend.RunAsync(amqpOptions, result.GetValue(topics)!, result.GetValue(files)!, amqpMessages, TimeSpan.FromSeconds(result.GetValue(timeout)), cancellationToken);
            }

            var options = new RabbitMQDriverOptions
            {
                TransportUrl = result.GetValue(url)!,
                ControlExchange = result.GetValue(exchange)!,
                DurableQueues = result.GetValue(durable),
                Format = messageFormat,
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
            using var contracts = MessageContracts.Load(result, definitions);
            var messages = new CapturedMessages(contracts.Reader);
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
                if (!SendableMessage.TryRead(messages, path, topicList, out var outgoing, out var failLine))
                {
                    Console.WriteLine(failLine);
                    failed++;
                    continue;
                }

                var sent = SendableMessage.SentLine(outgoing!, options.ControlExchange, topicList);
                string? refusal;
                try
                {
                    refusal = await driver.SendAndConfirmAsync(outgoing!, confirm.Token);
                }
                catch (NotificationRefusedException e)
                {
                    refusal = e.Message;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                Console.WriteLine(refusal is null ? sent : $"NOT {sent}: {refusal}");
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
