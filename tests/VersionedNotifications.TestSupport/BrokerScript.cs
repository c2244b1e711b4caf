using System.Diagnostics;

namespace VersionedNotifications.TestSupport;

/// <summary>
/// The throw-away broker scripts of tests/interop on one state folder: rabbitmq.sh for a broker (start, restart,
/// down, up, stop) and rabbitmq-cluster.sh for a three-node cluster (start, down N, up N, stop).
/// </summary>
public static class BrokerScript
{
    /// <summary>How long rabbitmq.sh may run before it counts as hung: it gives the broker 90 s to answer.</summary>
    public static readonly TimeSpan BrokerHangLimit = TimeSpan.FromMinutes(3);

    /// <summary>Runs rabbitmq.sh <paramref name="command"/> and gives what it printed (the URL, for <c>start</c>); a failure throws with its error output.</summary>
    public static Task<string> RunAsync(string command, string directory) =>
        RunAsync("rabbitmq.sh", [command, directory], BrokerHangLimit);

    /// <summary>
    /// Runs tests/interop/<paramref name="script"/> with <paramref name="arguments"/> and gives what it printed; a
    /// failure, or a run past <paramref name="hangLimit"/> (a limit that only catches a hang), throws with its error output.
    /// </summary>
    public static async Task<string> RunAsync(string script, IReadOnlyList<string> arguments, TimeSpan hangLimit)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Repository.PathOf("tests", "interop", script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(hangLimit);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} {arguments[0]} failed with {process.ExitCode}: {await error}");
        }

        return await output;
    }
}
