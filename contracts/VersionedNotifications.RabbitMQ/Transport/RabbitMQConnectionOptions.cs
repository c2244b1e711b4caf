using System;
using System.Collections.Generic;

namespace VersionedNotifications.RabbitMQ;

/// <summary>
/// Where the broker is and how oslo.messaging's topology on it looks; shared by the driver and the
/// listener. The defaults are oslo's, so both meet an OpenStack service on the same exchange and queues.
/// </summary>
public abstract class RabbitMQConnectionOptions
{
    /// <summary>oslo's <c>[DEFAULT] control_exchange</c> default.</summary>
    public const string DefaultControlExchange = "openstack";

    /// <summary>oslo's <c>transport_url</c>: <c>rabbit://user:pass@host:5672/vhost</c> (see <see cref="RabbitMQ.TransportUrl"/>); by default <c>localhost</c> as guest.</summary>
    public string TransportUrl { get; set; } = "rabbit://";

    /// <summary>The topic exchange notifications go through: oslo's <c>control_exchange</c> (default <c>openstack</c>; ironic sets <c>ironic</c>, glance <c>glance</c>).</summary>
    public string ControlExchange { get; set; } = DefaultControlExchange;

    /// <summary>
    /// oslo's <c>[oslo_messaging_rabbit] amqp_durable_queues</c> (default <see langword="false"/>): whether the
    /// exchange and queues are declared durable. It must match what the services on the broker declare,
    /// or the broker refuses the declaration (PRECONDITION_FAILED). Messages outlive a broker restart only
    /// in durable queues.
    /// </summary>
    public bool DurableQueues { get; set; }

    /// <summary>oslo's <c>amqp_auto_delete</c> (default <see langword="false"/>): whether the exchange and queues are declared auto-delete.</summary>
    public bool AutoDelete { get; set; }

    /// <summary>Connect with TLS (oslo's <c>[oslo_messaging_rabbit] ssl</c>); the server certificate must be valid for the host name.</summary>
    public bool UseTls { get; set; }

    /// <summary>The name the connection shows in the broker's management UI.</summary>
    public string? ConnectionName { get; set; }

    /// <summary>How long to wait between attempts to reach the broker (default 1 s; oslo's <c>rabbit_retry_interval</c>).</summary>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait before reconnecting after <paramref name="failures"/> failed attempts in a row: <see cref="RecoveryInterval"/> times the count, at most 10 times and at most 30 s.</summary>
    internal TimeSpan ReconnectDelay(int failures) =>
        TimeSpan.FromTicks(Math.Min(RecoveryInterval.Ticks * Math.Min(failures, 10), TimeSpan.FromSeconds(30).Ticks));

    /// <summary>What is wrong with the connection options, one message per problem naming the option.</summary>
    public virtual IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!RabbitMQ.TransportUrl.TryParse(TransportUrl, out _, out var error))
        {
            errors.Add("TransportUrl: " + error);
        }

        if (string.IsNullOrWhiteSpace(ControlExchange))
        {
            errors.Add("ControlExchange: cannot be empty (oslo's default is 'openstack')");
        }

        if (RecoveryInterval <= TimeSpan.Zero)
        {
            errors.Add($"RecoveryInterval: must be positive (got {RecoveryInterval})");
        }

        return errors;
    }
}
