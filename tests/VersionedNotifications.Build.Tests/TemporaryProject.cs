namespace VersionedNotifications.Build.Tests;

/// <summary>
/// A copy of a sample project in a temporary folder inside the repository (so that its relative
/// references and Directory.Build.props still resolve), removed on dispose.
/// </summary>
internal sealed class TemporaryProject : IDisposable
{
    private TemporaryProject(string directory) => Directory = directory;

    public string Directory { get; }

    public static TemporaryProject CopyOf(string projectDirectory)
    {
        var target = Path.Combine(Path.GetDirectoryName(projectDirectory)!, "tmp-" + Path.GetFileName(projectDirectory) + "-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var file in System.IO.Directory.EnumerateFiles(projectDirectory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(projectDirectory, file);
            if (relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal))
            {
                continue;
            }

            var destination = Path.Combine(target, relative);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return new TemporaryProject(target);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file for a moment; the folder is ignored by git.
        }
    }
}
