namespace VersionedNotifications.Build.Tests;

/// <summary>
/// The README's main command, and the generator inside a real MSBuild build: YAML in, typed C# out,
/// and a mistake in the YAML reported by the build on its line.
/// </summary>
public sealed class QuickstartTests
{
    private static string Quickstart => Path.Combine(RepositoryLayout.Root, "samples", "Quickstart");

    [Fact]
    public void Quickstart_builds_with_the_generator_emits_and_consumes_typed_notifications()
    {
        var run = DotnetCli.Run(RepositoryLayout.Root, "run", "--project", Quickstart, "-c", "Release");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("backup_object.name = BackupPayload, version 1.1 (known: 1.0, 1.1)", run.Output);
        Assert.Matches("on the wire: \\{\"oslo.version\": \"2.0\", \"oslo.message\": \"\\{\\\\\"message_id\\\\\": ", run.Output);
        Assert.Matches(@"\\""timestamp\\"": \\""\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{6})?\\""", run.Output);
        Assert.Contains("INFO  backup.create.start: BackupPayload 1.1 uuid=9d3c1a2e-5f7b-4c1d-8e2a-0b6f4d3c2a10 kind=incremental size_gb=null created_at=2026-11-22T10:00:00Z tags=[nightly]", run.Output);
        Assert.Contains("INFO  backup.create.end: BackupPayload 1.1 uuid=9d3c1a2e-5f7b-4c1d-8e2a-0b6f4d3c2a10 kind=incremental size_gb=42", run.Output);
        Assert.Contains("INFO  backup.create.end: BackupPayload 1.0 uuid=9d3c1a2e-5f7b-4c1d-8e2a-0b6f4d3c2a10 kind=incremental size_gb=42 created_at=2026-11-22T10:00:00Z tags=absent", run.Output);
        Assert.Contains("not handled: backup.delete.end: no contract declares the event type 'backup.delete.end'", run.Output);
        Assert.Contains("rejected m-5: $.payload['backup_object.data'].uuid: expected a UUID string, found the number 7", run.Output);
        Assert.Contains("3 event types defined; unknown kind kept as is: differential (known: False)", run.Output);
    }

    [Fact]
    public void Mistake_in_a_definition_fails_the_build_on_its_YAML_line()
    {
        using var copy = TemporaryProject.CopyOf(Quickstart);
        var definition = Path.Combine(copy.Directory, "definitions", "backup.yaml");
        var lines = File.ReadAllLines(definition).ToList();
        var kindLine = lines.FindIndex(l => l.Trim() == "type: BackupKind");
        lines[kindLine] = lines[kindLine].Replace("BackupKind", "BackupKnd");
        File.WriteAllLines(definition, lines);

        var build = DotnetCli.Run(copy.Directory, "build", "-c", "Release");

        Assert.NotEqual(0, build.ExitCode);
        var column = lines[kindLine].IndexOf("BackupKnd", StringComparison.Ordinal) + 1;
        Assert.Contains($"backup.yaml({kindLine + 1},{column}): error VN0005: Unknown type 'BackupKnd' for field 'kind'", build.Output);
        Assert.DoesNotContain("CS8785", build.Output);
    }
}
