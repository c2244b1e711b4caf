using VersionedNotifications.Drivers;

namespace VersionedNotifications.Tests.Runtime;

/// <summary>A driver whose first <see cref="FailuresLeft"/> sends throw, to hold the notifier's retry and failure handling to account.</summary>
internal sealed class ScriptedDriver(string name, int failures = 0) : INotificationDriver
{
    private readonly List<OutgoingNotification> _received = new();

    public string Name => name;

    public int FailuresLeft { get; private set; } = failures;

    public int Attempts { get; private set; }

    public IReadOnlyList<OutgoingNotification> Received => _received;

    public ValueTask SendAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        Attempts++;
        if (FailuresLeft > 0)
        {
            FailuresLeft--;
            throw new IOException($"{name} is down");
        }

        _received.Add(notification);
        return ValueTask.CompletedTask;
    }
}
