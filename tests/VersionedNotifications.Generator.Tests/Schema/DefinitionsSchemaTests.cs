using System.Diagnostics;
using VersionedNotifications.Generator.Tests.Infrastructure;

namespace VersionedNotifications.Generator.Tests.Schema;

/// <summary>
/// Checks definitions/definitions.schema.json against what the generator accepts, with a real
/// JSON Schema validator (ajv, through tests/tools/validate-definitions.mjs): every fixture and
/// the reference example in docs/definitions.md must pass, and typical mistakes must fail.
/// </summary>
public sealed class DefinitionsSchemaTests : IDisposable
{
    /// <summary>Catches a hung node process; generous, as one took over a minute on a loaded machine.</summary>
    private static readonly TimeSpan NodeTimeout = TimeSpan.FromMinutes(10);

    private readonly string _scratch = Directory.CreateTempSubdirectory("vn-schema-tests-").FullName;

    /// <summary>Broken definitions, with a part of the validator's message that shows it failed for the right reason.</summary>
    public static TheoryData<string, string, string> BrokenDefinitions => new()
    {
        {
            "unknown-key",
            """
            namespace: ironic
            csharp_namespace: Example.Ironic
            objects:
              NodePayload:
                version: "1.0"
                fileds:
                  uuid: uuid
            """,
            "/objects/NodePayload must NOT have additional properties {\"additionalProperty\":\"fileds\"}"
        },
        {
            "bad-version",
            """
            namespace: ironic
            csharp_namespace: Example.Ironic
            objects:
              NodePayload:
                version: "1.016"
                fields:
                  uuid: uuid
            """,
            "/objects/NodePayload/version must match pattern"
        },
        {
            "unquoted-version",
            """
            namespace: ironic
            csharp_namespace: Example.Ironic
            objects:
              NodePayload:
                version: 1.16
            """,
            "/objects/NodePayload/version must be string"
        },
        {
            "bad-event-type-name",
            """
            namespace: ironic
            csharp_namespace: Example.Ironic
            objects:
              NodePayload:
                version: "1.0"
            event_types:
              Baremetal.Node.Power_Set:
                payload: NodePayload
            """,
            "/event_types must match pattern"
        },
        {
            "missing-payload",
            """
            namespace: ironic
            csharp_namespace: Example.Ironic
            event_types:
              baremetal.node.power_set:
                statuses: [start, end, error]
            """,
            "/event_types/baremetal.node.power_set must have required property 'payload'"
        },
        {
            "enum-shorthand",
            """
            namespace: ironic
            csharp_namespace: Example.Ironic
            objects:
              NodePayload:
                version: "1.0"
                fields:
                  fault: enum
            """,
            "/objects/NodePayload/fields/fault must match pattern"
        },
        {
            "priority-on-a-family",
            """
            namespace: ironic
            csharp_namespace: Example.Ironic
            objects:
              NodePayload:
                version: "1.0"
            event_types:
              baremetal.node.power_set:
                payload: NodePayload
                priority: info
                statuses: [start, end, error]
            """,
            "/event_types/baremetal.node.power_set/priority must NOT be valid"
        },
        {
            "optional-with-default",
            """
            namespace: nova
            csharp_namespace: Example.Nova
            objects:
              RequestSpecPayload:
                version: "1.0"
                fields:
                  image_meta: { type: string, optional: true, default: "" }
            """,
            "/objects/RequestSpecPayload/fields/image_meta/optional must be equal to constant"
        },
        {
            "unquoted-base-version",
            """
            namespace: nova
            csharp_namespace: Example.Nova
            objects:
              InstancePayload:
                version: "1.0"
              InstanceActionPayload:
                version: "1.0"
                extends: InstancePayload
                base_versions: { "1.0": 1.0 }
            """,
            "/objects/InstanceActionPayload/base_versions/1.0 must be string"
        },
    };

    /// <summary>Every key issue 15 added, as docs/definitions.md shows them.</summary>
    private const string NewConstructs = """
        namespace: nova
        csharp_namespace: Example.Nova
        enums:
          InstancePowerState:
            values:
              - pending
              - running
              - { value: paused, since: "1.1" }
              - { value: pending, repeat: true }
        objects:
          InstancePayload:
            version: "1.1"
            fields:
              uuid: uuid
              request_id: { type: string, nullable: true }
              power_state: InstancePowerState
            history:
              "1.0": Initial version.
              "1.1": Add paused.
          ImageMetaPropsPayload:
            version: "1.13"
            sparse: true
            fields:
              hw_video_model: { type: enum, values: [vga, { value: gop, since: "1.13" }] }
              hw_cpu_policy: { type: string, nullable: true, optional: false }
          InstanceCreatePayload:
            version: "1.3"
            first_version: "1.2"
            extends: InstancePayload
            base_versions: { "1.2": "1.0", "1.3": "1.1" }
            fields:
              request_id: { type: string, nullable: true }
              image: { type: ImageMetaPropsPayload, optional: true, child_versions: { "1.2": "1.13" } }
            history:
              "1.2": Took over its base's history.
              "1.3": Base 1.1.
        event_types:
          instance.live_migration_force_complete:
            payload: InstanceCreatePayload
            statuses: [start, progress, end]
        """;

    [Fact]
    public void Every_fixture_sample_and_checked_in_definition_matches_the_schema()
    {
        var folders = new[] { Repository.PathOf("tests", "VersionedNotifications.Generator.Tests", "Fixtures"), Repository.PathOf("definitions"), Repository.PathOf("samples", "Quickstart", "definitions") };
        var files = folders.SelectMany(folder => Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories))
            .Where(path => path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(files);

        var result = Validate(files);

        foreach (var file in files)
        {
            Assert.True(result.Lines.Contains("OK " + file), $"Expected 'OK {file}'.\n{result}");
        }

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void The_reference_example_matches_the_schema()
    {
        var example = Path.Combine(_scratch, "example.yaml");
        File.WriteAllText(example, Repository.DefinitionsReferenceExample());

        var result = Validate([example]);

        Assert.True(result.ExitCode == 0 && result.Lines.Contains("OK " + example), result.ToString());
    }

    [Fact]
    public void The_new_constructs_match_the_schema()
    {
        var file = Path.Combine(_scratch, "nova.yaml");
        File.WriteAllText(file, NewConstructs + "\n");

        var result = Validate([file]);

        Assert.True(result.ExitCode == 0 && result.Lines.Contains("OK " + file), result.ToString());
    }

    [Fact]
    public void The_new_constructs_example_generates_without_a_diagnostic()
    {
        var run = GeneratorHarness.Run(("/defs/nova.yaml", NewConstructs));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems);
    }

    [Theory]
    [MemberData(nameof(BrokenDefinitions))]
    public void Broken_definitions_fail(string name, string yaml, string expectedMessage)
    {
        var file = Path.Combine(_scratch, name + ".yaml");
        File.WriteAllText(file, yaml + "\n");

        var result = Validate([file]);

        Assert.True(result.ExitCode == 1, $"Expected {name} to fail validation.\n{result}");
        var line = Assert.Single(result.Lines, l => l.StartsWith("FAIL " + file + ":", StringComparison.Ordinal));
        Assert.Contains(expectedMessage, line, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private static ValidationResult Validate(IReadOnlyList<string> files)
    {
        var root = Repository.Root;
        var tools = Path.Combine(root, "tests", "tools");
        foreach (var package in new[] { "ajv", "yaml" })
        {
            if (!Directory.Exists(Path.Combine(tools, "node_modules", package)))
            {
                Assert.Fail($"The npm package '{package}' is not installed in {tools}; run `npm ci --prefix tests/tools` from the repository root.");
            }
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(tools, "validate-definitions.mjs"));
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(NodeTimeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"node tests/tools/validate-definitions.mjs did not finish within {NodeTimeout.TotalSeconds} s.");
        }

        process.WaitForExit();
        var lines = output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new ValidationResult(process.ExitCode, lines, error.Result);
    }

    private sealed record ValidationResult(int ExitCode, IReadOnlyList<string> Lines, string StandardError)
    {
        public override string ToString() =>
            $"exit code {ExitCode}\nstdout:\n{string.Join('\n', Lines)}\nstderr:\n{StandardError}";
    }
}
