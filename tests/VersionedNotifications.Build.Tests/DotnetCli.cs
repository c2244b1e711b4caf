using System.Diagnostics;
using System.Text;

namespace VersionedNotifications.Build.Tests;

/// <summary>Runs the real dotnet CLI, as a user of the repository would.</summary>
internal static class DotnetCli
{
    public sealed record Outcome(int ExitCode, string Output);

    /// <summary>How long a dotnet command may run before it is taken for hung.</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(30);

    public static Outcome Run(string workingDirectory, params string[] arguments) =>
        Run(workingDirectory, new Dictionary<string, string>(), arguments);

    /// <summary>Runs dotnet with <paramref name="environment"/> added to this process's environment.</summary>
    public static Outcome Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Builds started from a test must not reuse a build server of the outer build.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // Only a hang is caught: a NativeAOT publish that takes 2 minutes alone took over 5 on a loaded machine.
        if (!process.WaitForExit(HangLimit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} ran past {HangLimit.TotalMinutes} minutes, a limit meant to catch a hang, not a slow machine:\n{output}");
        }

        process.WaitForExit();
        return new Outcome(process.ExitCode, output.ToString());
    }
}
