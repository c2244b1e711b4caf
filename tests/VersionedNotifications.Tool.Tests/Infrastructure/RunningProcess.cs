using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace VersionedNotifications.Tool.Tests.Infrastructure;

/// <summary>
/// A program left running while a test does something else (vnotify listen, a sample), its output lines collected as
/// they come. Disposing kills it if it still runs.
/// </summary>
internal sealed class RunningProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly StringBuilder _error = new();

    private RunningProcess(Process process)
    {
        _process = process;
    }

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>The vnotify built with these tests.</summary>
    public static RunningProcess Vnotify(params string[] arguments) => Start("dotnet", [Infrastructure.Vnotify.Path, .. arguments]);

    /// <summary>A sample of samples/, built with these tests, run as its README runs it.</summary>
    public static RunningProcess Sample(string name, params string[] arguments)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        return Start("dotnet", [Path.Combine(RepositoryLayout.Root, "samples", name, "bin", configuration, "net10.0", name + ".dll"), .. arguments]);
    }

    /// <summary>Waits until standard error has a line that satisfies <paramref name="match"/>; fails with the output when the process ends or time runs out.</summary>
    public async Task WaitForErrorLineAsync(Func<string, bool> match, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!Error.Split('\n').Any(match))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                // The last lines of a process that ended may still be on their way.
                await Task.Delay(TimeSpan.FromMilliseconds(500));
                Assert.True(Error.Split('\n').Any(match), $"the awaited line did not come ({(_process.HasExited ? "exited " + _process.ExitCode : "timed out")})\n{this}");
                return;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The exit code, once the process ends and its output is read; fails when it runs past <paramref name="within"/> (a hang catcher).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan within)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(within);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{_process.StartInfo.FileName} did not exit within {within}\n{this}");
        }

        return _process.ExitCode;
    }

    public override string ToString() => $"stdout:\n{string.Join('\n', Lines)}\nstderr:\n{Error}";

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static RunningProcess Start(string fileName, string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = new Process { StartInfo = start };
        var running = new RunningProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                running._lines.Enqueue(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (running._error)
                {
                    running._error.AppendLine(e.Data);
                }
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }
}
