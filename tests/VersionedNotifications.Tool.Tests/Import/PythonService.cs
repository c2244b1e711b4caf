using VersionedNotifications.Tool.Tests.Infrastructure;

namespace VersionedNotifications.Tool.Tests.Import;

/// <summary>
/// Runs <c>vnotify import</c> on a Python service installed from Debian's packages (python3-ironic, python3-nova,
/// python3-masakari; test.sh installs them), with Debian's Python, which imports them.
/// </summary>
internal static class PythonService
{
    public const string Python = "/usr/bin/python3";

    public static Processes.Outcome Import(string folder, string csharpNamespace, params string[] modules) =>
        Vnotify.Run(["import", "--python", Python, "--csharp-namespace", csharpNamespace, "-d", folder, .. modules]);

    public static Processes.Outcome Check(string folder, params string[] modules) =>
        Vnotify.Run(["import", "--check", "--python", Python, "-d", folder, .. modules]);

    /// <summary>The lines of the output that report a difference (each starts with the YAML place).</summary>
    public static IReadOnlyList<string> Differences(Processes.Outcome check) =>
        check.StandardOutput.Split('\n').Where(line => line.StartsWith('/')).ToList();

    /// <summary>A copy of <paramref name="source"/>'s YAML files in <paramref name="target"/>.</summary>
    public static void CopyDefinitions(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*.yaml"))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
    }
}
