namespace VersionedNotifications.Qpid;

/// <summary>How notification addresses are formed: oslo.messaging's <c>[oslo_messaging_amqp] addressing_mode</c>.</summary>
public enum QpidAddressingMode
{
    /// <summary>
    /// oslo's default: <see cref="Legacy"/> when the peer's open frame says it is <c>qpid-cpp</c> (qpidd) or
    /// names no product, as oslo decides, and also when it is <c>RabbitMQ</c>, whose AMQP 1.0 plugin refuses
    /// oslo's routable addresses (so an oslo service can only meet us there in legacy mode);
    /// <see cref="Routable"/> for every other peer (qpid-dispatch-router, ActiveMQ Artemis, ...).
    /// </summary>
    Dynamic,

    /// <summary><c>unicast[.&lt;vhost&gt;].&lt;exchange&gt;.&lt;topic&gt;.&lt;priority&gt;</c>: a plain name, a queue on a broker.</summary>
    Legacy,

    /// <summary><c>openstack.org/om/notify/anycast[/&lt;vhost&gt;]/&lt;exchange&gt;/&lt;topic&gt;.&lt;priority&gt;</c>, for routers that route by prefix.</summary>
    Routable,
}
