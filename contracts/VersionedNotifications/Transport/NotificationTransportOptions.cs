using System;
using System.Collections.Generic;

namespace VersionedNotifications;

/// <summary>
/// What every transport's driver and listener options share: where the broker is, the control exchange, the
/// durability of what is declared, and the pause before connecting again. The settings of one broker
/// (<c>Notifications:RabbitMQ:*</c>, <c>Notifications:Qpid:*</c>) are in the options' <c>Broker</c>.
/// </summary>
public abstract class NotificationTransportOptions
{
    /// <summary>oslo's <c>[DEFAULT] control_exchange</c> default.</summary>
    public const string DefaultControlExchange = "openstack";

    private string? _transportUrl;

    /// <summary>oslo's <c>transport_url</c> (<c>rabbit://user:pass@host:5672/vhost</c>, <c>amqp://user:pass@host:5672/</c>); by default <c>localhost</c>.</summary>
    public string TransportUrl
    {
        get => _transportUrl ?? DefaultTransportUrl;
        set => _transportUrl = value;
    }

    /// <summary>oslo's <c>control_exchange</c> (default <c>openstack</c>; ironic sets <c>ironic</c>, glance <c>glance</c>): the exchange notifications go through, or part of every AMQP 1.0 address.</summary>
    public string ControlExchange { get; set; } = DefaultControlExchange;

    /// <summary>
    /// Whether what the transport declares is durable (default <see langword="false"/>, as oslo): RabbitMQ's exchange and
    /// queues (oslo's <c>amqp_durable_queues</c>), or the AMQP 1.0 nodes behind the addresses (terminus durability
    /// <c>configuration</c>). It must match what the other services on the broker declare, or the broker refuses the
    /// declaration (PRECONDITION_FAILED). Messages outlive a broker restart only in durable queues.
    /// </summary>
    public bool DurableQueues { get; set; }

    /// <summary>
    /// The wait before connecting again after a lost connection (default 1 s; oslo's <c>rabbit_retry_interval</c> and
    /// <c>connection_retry_interval</c>), grown after each failure as each oslo driver grows it, up to 30 s.
    /// </summary>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>What is wrong with the options, one message per problem naming the option.</summary>
    public virtual IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        AddTransportErrors(errors);
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

    /// <summary>The transport's URL of <c>localhost</c>: <c>rabbit://</c>, <c>amqp://</c>.</summary>
    private protected abstract string DefaultTransportUrl { get; }

    /// <summary>Adds what is wrong with <see cref="TransportUrl"/> for this transport, and with the broker's own settings.</summary>
    private protected abstract void AddTransportErrors(List<string> errors);

    /// <summary>Throws when the options are not valid; for the constructors of drivers and listeners.</summary>
    /// <exception cref="ArgumentException">The options are not valid; the message lists every problem.</exception>
    internal void ThrowIfInvalid(string what)
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"The {what} options are not valid: " + string.Join("; ", errors), "options");
        }
    }
}
