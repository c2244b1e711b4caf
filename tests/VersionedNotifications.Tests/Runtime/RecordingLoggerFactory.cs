using Microsoft.Extensions.Logging;

namespace VersionedNotifications.Tests.Runtime;

/// <summary>Keeps what is logged, with the structured state and the scope around it, as a structured sink sees them.</summary>
internal sealed class RecordingLoggerFactory : ILoggerFactory
{
    public sealed record Entry(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Properties, IReadOnlyDictionary<string, object?> Scope);

    public List<Entry> Entries { get; } = new();

    public LogLevel MinimumLevel { get; init; } = LogLevel.Trace;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private sealed class Logger(RecordingLoggerFactory factory, string category) : ILogger
    {
        private IReadOnlyDictionary<string, object?> _scope = new Dictionary<string, object?>();

        public IDisposable BeginScope<TState>(TState state)
            where TState : notnull
        {
            _scope = ToDictionary(state);
            return new Scope(this);
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel >= factory.MinimumLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                factory.Entries.Add(new Entry(category, logLevel, formatter(state, exception), ToDictionary(state), _scope));
            }
        }

        private static IReadOnlyDictionary<string, object?> ToDictionary(object? state) =>
            state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.ToDictionary(p => p.Key, p => p.Value) : new Dictionary<string, object?>();

        private sealed class Scope(Logger logger) : IDisposable
        {
            public void Dispose() => logger._scope = new Dictionary<string, object?>();
        }
    }
}
