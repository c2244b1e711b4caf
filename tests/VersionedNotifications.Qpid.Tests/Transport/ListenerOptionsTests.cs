namespace VersionedNotifications.Qpid.Tests.Transport;

/// <summary>The listener options' checks, the ones every transport shares (the core's NotificationListenerOptions) and AMQP 1.0's own, each naming its option.</summary>
public sealed class ListenerOptionsTests
{
    [Fact]
    public void Every_problem_is_listed_with_the_option_it_concerns()
    {
        var options = new QpidNotificationListenerOptions
        {
            Topics = ["notifications", "bad topic"],
            Priorities = [(NotificationPriority)42],
            Credit = 0,
            MaxConcurrency = 0,
            OnFailure = (QpidListenerFailureAction)7,
            OnUnreadable = (UnreadableMessageAction)9,
            RequeueDelay = TimeSpan.FromSeconds(-1),
        };

        var errors = options.Validate();

        Assert.Contains(errors, e => e.StartsWith("Topics[1]: ", StringComparison.Ordinal));
        Assert.Contains("Priorities: 42 is not a priority", errors);
        Assert.Contains("Credit: must be at least 1 (got 0)", errors);
        Assert.Contains("MaxConcurrency: must be at least 1 (got 0)", errors);
        Assert.Contains("OnFailure: 7 is not an action; use Release or Reject", errors);
        Assert.Contains("OnUnreadable: 9 is not an action; use Acknowledge or DeadLetter", errors);
        Assert.Contains(errors, e => e.StartsWith("RequeueDelay: cannot be negative", StringComparison.Ordinal));
        Assert.Empty(new QpidNotificationListenerOptions().Validate());
    }
}
