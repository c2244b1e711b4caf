using System.Diagnostics;

namespace VersionedNotifications.TestSupport;

/// <summary>tests/interop/rabbitmq.sh on one throw-away broker's state folder (start, restart, down, up, stop).</summary>
public static class BrokerScript
{
    /// <summary>Runs <paramref name="command"/> and gives what it printed (the URL, for <c>start</c>); a failure throws with its error output.</summary>
    public static async Task<string> RunAsync(string command, string directory)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Repository.PathOf("tests", "interop", "rabbitmq.sh"));
        start.ArgumentList.Add(command);
        start.ArgumentList.Add(directory);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmq.sh {command} failed with {process.ExitCode}: {await error}");
        }

        return await output;
    }
}
