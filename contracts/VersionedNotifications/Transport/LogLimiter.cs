using System;

namespace VersionedNotifications;

/// <summary>
/// Lets a few log lines of one kind through in each window and counts the rest, so that a flood (a broker
/// away for an hour, a stream of poison messages) costs a bounded number of lines. The next line let through
/// says how many were left out before it.
/// </summary>
internal sealed class LogLimiter
{
    /// <summary>Ten lines a minute.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(1);

    private readonly int _linesPerWindow;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly object _lock = new();
    private long _windowStart = long.MinValue;
    private int _lines;
    private long _suppressed;

    /// <summary>A limiter of <paramref name="linesPerWindow"/> lines per <paramref name="window"/> (default one minute).</summary>
    public LogLimiter(int linesPerWindow = 10, TimeSpan? window = null, TimeProvider? time = null)
    {
        _linesPerWindow = linesPerWindow;
        _window = window ?? DefaultWindow;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Whether to log this line; when so, <paramref name="suppressed"/> is how many were left out since the last one logged.</summary>
    public bool TryEnter(out long suppressed)
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            if (_windowStart == long.MinValue || _time.GetElapsedTime(_windowStart, now) >= _window)
            {
                _windowStart = now;
                _lines = 0;
            }

            if (_lines < _linesPerWindow)
            {
                _lines++;
                suppressed = _suppressed;
                _suppressed = 0;
                return true;
            }

            _suppressed++;
            suppressed = 0;
            return false;
        }
    }

    /// <summary>The lines left out since the last one logged, for a closing summary; counting starts again.</summary>
    public long TakeSuppressed()
    {
        lock (_lock)
        {
            var suppressed = _suppressed;
            _suppressed = 0;
            return suppressed;
        }
    }
}
