namespace VersionedNotifications.TestSupport;

/// <summary>Waits, within a bound, for something another process or thread makes true.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, TimeSpan within, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + within;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Not within {within}: {describe()}");
            }

            await Task.Delay(20);
        }
    }
}
