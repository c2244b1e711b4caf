namespace VersionedNotifications.Generator.Tests.Infrastructure;

/// <summary>
/// Compares text with a checked-in baseline (<c>*.verified.*</c> under the test project). On a mismatch it
/// writes <c>*.received.*</c> beside the baseline so the two can be diffed; setting
/// <c>VN_ACCEPT_SNAPSHOTS=1</c> accepts the received text as the new baseline (review it before committing).
/// </summary>
internal static class SnapshotAssert
{
    public const string AcceptVariable = "VN_ACCEPT_SNAPSHOTS";

    /// <param name="actual">The text to compare.</param>
    /// <param name="folder">The baseline folder, relative to the test project (not found through the
    /// caller's file path: deterministic CI builds map source paths to <c>/_/</c>).</param>
    /// <param name="name">The baseline's name.</param>
    /// <param name="extension">The baseline's extension.</param>
    public static void Matches(string actual, string folder, string name, string extension)
    {
        var directory = Repository.PathOf("tests", "VersionedNotifications.Generator.Tests", folder);
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
