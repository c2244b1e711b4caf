using VersionedNotifications.Drivers;
using VersionedNotifications.OpenStack;
using IronicEvents = VersionedNotifications.OpenStack.Ironic.EventTypes;

namespace VersionedNotifications.Tests.Runtime;

/// <summary>The capture driver, for a service's own tests.</summary>
public sealed class CaptureDriverTests
{
    [Fact]
    public async Task Waiting_for_notifications_ends_when_they_arrive()
    {
        var capture = new CaptureNotificationDriver(OpenStackJsonContext.Default);
        using var notifier = new Notifier(new NotifierOptions { Level = NotificationLevel.Info }, [capture]);

        var waiting = capture.WaitForCountAsync(2, TimeSpan.FromSeconds(30));
        await notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Start, RuntimePayloads.PowerSetStart());
        Assert.False(waiting.IsCompleted);
        await notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.End, RuntimePayloads.PowerSetStart());
        await waiting;

        Assert.Single(capture.OfType(IronicEvents.Baremetal.Node.PowerSet.End));
        capture.Clear();
        Assert.Empty(capture.Captured);
    }

    [Fact]
    public async Task Waiting_too_long_says_how_many_came()
    {
        var capture = new CaptureNotificationDriver();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => capture.WaitForCountAsync(1, TimeSpan.FromMilliseconds(50)));

        Assert.Equal("0 of 1 notifications were captured within 00:00:00.0500000.", error.Message);
    }

    [Fact]
    public void Reading_needs_contracts() =>
        Assert.Throws<InvalidOperationException>(() => new CaptureNotificationDriver().Read());
}
