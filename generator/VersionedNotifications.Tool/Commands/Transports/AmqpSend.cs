using VersionedNotifications.Drivers;
using VersionedNotifications.Qpid;
using VersionedNotifications.Tool.Commands.Messages;

namespace VersionedNotifications.Tool.Commands.Transports;

/// <summary>
/// <c>vnotify send</c> over oslo's AMQP 1.0 transport (<c>amqp://</c>), through VersionedNotifications.Qpid's driver:
/// each message on oslo's address for <c>&lt;topic&gt;.&lt;priority&gt;</c>, counted once the peer accepts it.
/// </summary>
internal static class AmqpSend
{
    /// <summary>The driver's options for the command line's values.</summary>
    /// <exception cref="UsageException">A value is not valid for the AMQP 1.0 transport, or a topic not valid for oslo.</exception>
    public static QpidDriverOptions Options(string url, string exchange, IReadOnlyList<string> topics, bool durable, MessageFormat format)
    {
        var options = new QpidDriverOptions
        {
            TransportUrl = url,
            ControlExchange = exchange,
            DurableQueues = durable,
            Format = format,
            Retry = NotificationRetryPolicy.Times(3),

            // send waits for the peer's acceptance itself (--timeout) before it closes the driver.
            ShutdownTimeout = TimeSpan.Zero,
        };
        var errors = options.Validate().Concat(topics.Select(NotifierOptions.TopicError).OfType<string>()).ToList();
        if (errors.Count > 0)
        {
            throw new UsageException(string.Join("; ", errors.Select(TransportSchemes.ToOptionName)));
        }

        return options;
    }

    /// <summary>
    /// Sends every file, each waiting for the peer's answer (all within <paramref name="waitFor"/>): <c>SENT ...</c> for one
    /// the peer accepted, <c>NOT SENT ...: why</c> for one it did not.
    /// </summary>
    /// <returns>0 when every file was sent and accepted, 1 otherwise.</returns>
    public static async Task<int> RunAsync(QpidDriverOptions options, IReadOnlyList<string> topics, IReadOnlyList<string> paths, CapturedMessages messages, TimeSpan waitFor, CancellationToken cancellationToken)
    {
        var failed = 0;
        await using var driver = new QpidNotificationDriver(options);
        using var accepted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        accepted.CancelAfter(waitFor);
        foreach (var path in paths)
        {
            if (!SendableMessage.TryRead(messages, path, topics, out var outgoing, out var failLine))
            {
                Console.WriteLine(failLine);
                failed++;
                continue;
            }

            var sent = SendableMessage.SentLine(outgoing!, options.ControlExchange, topics);
            string? refusal;
            try
            {
                refusal = await driver.SendAndConfirmAsync(outgoing!, accepted.Token);
            }
            catch (NotificationRefusedException e)
            {
                // The peer refused the driver for good at an earlier message: this one is not sent either.
                refusal = e.Message;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Console.WriteLine($"NOT {sent}: the peer did not accept it within {waitFor.TotalSeconds} s");
                Console.Error.WriteLine($"vnotify: {driver.Statistics.Outstanding} message(s) were not accepted by {AmqpTransportUrl.Parse(options.TransportUrl)} within {waitFor.TotalSeconds} s");
                return 1;
            }

            Console.WriteLine(refusal is null ? sent : $"NOT {sent}: {refusal}");
            failed += refusal is null ? 0 : 1;
        }

        return failed == 0 ? 0 : 1;
    }
}
