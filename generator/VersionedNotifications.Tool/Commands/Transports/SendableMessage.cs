using VersionedNotifications.Drivers;
using VersionedNotifications.Tool.Commands.Messages;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Tool.Commands.Transports;

/// <summary>A captured file as <c>vnotify send</c> publishes it, whichever transport: checked as validate checks it, and sent with its values unchanged.</summary>
internal static class SendableMessage
{
    /// <summary>The notification in <paramref name="path"/>, ready to send to <paramref name="topics"/>, or the FAIL line that says why not.</summary>
    public static bool TryRead(CapturedMessages messages, string path, IReadOnlyList<string> topics, out OutgoingNotification? outgoing, out string? failLine)
    {
        outgoing = null;
        failLine = null;
        var bytes = CapturedMessages.Load(path);
        if (!messages.TryRead(bytes, null, out var checkedMessage, out var failure))
        {
            failLine = failure.ToLine(path);
            return false;
        }

        if (checkedMessage.Format is null || messages.Reader.Read(bytes) is not DecodedNotification decoded)
        {
            failLine = new MessageFailure("$", "a bare payload has no envelope (event type, priority, publisher) to send; capture the whole message").ToLine(path);
            return false;
        }

        var writeOptions = new PayloadWriteOptions { MaskSecrets = false };
        outgoing = OutgoingNotification.Create(decoded.Notification, topics, writeOptions);
        return true;
    }

    /// <summary><c>SENT &lt;event_type&gt; &lt;PRIORITY&gt; -&gt; &lt;exchange&gt;/&lt;topic&gt;.&lt;priority&gt;, ...</c>.</summary>
    public static string SentLine(OutgoingNotification outgoing, string exchange, IReadOnlyList<string> topics)
    {
        var keys = string.Join(", ", topics.Select(t => $"{exchange}/{t}.{PriorityNames.ToRoutingSuffix(outgoing.Priority)}"));
        return $"SENT {outgoing.EventType} {PriorityNames.ToWire(outgoing.Priority)} -> {keys}";
    }
}
