namespace VersionedNotifications.Qpid.Tests.Transport;

/// <summary>The receiver's credit: the window at the start, and more only once the granted credit is used up and half the window is settled.</summary>
public sealed class ReceiverCreditTests
{
    [Fact]
    public void The_window_is_granted_at_the_start_and_nothing_more_while_credit_is_open()
    {
        var credit = new ReceiverCredit(10);
        Assert.Equal(10, credit.Start());
        for (var i = 0; i < 9; i++)
        {
            Assert.Equal(0, credit.Arrived());
            Assert.Equal(0, credit.Settled());
        }

        // Everything settled, but one granted message is still to come: a flow now is what RabbitMQ overruns.
        Assert.Equal(1, credit.Open);
        Assert.Equal(0, credit.Held);
    }

    [Fact]
    public void Once_the_credit_is_used_up_the_window_is_refilled_when_half_of_it_is_settled()
    {
        var credit = new ReceiverCredit(10);
        credit.Start();
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(0, credit.Arrived());
        }

        Assert.Equal(0, credit.Open);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(0, credit.Settled());
        }

        // Five held: half the window. Granting five brings held and open back to ten.
        Assert.Equal(5, credit.Settled());
        Assert.Equal(5, credit.Open);
        Assert.Equal(5, credit.Held);
    }

    [Fact]
    public void Credit_used_up_with_little_held_is_refilled_on_arrival()
    {
        var credit = new ReceiverCredit(4);
        credit.Start();
        for (var i = 0; i < 3; i++)
        {
            credit.Arrived();
            credit.Settled();
        }

        Assert.Equal(3, credit.Arrived());
        Assert.Equal(3, credit.Open);
        Assert.Equal(1, credit.Held);
    }

    [Fact]
    public void A_window_of_one_waits_for_each_settlement()
    {
        var credit = new ReceiverCredit(1);
        Assert.Equal(1, credit.Start());
        Assert.Equal(0, credit.Arrived());
        Assert.Equal(1, credit.Settled());
    }
}
