using System.Runtime.CompilerServices;

namespace VersionedNotifications.Generator.Tests.Infrastructure;

/// <summary>
/// Compares text with a checked-in baseline (<c>*.verified.*</c> next to the test). On a mismatch it
/// writes <c>*.received.*</c> beside the baseline so the two can be diffed; setting
/// <c>VN_ACCEPT_SNAPSHOTS=1</c> accepts the received text as the new baseline (review it before committing).
/// </summary>
internal static class SnapshotAssert
{
    public const string AcceptVariable = "VN_ACCEPT_SNAPSHOTS";

    public static void Matches(string actual, string folder, string name, string extension, [CallerFilePath] string callerPath = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(callerPath)!, folder);
        Directory.CreateDirectory(directory);
        var verifiedPath = Path.Combine(directory, $"{name}.verified.{extension}");
        var receivedPath = Path.Combine(directory, $"{name}.received.{extension}");
        var normalized = actual.Replace("\r\n", "\n");

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(verifiedPath, normalized);
            File.Delete(receivedPath);
            return;
        }

        var expected = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).Replace("\r\n", "\n") : null;
        if (expected == normalized)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, normalized);
        Assert.Fail(expected is null
            ? $"No baseline {verifiedPath}. The output was written to {receivedPath}; review it and rerun with {AcceptVariable}=1 to accept."
            : $"{name} differs from {verifiedPath}. See {receivedPath} (diff the two); rerun with {AcceptVariable}=1 to accept the change.");
    }
}
