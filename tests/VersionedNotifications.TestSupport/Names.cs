namespace VersionedNotifications.TestSupport;

/// <summary>Exchange, topic and queue names no other test uses, so tests on one broker never see each other's messages.</summary>
public static class Names
{
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
