namespace VersionedNotifications.Tests.Runtime;

/// <summary>oslo's retry option (-1 forever, 0 none, N times) with a doubling, capped backoff.</summary>
public sealed class RetryPolicyTests
{
    [Theory]
    [InlineData(-1, null)]
    [InlineData(-5, null)]
    [InlineData(0, 0)]
    [InlineData(3, 3)]
    public void Oslo_retry_values_map_to_policies(int retry, int? maxRetries) =>
        Assert.Equal(maxRetries, NotificationRetryPolicy.FromOslo(retry).MaxRetries);

    [Fact]
    public void N_times_means_N_retries_after_the_first_attempt()
    {
        var policy = NotificationRetryPolicy.Times(2);

        Assert.True(policy.ShouldRetry(1));
        Assert.True(policy.ShouldRetry(2));
        Assert.False(policy.ShouldRetry(3));
        Assert.False(NotificationRetryPolicy.None.ShouldRetry(1));
        Assert.True(NotificationRetryPolicy.Forever.ShouldRetry(1_000_000));
    }

    [Fact]
    public void The_wait_doubles_up_to_the_cap()
    {
        var policy = new NotificationRetryPolicy { InitialDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) };

        var delays = Enumerable.Range(1, 6).Select(a => policy.DelayAfter(a).TotalMilliseconds);

        Assert.Equal([100d, 200d, 400d, 800d, 1000d, 1000d], delays);
        Assert.Equal(TimeSpan.FromSeconds(1), policy.DelayAfter(int.MaxValue));
    }
}
