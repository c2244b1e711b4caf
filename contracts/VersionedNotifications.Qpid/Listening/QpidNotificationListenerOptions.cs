namespace VersionedNotifications.Qpid;

/// <summary>
/// What a <see cref="QpidNotificationListener"/> consumes and how, in oslo.messaging's terms: one receiver
/// link per topic and priority, on the address oslo's amqp1 driver listens on. oslo's amqp1 driver has no
/// listener pools, and neither has this one: listeners on one address share its messages.
/// </summary>
public sealed class QpidNotificationListenerOptions : NotificationListenerOptions, IQpidConnectionOptions
{
    /// <summary>The settings of AMQP 1.0 alone (<c>Notifications:Qpid:*</c>).</summary>
    public QpidBrokerOptions Broker { get; set; } = new();

    /// <summary>The credit each receiver link keeps granted: messages the peer may hand over before they are settled (default 100, oslo's <c>notify_server_credit</c>).</summary>
    public int Credit { get; set; } = 100;

    /// <summary>What a message whose handler threw is settled with (default <see cref="QpidListenerFailureAction.Release"/>).</summary>
    public QpidListenerFailureAction OnFailure { get; set; } = QpidListenerFailureAction.Release;

    /// <summary>The settlements of the listener pipeline, from <see cref="OnFailure"/> and <see cref="NotificationListenerOptions.OnUnreadable"/> (dead-lettering is a reject with the reason).</summary>
    internal override ListenerPolicy Policy => PolicyWith(
        OnFailure == QpidListenerFailureAction.Reject ? SettleDecision.Reject : SettleDecision.Requeue,
        SettleDecision.Reject);

    /// <inheritdoc/>
    public override IReadOnlyList<string> Validate()
    {
        var errors = new List<string>(base.Validate());
        if (Credit < 1)
        {
            errors.Add($"Credit: must be at least 1 (got {Credit})");
        }

        if (!Enum.IsDefined(OnFailure))
        {
            errors.Add($"OnFailure: {(int)OnFailure} is not an action; use Release or Reject");
        }

        return errors;
    }

    private protected override string DefaultTransportUrl => "amqp://";

    private protected override void AddTransportErrors(List<string> errors) => Broker.AddErrors(TransportUrl, errors);
}
