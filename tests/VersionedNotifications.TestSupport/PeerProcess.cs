using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace VersionedNotifications.TestSupport;

/// <summary>
/// A real peer process (oslo.messaging under /usr/bin/python3, or the built vnotify) whose output lines
/// are collected as they come. Disposing kills it if it still runs.
/// </summary>
public sealed class PeerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly StringBuilder _error = new();
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PeerProcess(Process process)
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

    public int ExitCode => _process.ExitCode;

    /// <summary>The real oslo.messaging, run by Debian's python, on one of the scripts in tests/interop.</summary>
    public static PeerProcess Python(string script, params string[] arguments) =>
        Start("/usr/bin/python3", [Repository.PathOf("tests", "interop", script), .. arguments]);

    /// <summary>The vnotify built with these tests.</summary>
    public static PeerProcess Vnotify(params string[] arguments)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var path = Repository.PathOf("generator", "VersionedNotifications.Tool", "bin", configuration, "net10.0", "vnotify.dll");
        return Start("dotnet", [path, .. arguments]);
    }

    /// <summary>A sample of samples/, built with these tests, run as its README runs it.</summary>
    public static PeerProcess Sample(string name, params string[] arguments)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        return Start("dotnet", [Repository.PathOf("samples", name, "bin", configuration, "net10.0", name + ".dll"), .. arguments]);
    }

    public async Task WriteLinesAsync(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            await _process.StandardInput.WriteLineAsync(line);
        }

        _process.StandardInput.Close();
    }

    /// <summary>Waits until a line satisfies <paramref name="match"/>, failing with the output when the process ends or time runs out.</summary>
    public async Task WaitForLineAsync(Func<string, bool> match, TimeSpan within, bool onStandardError = false)
    {
        var deadline = DateTime.UtcNow + within;
        while (!(onStandardError ? Error.Split('\n').Any(match) : Lines.Any(match)))
        {
            if (_exited.Task.IsCompleted || DateTime.UtcNow > deadline)
            {
                await Task.Delay(100);
                if (onStandardError ? Error.Split('\n').Any(match) : Lines.Any(match))
                {
                    return;
                }

                Assert.Fail($"{_process.StartInfo.FileName} {string.Join(' ', _process.StartInfo.ArgumentList)}: the awaited line did not come ({(_exited.Task.IsCompleted ? $"exited {_process.ExitCode}" : "timed out")})\nstdout:\n{string.Join('\n', Lines)}\nstderr:\n{Error}");
            }

            await Task.Delay(20);
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan within)
    {
        try
        {
            await _exited.Task.WaitAsync(within);

            // Exited can come before the last lines of the redirected output are read; this waits for both streams' end.
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{_process.StartInfo.FileName} did not exit within {within}\nstdout:\n{string.Join('\n', Lines)}\nstderr:\n{Error}");
        }

        return _process.ExitCode;
    }

    public override string ToString() => $"exit {(_process.HasExited ? _process.ExitCode : "-")}\nstdout:\n{string.Join('\n', Lines)}\nstderr:\n{Error}";

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static PeerProcess Start(string fileName, string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["PYTHONUNBUFFERED"] = "1";
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var peer = new PeerProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                peer._lines.Enqueue(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (peer._error)
                {
                    peer._error.AppendLine(e.Data);
                }
            }
        };
        process.Exited += (_, _) => peer._exited.TrySetResult();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return peer;
    }
}
