using VersionedNotifications.Tool.Tests.Infrastructure;

namespace VersionedNotifications.Tool.Tests.Import;

/// <summary>What <c>vnotify import</c> refuses, with exit code 2 and the reason, before it writes anything.</summary>
public sealed class ImportUsageTests
{
    [Fact]
    public void Writing_needs_a_csharp_namespace_and_a_valid_one()
    {
        using var folder = new TemporaryFolder("import-usage");

        var missing = Vnotify.Run("import", "--python", PythonService.Python, "-d", folder.Path, "ironic.objects");
        var invalid = Vnotify.Run("import", "--python", PythonService.Python, "--csharp-namespace", "My.event", "-d", folder.Path, "ironic.objects");

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("vnotify: --csharp-namespace is needed to write definitions", missing.StandardError);
        Assert.Equal(2, invalid.ExitCode);
        Assert.Contains("vnotify: --csharp-namespace: 'My.event' is not a C# namespace", invalid.StandardError);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void A_manifest_is_refused_because_import_reads_none()
    {
        using var folder = new TemporaryFolder("import-manifest");

        var run = Vnotify.Run("import", "--python", PythonService.Python, "--csharp-namespace", "My.Ironic", "-d", folder.Path, "-m", "shipped.txt", "ironic.objects");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("vnotify: import reads no shipped manifest", run.StandardError);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void A_python_that_cannot_start_or_cannot_import_the_module_is_a_usage_error_with_its_reason()
    {
        using var folder = new TemporaryFolder("import-usage-python");

        var noPython = PythonServiceRun(folder.Path, "/nonexistent/python3", "ironic.objects");
        var noModule = PythonServiceRun(folder.Path, PythonService.Python, "no_such_service.notifications");

        Assert.Equal(2, noPython.ExitCode);
        Assert.Contains("vnotify: --python: cannot run '/nonexistent/python3'", noPython.StandardError);
        Assert.Equal(2, noModule.ExitCode);
        Assert.Contains($"vnotify: {PythonService.Python} could not read the modules (exit code 1):", noModule.StandardError);
        Assert.Contains("ModuleNotFoundError: No module named 'no_such_service'", noModule.StandardError);
    }

    [Fact]
    public void Existing_files_are_kept_unless_overwrite_is_given()
    {
        using var folder = new TemporaryFolder("import-usage-overwrite");
        var mine = folder.Write("port.yaml", "# mine\n");

        var refused = PythonService.Import(folder.Path, "Imported.Ironic", "ironic.objects");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains($"{mine} already exist; import into another folder, or pass --overwrite", refused.StandardError);
        Assert.Equal("# mine\n", File.ReadAllText(mine));
        Assert.Equal([mine], Directory.GetFiles(folder.Path));

        var replaced = Vnotify.Run("import", "--overwrite", "--python", PythonService.Python, "--csharp-namespace", "Imported.Ironic", "-d", folder.Path, "ironic.objects");
        Assert.True(replaced.ExitCode == 0, replaced.ToString());
        Assert.Contains("  PortCRUDPayload:  # ironic.objects.port.PortCRUDPayload\n", File.ReadAllText(mine));
    }

    private static Processes.Outcome PythonServiceRun(string folder, string python, string module) =>
        Vnotify.Run("import", "--python", python, "--csharp-namespace", "X", "-d", folder, module);
}
