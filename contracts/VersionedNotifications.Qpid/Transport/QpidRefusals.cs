using Amqp;
using Amqp.Framing;

namespace VersionedNotifications.Qpid;

/// <summary>
/// Tells the peer's refusals that trying again cannot heal (credentials it does not accept, an address the user
/// may not use or that does not exist, a node that exists with another durability) from failures that pass (a
/// peer away, a connection lost), and says for each which setting to change.
/// </summary>
internal static class QpidRefusals
{
    /// <summary>
    /// Why <paramref name="error"/>, the peer's answer to <paramref name="attempt"/> (such as "open a connection"),
    /// cannot heal by retrying, naming the setting to change; <see langword="null"/> when trying again may work.
    /// </summary>
    public static string? Explain(Error? error, IQpidConnectionOptions options, string url, string attempt)
    {
        if (error is null)
        {
            return null;
        }

        var where = $"The peer at {url} refused to {attempt} ({AmqpConnection.Describe(error)})";
        return error.Condition.ToString() switch
        {
            ErrorCode.UnauthorizedAccess => $"{where}. Set the credentials of TransportUrl (oslo's transport_url) to a user of this broker that may use the control exchange '{options.ControlExchange}'.",
            ErrorCode.NotFound => $"{where}: it has no such node. Set ControlExchange (oslo's control_exchange, now '{options.ControlExchange}') and the addressing options as the services on this broker use them.",
            ErrorCode.PreconditionFailed => $"{where}: it exists with other settings. Set DurableQueues (oslo's amqp_durable_queues, now {(options.DurableQueues ? "true" : "false")}) as the services on this broker set it.",
            _ => null,
        };
    }
}
