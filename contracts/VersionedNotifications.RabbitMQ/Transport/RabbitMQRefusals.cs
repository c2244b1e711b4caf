using global::RabbitMQ.Client.Exceptions;

namespace VersionedNotifications.RabbitMQ;

/// <summary>
/// Tells the broker's refusals that trying again cannot heal (a declaration that conflicts with what exists,
/// access refused, an unknown virtual host, wrong credentials) from failures that pass (a broker away, a
/// connection lost), and says for each which setting to change.
/// </summary>
internal static class RabbitMQRefusals
{
    /// <summary>
    /// Why <paramref name="error"/>, met while doing <paramref name="attempt"/> (such as "declare exchange 'x'"),
    /// cannot heal by retrying, naming the setting to change; <see langword="null"/> when trying again may work.
    /// </summary>
    public static string? Explain(Exception error, IRabbitMQConnectionOptions options, string attempt)
    {
        var url = TransportUrl.Parse(options.TransportUrl);
        var where = $"The broker at {url} refused to {attempt}";
        for (var cause = error; cause is not null; cause = cause.InnerException)
        {
            if (cause is AuthenticationFailureException or PossibleAuthenticationFailureException)
            {
                return $"{where}: it does not accept the user name or password ({cause.Message}). Set the credentials of TransportUrl (oslo's transport_url) to a user of this broker.";
            }

            if (cause is OperationInterruptedException { ShutdownReason: { } reason })
            {
                var said = $"{reason.ReplyCode} {reason.ReplyText}";
                switch (reason.ReplyCode)
                {
                    case 406:
                        return $"{where} ({said}): it exists with other settings. Set DurableQueues (oslo's [oslo_messaging_rabbit] amqp_durable_queues, now {Flag(options.DurableQueues)}), "
                            + $"AutoDelete (amqp_auto_delete, now {Flag(options.Broker.AutoDelete)}), QuorumQueue (rabbit_quorum_queue, now {Flag(options.Broker.QuorumQueue)}) and its limits "
                            + "as the services on this broker set them, or delete the exchange and queues they declared.";
                    case 403:
                        return $"{where} ({said}). Give user '{url.UserName}' configure, write and read permissions on virtual host '{url.EffectiveVirtualHost}', or change ControlExchange (oslo's control_exchange) to a name it may use.";
                    case 530:
                        return $"{where} ({said}). Set the virtual host of TransportUrl (the path of oslo's transport_url; empty means '/') to one that exists and that user '{url.UserName}' may use.";
                }
            }
        }

        return null;
    }

    private static string Flag(bool value) => value ? "true" : "false";
}
