namespace VersionedNotifications.Qpid;

/// <summary>
/// The AMQP 1.0 notification driver: oslo's notifications (<c>messagingv2</c>, or <c>messaging</c> for the
/// v1 body) over an <c>amqp://</c> transport, each accepted by the peer before it counts, with a bounded buffer.
/// </summary>
public sealed class QpidDriverOptions : NotificationDriverOptions, IQpidConnectionOptions
{
    /// <summary>The settings of AMQP 1.0 alone (<c>Notifications:Qpid:*</c>).</summary>
    public QpidBrokerOptions Broker { get; set; } = new();

    private protected override string DefaultTransportUrl => "amqp://";

    private protected override void AddTransportErrors(List<string> errors) => Broker.AddErrors(TransportUrl, errors);
}
