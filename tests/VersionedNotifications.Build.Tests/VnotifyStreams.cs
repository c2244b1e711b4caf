using System.Diagnostics;

namespace VersionedNotifications.Build.Tests;

/// <summary>
/// The built vnotify, run with its standard output kept as bytes and apart from standard error, for
/// commands whose output is data (<c>validate</c> lines, <c>normalize</c> bytes).
/// </summary>
internal static class VnotifyStreams
{
    public sealed record Outcome(int ExitCode, byte[] Output, string Error)
    {
        public string OutputText => System.Text.Encoding.UTF8.GetString(Output);

        public string[] OutputLines => OutputText.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        public override string ToString() => $"exit {ExitCode}\nstdout:\n{OutputText}\nstderr:\n{Error}";
    }

    public static Outcome Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Vnotify.Path);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        using var output = new MemoryStream();
        var copied = process.StandardOutput.BaseStream.CopyToAsync(output);
        var error = process.StandardError.ReadToEndAsync();
        // A hang catcher, generous for a loaded machine.
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"vnotify {string.Join(' ', arguments)} ran past 10 minutes, a limit meant to catch a hang");
        }

        copied.Wait();
        return new Outcome(process.ExitCode, output.ToArray(), error.Result);
    }
}
