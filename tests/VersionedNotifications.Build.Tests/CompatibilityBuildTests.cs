namespace VersionedNotifications.Build.Tests;

/// <summary>
/// The microversion rules in a user's own build: a minor bump that removes a field fails the build
/// with VN0202 on the YAML line; a major bump passes; <c>vnotify ship</c> records it as shipped.
/// </summary>
public sealed class CompatibilityBuildTests
{
    private static string Quickstart => Path.Combine(RepositoryLayout.Root, "samples", "Quickstart");

    [Fact]
    public void Minor_bump_that_removes_a_field_fails_the_build_and_a_major_bump_plus_ship_passes()
    {
        using var copy = TemporaryProject.CopyOf(Quickstart);
        var definitions = Path.Combine(copy.Directory, "definitions");
        var definition = Path.Combine(definitions, "backup.yaml");
        var released = File.ReadAllText(definition);

        // A consumer that does not read the field about to be removed, so that only the rule can fail the build.
        File.WriteAllText(Path.Combine(copy.Directory, "Program.cs"), """
            using System;
            Console.WriteLine($"{Quickstart.Notifications.BackupPayload.ObjectVersion} {Quickstart.Notifications.EventTypes.All.Count}");
            """);

        var check = Vnotify.Run(copy.Directory, "check", "--definitions", definitions);
        Assert.True(check.ExitCode == 0, check.Output);
        Assert.Contains("no errors", check.Output);

        // 1.2 drops the tags field: a breaking change under a minor version.
        var tagsField = """
                  tags:
                    type: list<string>
                    default: []
                    since: "1.1"
                    description: Free-form labels.

            """;
        Assert.Contains(tagsField, released);
        var minor = released.Replace(tagsField, string.Empty)
            .Replace("version: \"1.1\"", "version: \"1.2\"")
            .Replace("      \"1.1\": Add tags.", "      \"1.1\": Add tags.\n      \"1.2\": Remove tags.");
        File.WriteAllText(definition, minor);
        var lines = minor.Split('\n');
        var historyLine = Array.FindIndex(lines, l => l.Trim() == "\"1.2\": Remove tags.") + 1;

        var failed = DotnetCli.Run(copy.Directory, "build", "-c", "Release");
        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains($"backup.yaml({historyLine},7): error VN0202: BackupPayload 1.2 removes field 'tags' (list<string> = []) compared with BackupPayload 1.1", failed.Output);

        var checkFailed = Vnotify.Run(copy.Directory, "check", "--definitions", definitions);
        Assert.Equal(1, checkFailed.ExitCode);
        Assert.Contains($"backup.yaml({historyLine},7): error VN0202:", checkFailed.Output);

        // A major version may remove fields; the field stays in the definitions, marked removed, so that the shipped
        // 1.1 keeps it.
        var removedTags = tagsField.Replace("        since: \"1.1\"\n", "        since: \"1.1\"\n        removed: \"2.0\"\n");
        Assert.NotEqual(tagsField, removedTags);
        var major = released.Replace(tagsField, removedTags)
            .Replace("version: \"1.1\"", "version: \"2.0\"")
            .Replace("      \"1.1\": Add tags.", "      \"1.1\": Add tags.\n      \"2.0\": Remove tags.");
        File.WriteAllText(definition, major);
        var passed = DotnetCli.Run(copy.Directory, "build", "-c", "Release");
        Assert.True(passed.ExitCode == 0, passed.Output);

        var ship = Vnotify.Run(copy.Directory, "ship", "--definitions", definitions);
        Assert.True(ship.ExitCode == 0, ship.Output);
        Assert.Contains("shipped 1 new object version(s) and 0 new event type(s)", ship.Output);
        var again = Vnotify.Run(copy.Directory, "ship", "--definitions", definitions);
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Contains("nothing new to ship", again.Output);
        Assert.Contains("object backup.BackupPayload@2.0", File.ReadAllText(Path.Combine(definitions, "VersionedNotifications.Shipped.txt")));

        // Shipped: from now on 2.0 itself may not change.
        File.WriteAllText(definition, major.Replace("        description: The size of the backup, once known.", "        description: The size of the backup, once known.\n      note:\n        type: string\n        nullable: true"));
        var changedShipped = DotnetCli.Run(copy.Directory, "build", "-c", "Release");
        Assert.NotEqual(0, changedShipped.ExitCode);
        Assert.Contains("error VN0201: BackupPayload 2.0 has shipped, and its fields changed since: adds field 'note' (string?)", changedShipped.Output);
    }

    [Fact]
    public void Ship_refuses_while_a_build_would_fail_and_usage_errors_exit_with_two()
    {
        using var copy = TemporaryProject.CopyOf(Quickstart);
        var definitions = Path.Combine(copy.Directory, "definitions");
        var definition = Path.Combine(definitions, "backup.yaml");
        File.WriteAllText(definition, File.ReadAllText(definition).Replace("type: BackupKind", "type: BackupKnd"));

        var ship = Vnotify.Run(copy.Directory, "ship", "--definitions", definitions);
        Assert.Equal(1, ship.ExitCode);
        Assert.Contains("error VN0005: Unknown type 'BackupKnd'", ship.Output);
        Assert.Contains("not shipped: ", ship.Output);
        Assert.False(File.Exists(Path.Combine(definitions, "VersionedNotifications.Shipped.txt")) && File.ReadAllText(Path.Combine(definitions, "VersionedNotifications.Shipped.txt")).Contains("BackupKnd"), "the manifest must not take the broken definitions");

        var missing = Vnotify.Run(copy.Directory, "check", "--definitions", Path.Combine(copy.Directory, "no-such-folder"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("does not exist", missing.Output);

        var unknown = Vnotify.Run(copy.Directory, "frobnicate");
        Assert.Equal(2, unknown.ExitCode);
    }

    [Theory]
    [InlineData(".editorconfig", "[*.yaml]")]
    [InlineData(".editorconfig", "[*]")]
    [InlineData(".globalconfig", "is_global = true")]
    public void A_severity_configured_the_documented_way_holds_in_the_build_and_in_check(string file, string header)
    {
        using var copy = TemporaryProject.CopyOf(Quickstart);
        var definitions = Path.Combine(copy.Directory, "definitions");
        var definition = Path.Combine(definitions, "backup.yaml");
        File.WriteAllText(Path.Combine(copy.Directory, "Program.cs"), """
            using System;
            Console.WriteLine(Quickstart.Notifications.BackupPayload.ObjectVersion);
            """);

        // A shipped version changed in place (VN0201, from the analyzer), and in a file of its own (a file with errors
        // is left to the generator's diagnostics) an unknown key (VN0002, from the generator).
        var text = File.ReadAllText(definition)
            .Replace("        description: The size of the backup, once known.", "        description: The size of the backup, once known.\n      note:\n        type: string\n        nullable: true\n        since: \"1.1\"");
        File.WriteAllText(definition, text);
        File.WriteAllText(Path.Combine(definitions, "restore.yaml"), """
            namespace: restore
            csharp_namespace: Quickstart.Restore
            objects:
              RestorePayload:
                version: "1.0"
                colour: blue
                fields:
                  uuid: uuid
            """);
        var broken = DotnetCli.Run(copy.Directory, "build", "-c", "Release");
        Assert.NotEqual(0, broken.ExitCode);
        Assert.Contains("error VN0201", broken.Output);
        Assert.Contains("error VN0002", broken.Output);

        File.WriteAllText(Path.Combine(copy.Directory, file), $"""
            {header}
            dotnet_diagnostic.VN0201.severity = none
            dotnet_diagnostic.VN0002.severity = warning

            """);
        var configured = DotnetCli.Run(copy.Directory, "build", "-c", "Release", "-p:TreatWarningsAsErrors=false");
        Assert.True(configured.ExitCode == 0, configured.Output);
        Assert.DoesNotContain("VN0201", configured.Output);
        Assert.Contains("warning VN0002", configured.Output);

        var check = Vnotify.Run(copy.Directory, "check", "--definitions", definitions);
        Assert.True(check.ExitCode == 0, check.Output);
        Assert.DoesNotContain("VN0201", check.Output);
        Assert.Contains("warning VN0002", check.Output);
    }
}
