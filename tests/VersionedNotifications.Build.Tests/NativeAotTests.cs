using System.Diagnostics;
using System.Text.RegularExpressions;

namespace VersionedNotifications.Build.Tests;

/// <summary>
/// The runtime and the generated OpenStack contracts in a NativeAOT program: the publish reports no
/// trim or AOT warning (the consumer treats warnings as errors, and the output is checked too), and the
/// native binary writes, reads and round-trips notifications.
/// </summary>
public sealed partial class NativeAotTests
{
    private const string RuntimeIdentifier = "linux-x64";

    [Fact]
    public async Task Consumer_publishes_without_warnings_and_its_native_binary_round_trips()
    {
        // Everything the publish builds, the referenced contracts included, goes to the temporary
        // folder: nothing in the repository is written, and builds of other tests are not disturbed.
        using var artifacts = new TemporaryFolder("aot");
        var consumer = Path.Combine(RepositoryLayout.Root, "tests", "VersionedNotifications.Aot.Consumer");

        var publish = DotnetCli.Run(RepositoryLayout.Root, "publish", consumer, "-c", "Release", "-r", RuntimeIdentifier, "--artifacts-path", artifacts.Path, "-nologo");

        Assert.True(publish.ExitCode == 0, publish.Output);
        Assert.DoesNotMatch(MSBuildWarning(), publish.Output);
        var binary = Path.Combine(artifacts.Path, "publish", "VersionedNotifications.Aot.Consumer", "release_" + RuntimeIdentifier, "VersionedNotifications.Aot.Consumer");
        Assert.True(File.Exists(binary), "no native binary at " + binary + "\n" + publish.Output);
        Assert.False(File.Exists(Path.ChangeExtension(binary, ".dll")), "the publish is not native: a .dll lies beside the binary");

        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var run = Process.Start(start)!;
        var error = run.StandardError.ReadToEndAsync();
        var output = await run.StandardOutput.ReadToEndAsync();
        Assert.True(run.WaitForExit(TimeSpan.FromMinutes(10)), "the native binary ran past 10 minutes (a limit meant to catch a hang)");
        Assert.True(run.ExitCode == 0, output + await error);
        Assert.Equal("AOT round trip OK" + Environment.NewLine, output);
    }

    [GeneratedRegex(@"warning [A-Z]+[0-9]+")]
    private static partial Regex MSBuildWarning();
}
