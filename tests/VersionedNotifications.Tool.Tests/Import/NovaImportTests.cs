using System.Text.RegularExpressions;
using VersionedNotifications.Tool.Tests.Infrastructure;

namespace VersionedNotifications.Tool.Tests.Import;

/// <summary>
/// <c>vnotify import</c> on Debian's nova 26.2.2 (python3-nova): the definitions it writes fail the build once per
/// TODO it flags, build once a person has decided those, and read and write back the messages nova's own code sent
/// (tests/fixtures/openstack/nova).
/// </summary>
public sealed class NovaImportTests
{
    private const string Modules = "nova.notifications.objects";

    /// <summary>What a person decides for each kind of TODO the import leaves in nova's definitions.</summary>
    private static readonly Dictionary<string, string?> Decisions = new(StringComparer.Ordinal)
    {
        ["since"] = null,                                 // the field has been there from the first version: no since
        ["optional"] = "optional: true",                  // __init__ does not set it: callers may leave it unset
        ["statuses"] = "statuses: [start, end, error]",   // the phase is computed at run time
        ["payload"] = "payload: ExceptionPayload",        // compute.exception, sent from exception_wrapper
        ["priority"] = "priority: error",
    };

    [Fact]
    public void The_build_fails_on_each_todo_the_import_flags_and_passes_once_they_are_decided()
    {
        using var folder = new TemporaryFolder("import-nova");
        var import = PythonService.Import(folder.Path, "Imported.Nova", Modules);
        Assert.True(import.ExitCode == 0, import.ToString());
        var todos = TodoLines(folder.Path);
        Assert.Contains($"{todos.Count} TODO(s): the build fails on each until a person decides", import.StandardOutput);
        Assert.NotEmpty(todos);

        var undecided = Vnotify.Run("check", "-d", folder.Path);
        Assert.Equal(1, undecided.ExitCode);
        var errors = undecided.StandardOutput.Split('\n').Where(l => l.Contains(": error VN", StringComparison.Ordinal)).ToList();
        Assert.Equal(todos.Select(t => t.Place).Order(StringComparer.Ordinal), errors.Select(e => e[..e.IndexOf("): ", StringComparison.Ordinal)]).Select(p => p[..p.LastIndexOf(',')] + ")").Order(StringComparer.Ordinal));

        Decide(folder.Path);
        var decided = Vnotify.Run("check", "-d", folder.Path);
        Assert.True(decided.ExitCode == 0, decided.ToString());
    }

    [Fact]
    public void Check_finds_no_difference_with_its_own_import_and_reports_an_edited_enum_value()
    {
        using var folder = new TemporaryFolder("import-nova-check");
        Assert.Equal(0, PythonService.Import(folder.Path, "Imported.Nova", Modules).ExitCode);
        Decide(folder.Path);

        var same = PythonService.Check(folder.Path, Modules);
        Assert.True(same.ExitCode == 0, same.ToString());
        Assert.Contains("no differences", same.StandardOutput);

        // nova's InstanceState, a named enum that InstancePayload.state (and ComputeTaskPayload.state) use.
        var file = Directory.GetFiles(folder.Path, "*.yaml").Single(path => File.ReadAllText(path).Contains("      - \"soft-delete\"\n", StringComparison.Ordinal));
        File.WriteAllText(file, File.ReadAllText(file).Replace("      - \"soft-delete\"\n", "      - \"soft-deleted\"\n", StringComparison.Ordinal));
        var edited = PythonService.Check(folder.Path, Modules);

        Assert.Equal(1, edited.ExitCode);
        var differences = PythonService.Differences(edited);
        Assert.All(differences, d => Assert.Contains(".state: enum values [active, building, paused, suspended, stopped, rescued, resized, soft-deleted, deleted, error, shelved, shelved_offloaded] in the definitions, [active, building, paused, suspended, stopped, rescued, resized, soft-delete, deleted, error, shelved, shelved_offloaded] in the Python class", d));
        Assert.Contains(differences, d => d.Contains(": InstancePayload.state: ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_decided_definitions_build_and_nova_messages_decode_and_write_back_unchanged()
    {
        using var project = new TemporaryFolder("import-nova-build");
        var definitions = Path.Combine(project.Path, "definitions");
        Assert.Equal(0, PythonService.Import(definitions, "Imported.Nova", Modules).ExitCode);
        Decide(definitions);
        project.Write("ImportedNova.csproj", ProjectFile);
        project.Write("Program.cs", RoundTripProgram);

        var build = Processes.Run("dotnet", ["build", "-c", "Release", "-nodeReuse:false", project.Path]);
        Assert.True(build.ExitCode == 0, build.ToString());

        var fixtures = Directory.GetFiles(Path.Combine(RepositoryLayout.Fixtures, "nova"), "*.json").Order(StringComparer.Ordinal).ToArray();
        var run = Processes.Run("dotnet", [Path.Combine(project.Path, "bin", "Release", "net10.0", "ImportedNova.dll"), .. fixtures]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(fixtures.Length, lines.Length);
        Assert.All(lines, line => Assert.StartsWith("OK ", line));
        Assert.Contains(lines, line => line.StartsWith("OK scheduler.select_destinations.start.props-v1_9.json RequestSpecPayload", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("OK instance.update.v1.json InstanceUpdatePayload 1.9", StringComparison.Ordinal));
    }

    private static List<(string Place, string Key)> TodoLines(string folder) =>
        Directory.GetFiles(folder, "*.yaml")
            .SelectMany(path => File.ReadAllLines(path).Select((line, index) => (Line: line, Place: $"{path}({index + 1}")))
            .Select(l => (l.Place + ")", Match: Regex.Match(l.Line, @"^\s*(?<key>\w+): (\[TODO\]|TODO)  # TODO: ")))
            .Where(l => l.Match.Success)
            .Select(l => (l.Item1, l.Match.Groups["key"].Value))
            .ToList();

    /// <summary>Replaces each TODO line by the decision for its key; fails on a kind of TODO no decision is written for.</summary>
    private static void Decide(string folder)
    {
        foreach (var path in Directory.GetFiles(folder, "*.yaml"))
        {
            var decided = new List<string>();
            foreach (var line in File.ReadAllLines(path))
            {
                var todo = Regex.Match(line, @"^(?<indent>\s*)(?<key>\w+): (\[TODO\]|TODO)  # TODO: ");
                if (!todo.Success)
                {
                    decided.Add(line);
                    continue;
                }

                Assert.True(Decisions.TryGetValue(todo.Groups["key"].Value, out var decision), $"no decision for {line}");
                if (decision is not null)
                {
                    decided.Add(todo.Groups["indent"].Value + decision);
                }
            }

            File.WriteAllLines(path, decided);
        }
    }

    private static string ProjectFile => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <RootNamespace>ImportedNova</RootNamespace>
          </PropertyGroup>
          <Import Project="{RepositoryLayout.Root}/generator/VersionedNotifications.Generator/build/VersionedNotifications.Generator.targets" />
          <ItemGroup>
            <ProjectReference Include="{RepositoryLayout.Root}/contracts/VersionedNotifications/VersionedNotifications.csproj" />
            <ProjectReference Include="{RepositoryLayout.Root}/generator/VersionedNotifications.Generator/VersionedNotifications.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
          </ItemGroup>
        </Project>
        """;

    /// <summary>Reads the payload of each message given on the command line and writes it back: OK, or what failed.</summary>
    private const string RoundTripProgram = """
        using System.Buffers;
        using System.Text.Json;
        using VersionedNotifications;
        using VersionedNotifications.Wire;

        var reader = new NotificationReader(ImportedNova.ImportedNovaJsonContext.Default);
        var failed = 0;
        foreach (var path in args)
        {
            var name = Path.GetFileName(path);
            using var message = JsonDocument.Parse(File.ReadAllBytes(path));
            var payload = message.RootElement.GetProperty("payload").GetRawText();
            var read = reader.ReadPayload(System.Text.Encoding.UTF8.GetBytes(payload));
            if (!read.IsSuccess)
            {
                Console.WriteLine($"FAIL {name}: {read.JsonPath}: {read.Reason}");
                failed++;
                continue;
            }

            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                read.Contract!.Write(writer, read.Payload!, new PayloadWriteOptions { MaskSecrets = false });
            }

            using var written = JsonDocument.Parse(buffer.WrittenMemory);
            using var original = JsonDocument.Parse(payload);
            var version = (read.Payload as INotificationPayload)?.WireState?.Version ?? "-";
            var same = JsonElement.DeepEquals(original.RootElement, written.RootElement);
            Console.WriteLine(same ? $"OK {name} {read.Payload!.GetType().Name} {version}" : $"CHANGED {name}: {buffer.WrittenSpan.Length} bytes written");
            failed += same ? 0 : 1;
        }

        return failed == 0 ? 0 : 1;
        """;
}
