using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Drivers;

/// <summary>
/// Writes each notification to Microsoft.Extensions.Logging, as oslo's <c>log</c> driver writes to
/// Python logging: the envelope JSON is the message, under the category
/// <c>VersionedNotifications.Notification.&lt;event_type&gt;</c>, at the log level of its priority.
/// <c>event_type</c>, <c>priority</c>, <c>publisher_id</c> and <c>message_id</c> are structured
/// properties of the entry and of a scope around it, so a structured sink can index them.
/// </summary>
public sealed class LogNotificationDriver : INotificationDriver
{
    /// <summary>The configuration name, <c>log</c>.</summary>
    public const string DriverName = "log";

    /// <summary>The prefix of the logger category; the event type follows it.</summary>
    public const string CategoryPrefix = "VersionedNotifications.Notification.";

    private readonly ILoggerFactory _loggerFactory;
    private readonly Dictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    /// <summary>A driver that logs through <paramref name="loggerFactory"/>.</summary>
    public LogNotificationDriver(ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _loggerFactory = loggerFactory;
    }

    /// <inheritdoc/>
    public string Name => DriverName;

    /// <summary>The log level a priority is written at: <c>AUDIT</c> and <c>SAMPLE</c> at <see cref="LogLevel.Information"/>.</summary>
    public static LogLevel LevelOf(NotificationPriority priority) => priority switch
    {
        NotificationPriority.Debug => LogLevel.Debug,
        NotificationPriority.Warn => LogLevel.Warning,
        NotificationPriority.Error => LogLevel.Error,
        NotificationPriority.Critical => LogLevel.Critical,
        _ => LogLevel.Information,
    };

    /// <inheritdoc/>
    public ValueTask SendAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var logger = LoggerFor(notification.EventType);
        var level = LevelOf(notification.Priority);
        if (!logger.IsEnabled(level))
        {
            return ValueTask.CompletedTask;
        }

        var priority = PriorityNames.ToWire(notification.Priority);
        using (logger.BeginScope(new NotificationScope(notification, priority)))
        {
            logger.Log(
                level,
                new EventId(1, "Notification"),
                new NotificationLogEntry(notification, priority, Encoding.UTF8.GetString(notification.Envelope.Span)),
                null,
                static (entry, _) => entry.Body);
        }

        return ValueTask.CompletedTask;
    }

    private ILogger LoggerFor(string eventType)
    {
        lock (_loggers)
        {
            if (!_loggers.TryGetValue(eventType, out var logger))
            {
                logger = _loggerFactory.CreateLogger(CategoryPrefix + eventType);
                _loggers.Add(eventType, logger);
            }

            return logger;
        }
    }

    /// <summary>The structured properties of a scope: <c>event_type</c>, <c>priority</c>, <c>publisher_id</c>, <c>message_id</c>.</summary>
    private sealed class NotificationScope(OutgoingNotification notification, string priority) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => 4;

        public KeyValuePair<string, object?> this[int index] => index switch
        {
            0 => new("event_type", notification.EventType),
            1 => new("priority", priority),
            2 => new("publisher_id", notification.PublisherId),
            3 => new("message_id", notification.MessageId),
            _ => throw new ArgumentOutOfRangeException(nameof(index)),
        };

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"{notification.EventType} {priority} {notification.PublisherId} {notification.MessageId}";
    }

    /// <summary>The entry's state: the same properties, the body, and <c>{OriginalFormat}</c> as message templates give.</summary>
    private sealed class NotificationLogEntry(OutgoingNotification notification, string priority, string body) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string Body => body;

        public int Count => 6;

        public KeyValuePair<string, object?> this[int index] => index switch
        {
            0 => new("event_type", notification.EventType),
            1 => new("priority", priority),
            2 => new("publisher_id", notification.PublisherId),
            3 => new("message_id", notification.MessageId),
            4 => new("notification", body),
            5 => new("{OriginalFormat}", "{notification}"),
            _ => throw new ArgumentOutOfRangeException(nameof(index)),
        };

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => body;
    }
}
