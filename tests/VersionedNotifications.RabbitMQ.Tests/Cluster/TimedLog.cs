using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace VersionedNotifications.RabbitMQ.Tests.Cluster;

/// <summary>
/// A logging provider that keeps each entry with when it came, so that a failover test can measure how long a
/// driver or listener was without a connection (from "Lost the connection to" to the next "Reconnected to").
/// </summary>
internal sealed partial class TimedLog : ILoggerProvider
{
    public sealed record Entry(TimeSpan At, LogLevel Level, string Message, Exception? Exception);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    /// <summary>The port of the node the last "Connected to" or "Reconnected to" names, or null before any.</summary>
    public int? ConnectedPort() =>
        Entries.Select(e => ConnectedTo().Match(e.Message)).LastOrDefault(m => m.Success) is { } match ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>Each loss of a connection and how long it took until the next one was made.</summary>
    public IReadOnlyList<TimeSpan> Outages()
    {
        var outages = new List<TimeSpan>();
        TimeSpan? lost = null;
        foreach (var entry in Entries)
        {
            if (entry.Message.StartsWith("Lost the connection to", StringComparison.Ordinal))
            {
                lost ??= entry.At;
            }
            else if (lost is { } since && ConnectedTo().IsMatch(entry.Message))
            {
                outages.Add(entry.At - since);
                lost = null;
            }
        }

        return outages;
    }

    /// <summary>Why the driver published messages again (the reason of each "publishing again" line), with how often, most often first.</summary>
    public string RepublishReasons() =>
        string.Join("; ", Entries.Select(e => Republishing().Match(e.Message)).Where(m => m.Success)
            .GroupBy(m => m.Groups[1].Value).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} x {g.Key}"));

    public string Tail(int count = 30) =>
        string.Join("\n", Entries.Where(e => !e.Message.Contains("publishing again", StringComparison.Ordinal)).TakeLast(count)
            .Select(e => $"{e.At.TotalSeconds:0.000} {e.Level}: {e.Message} {e.Exception?.GetType().Name} {e.Exception?.Message}"));

    public void Dispose()
    {
    }

    [GeneratedRegex(@"^(?:Re)?[Cc]onnected to \S+:(\d+) of ")]
    private static partial Regex ConnectedTo();

    [GeneratedRegex(@"\(attempt \d+: (.*)\); publishing again in ")]
    private static partial Regex Republishing();

    private sealed class Logger(TimedLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log._entries.Enqueue(new Entry(log._clock.Elapsed, logLevel, formatter(state, exception), exception));
    }
}
