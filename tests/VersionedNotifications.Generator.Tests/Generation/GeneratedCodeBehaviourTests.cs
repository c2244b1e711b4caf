using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using VersionedNotifications.Generator.Tests.Infrastructure;

namespace VersionedNotifications.Generator.Tests.Generation;

/// <summary>
/// What the generated code does when a user compiles and runs it: required members, nullability,
/// event-type lookups, string-backed enums, object metadata and inheritance.
/// </summary>
public sealed class GeneratedCodeBehaviourTests
{
    [Fact]
    public void No_definitions_generate_nothing_and_report_nothing()
    {
        foreach (var referenceRuntime in new[] { true, false })
        {
            var run = GeneratorHarness.Run([], sources: null, referenceRuntime: referenceRuntime);
            Assert.Empty(run.Sources);
            Assert.Empty(run.Diagnostics);
        }
    }

    [Fact]
    public void Non_YAML_additional_files_are_ignored()
    {
        var run = GeneratorHarness.Run([("/project/notes.txt", "namespace: nope"), ("/project/data.json", "{}")], sources: null);
        Assert.Empty(run.Sources);
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void Missing_runtime_generates_nothing_and_says_why_once()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Fixtures(), sources: null, referenceRuntime: false);
        Assert.Empty(run.Sources);
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("VN0100", diagnostic.Id);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void Required_members_are_enforced_by_the_compiler()
    {
        const string user = """
            using Fixtures.Ironic;
            namespace Consumer;
            public static class Make
            {
                public static PortCRUDPayload Port() => new() { Uuid = System.Guid.Empty, NodeUuid = System.Guid.Empty };
            }
            """;
        var run = GeneratorHarness.Run(GeneratorHarness.Fixtures(), [user]);
        var error = Assert.Single(run.CompilationProblems);
        Assert.Equal("CS9035", error.Id);
        Assert.Contains("PortCRUDPayload.Address", error.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Nullable_annotations_follow_the_definitions()
    {
        const string user = """
            #nullable enable
            using Fixtures.Ironic;
            namespace Consumer;
            public static class Use
            {
                public static int Length(NodePayload node) => node.Name.Length;
            }
            """;
        var run = GeneratorHarness.Run(GeneratorHarness.Fixtures(), [user]);
        Assert.Contains(run.CompilationProblems, d => d.Id == "CS8602");
    }

    [Fact]
    public void Uuid_and_float_fields_write_what_oslo_writes()
    {
        const string definition = """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Volume:
                version: "1.0"
                fields:
                  id: { type: uuid, default: fake-volume-id }
                  host_uuid: { type: uuid, nullable: true }
                  others: list<uuid>
                  ratio: { type: float, default: 1 }
                  sizes: list<float>
            """;
        const string user = """
            using System;
            using System.Text.Json;
            using VersionedNotifications;
            namespace Consumer;
            public static class Checks
            {
                public static string Run()
                {
                    var options = new JsonSerializerOptions { Converters = { Demo.VolumeJsonConverter.Instance } };
                    var made = new Demo.Volume
                    {
                        HostUuid = Guid.Parse("{A022CE3F-1E4C-4D4B-9F3A-2C5B1E7D9A01}"),
                        Others = new Uuid[] { new("A022CE3F1E4C4D4B9F3A2C5B1E7D9A01"), new("{x}") },
                        Sizes = new[] { 3.0, 1e16, 1.5e-07, -0.0 },
                    };
                    var read = JsonSerializer.Deserialize<Demo.Volume>(JsonSerializer.Serialize(made, options), options)!;
                    // Floats another producer spelled its own way: the values are kept, written as Python writes them.
                    var spelled = JsonSerializer.Deserialize<Demo.Volume>("{\"demo_object.name\":\"Volume\",\"demo_object.namespace\":\"demo\",\"demo_object.version\":\"1.0\",\"demo_object.data\":{\"id\":\"x\",\"host_uuid\":null,\"others\":[],\"ratio\":1,\"sizes\":[1E5,1.50]}}", options)!;
                    return JsonSerializer.Serialize(made, options) + "\n" + JsonSerializer.Serialize(read, options) + "\n" + JsonSerializer.Serialize(spelled, options);
                }
            }
            """;
        var run = GeneratorHarness.Run([("/defs/demo.yaml", definition)], [user]);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems);

        var lines = RunChecks(run).Split('\n');

        const string expected = """{"demo_object.name":"Volume","demo_object.namespace":"demo","demo_object.version":"1.0","demo_object.data":{"id":"fake-volume-id","host_uuid":"a022ce3f-1e4c-4d4b-9f3a-2c5b1e7d9a01","others":["A022CE3F1E4C4D4B9F3A2C5B1E7D9A01","{x}"],"ratio":1.0,"sizes":[3.0,1e+16,1.5e-07,-0.0]}}""";
        Assert.Equal(expected, lines[0]);
        Assert.Equal(expected, lines[1]);
        Assert.Equal("""{"demo_object.name":"Volume","demo_object.namespace":"demo","demo_object.version":"1.0","demo_object.data":{"id":"x","host_uuid":null,"others":[],"ratio":1.0,"sizes":[100000.0,1.5]}}""", lines[2]);
    }

    [Fact]
    public void Generated_api_behaves_as_documented()
    {
        const string user = """
            using System;
            using System.Linq;
            using Fixtures.Ironic;
            using VersionedNotifications;
            namespace Consumer;
            public static class Checks
            {
                public static string Run()
                {
                    var failures = new System.Collections.Generic.List<string>();
                    void Expect(bool condition, string what) { if (!condition) failures.Add(what); }

                    Expect(EventTypes.Baremetal.Node.PowerSet.Start == "baremetal.node.power_set.start", "event type equals its wire name");
                    Expect(EventTypes.Baremetal.Node.PowerSet.Error.Priority == NotificationPriority.Error, "error status has ERROR priority");
                    Expect(EventTypes.Baremetal.Node.PowerSet.End.Priority == NotificationPriority.Info, "end status has INFO priority");
                    Expect(EventTypes.Baremetal.Node.PowerSet.Start.PayloadType == typeof(NodeSetPowerStatePayload), "payload type");
                    Expect(ReferenceEquals(EventTypes.Find("baremetal.deploy_template.create.end"), EventTypes.Baremetal.Deploytemplate.Create.End), "alias lookup");
                    Expect(EventTypes.TryGet("baremetal.node.maintenance_set.error", out var found) && found.PayloadName == "NodePayload", "TryGet");
                    Expect(!EventTypes.TryGet("baremetal.node.unknown.start", out _) && EventTypes.Find(null) is null, "unknown names");
                    Expect(EventTypes.All.Count == 9 && EventTypes.All.Select(e => e.Name).SequenceEqual(EventTypes.All.Select(e => e.Name).OrderBy(n => n, StringComparer.Ordinal)), "All, ordered");

                    Expect(PowerState.PowerOn.Value == "power on" && PowerState.PowerOn.IsKnown, "known enum value");
                    var unknown = (PowerState)"power cycling";
                    Expect(!unknown.IsKnown && unknown.Value == "power cycling" && unknown == new PowerState("power cycling"), "unknown enum value kept");
                    Expect(default(PowerState).Value == "" && PowerState.KnownValues.Count == 4, "default and known values");
                    Expect(PowerState.Unknown.Value == "None", "csharp_name of an enum value");

                    Expect(NodeSetPowerStatePayload.ObjectInfo.Name == "NodeSetPowerStatePayload" && NodePayload.ObjectInfo.Name == "NodePayload", "object names");
                    Expect(Info<NodeSetPowerStatePayload>().KnownVersions.SequenceEqual(new[] { "1.0", "1.1", "1.2", "1.3" }), "known versions through the interface");
                    Expect(NodePayload.ObjectVersion == "1.3" && NodePayload.ObjectInfo.KeyPrefix == "ironic_object" && NodePayload.ObjectInfo.IsVersioned, "versioned metadata");
                    Expect(!Fixtures.Glance.ImagePayload.ObjectInfo.IsVersioned, "plain dict metadata");

                    NodePayload node = new NodeSetPowerStatePayload { Uuid = Guid.Empty, ToPower = "power on" };
                    Expect(node is NodeSetPowerStatePayload { ToPower: "power on" }, "derived payload is a base payload");
                    Expect(node.ConsoleEnabled == false && node.Maintenance == false, "defaults");
                    var port = new PortCRUDPayload { Uuid = Guid.Empty, Address = "77:66:23:34:11:b7", NodeUuid = Guid.Empty };
                    Expect(port.PxeEnabled && port.Weight == 0.5 && port.Speeds.Count == 0 && port.Extra.Count == 0, "collection and scalar defaults");
                    Expect(new Fixtures.Glance.ImagePayload { Id = Guid.Empty }.Status == Fixtures.Glance.ImagePayloadStatus.Queued, "enum default");
                    return string.Join("; ", failures);
                }

                private static VersionedObjectInfo Info<T>() where T : class, INotificationPayload<T> => T.ObjectInfo;
            }
            """;
        var run = GeneratorHarness.Run(GeneratorHarness.Fixtures(), [user]);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems);

        Assert.Equal(string.Empty, RunChecks(run));
    }

    /// <summary>Compiles the run, loads it and returns what <c>Consumer.Checks.Run()</c> returns.</summary>
    private static string RunChecks(GeneratorRun run)
    {
        using var image = new MemoryStream();
        var emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var context = new AssemblyLoadContext("generated", isCollectible: true);
        try
        {
            image.Position = 0;
            var assembly = context.LoadFromStream(image);
            return (string)assembly.GetType("Consumer.Checks")!.GetMethod("Run", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null)!;
        }
        finally
        {
            context.Unload();
        }
    }
}
