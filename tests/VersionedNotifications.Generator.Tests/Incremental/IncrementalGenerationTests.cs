using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using VersionedNotifications.Generator.Tests.Infrastructure;

namespace VersionedNotifications.Generator.Tests.Incremental;

/// <summary>
/// The generator must do no work it has done before: every named step is cached across runs and
/// across unrelated edits, and editing one YAML file re-parses that file only.
/// </summary>
public sealed class IncrementalGenerationTests
{
    private static readonly string[] AllSteps =
    [
        TrackingNames.Parse, TrackingNames.Check, TrackingNames.Environment, TrackingNames.Spec,
        TrackingNames.Objects, TrackingNames.Enums, TrackingNames.EventTypes, TrackingNames.ContextNaming, TrackingNames.JsonContext,
    ];

    private sealed class Session
    {
        public Session()
        {
            Texts = GeneratorHarness.Fixtures().Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToList();
            Compilation = GeneratorHarness.CreateCompilation(["namespace Consumer; public static class Program { public static int Value => 1; }"]);
            Driver = GeneratorHarness.CreateDriver(Texts);
            Driver = Driver.RunGenerators(Compilation);
        }

        public List<AdditionalText> Texts { get; }

        public Compilation Compilation { get; set; }

        public GeneratorDriver Driver { get; set; }

        public GeneratorRunResult Rerun()
        {
            Driver = Driver.RunGenerators(Compilation);
            return Driver.GetRunResult().Results.Single();
        }

        public AdditionalText Text(string fileName) => Texts.Single(t => t.Path.EndsWith(fileName, StringComparison.Ordinal));

        public void Replace(string fileName, Func<string, string> edit)
        {
            var old = Text(fileName);
            var replacement = new InMemoryAdditionalText(old.Path, edit(old.GetText()!.ToString()));
            Texts[Texts.IndexOf(old)] = replacement;
            Driver = Driver.ReplaceAdditionalText(old, replacement);
        }
    }

    [Fact]
    public void Every_step_is_named_and_tracked()
    {
        var result = new Session().Rerun();
        foreach (var step in AllSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} is not tracked");
        }
    }

    [Fact]
    public void Second_run_with_same_inputs_is_cached_everywhere()
    {
        var result = new Session().Rerun();
        AssertAllOutputs(result, AllSteps, IncrementalStepRunReason.Cached);
        AssertSourceOutputs(result, IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void Unrelated_CSharp_edit_is_cached_everywhere()
    {
        var session = new Session();
        var tree = session.Compilation.SyntaxTrees.Single();
        var edited = tree.WithChangedText(SourceText.From("namespace Consumer; public static class Program { public static int Value => 2; }"));
        session.Compilation = session.Compilation.ReplaceSyntaxTree(tree, edited);

        var result = session.Rerun();
        AssertAllOutputs(result, AllSteps, IncrementalStepRunReason.Cached);
        AssertSourceOutputs(result, IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void Comment_edit_that_moves_nothing_leaves_the_parse_unchanged()
    {
        var session = new Session();
        session.Replace("port.yaml", text => "# Port definitions.\n" + text);
        session.Rerun();

        // Same length, same lines: the model, locations included, is equal.
        session.Replace("port.yaml", text => text.Replace("# Port definitions.", "# Port declaration."));
        var result = session.Rerun();

        AssertOutputs(result, TrackingNames.Parse, path => path.EndsWith("port.yaml", StringComparison.Ordinal), IncrementalStepRunReason.Unchanged);
        AssertAllOutputs(result, [TrackingNames.Check, TrackingNames.Spec, TrackingNames.Objects, TrackingNames.Enums, TrackingNames.EventTypes], IncrementalStepRunReason.Cached);
        AssertSourceOutputs(result, IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void Comment_edit_that_moves_lines_reemits_nothing()
    {
        var session = new Session();
        session.Replace("node.yaml", text => text.Replace("objects:\n", "# The objects.\n# Two lines of comment.\nobjects:\n"));
        var result = session.Rerun();

        // Locations moved, so the parse and the check (which carry them for diagnostics) change;
        // what is emitted carries no locations and stays equal.
        AssertOutputs(result, TrackingNames.Parse, path => path.EndsWith("node.yaml", StringComparison.Ordinal), IncrementalStepRunReason.Modified);
        Assert.All(result.TrackedSteps[TrackingNames.Spec].SelectMany(s => s.Outputs), o => Assert.True(
            o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"step Spec was {o.Reason}"));
        AssertAllOutputs(result, [TrackingNames.Objects, TrackingNames.Enums, TrackingNames.EventTypes, TrackingNames.JsonContext], IncrementalStepRunReason.Cached);
        AssertSourceOutputs(result, IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void Real_edit_in_one_file_reparses_only_that_file_and_reemits_only_what_changed()
    {
        var session = new Session();
        session.Replace("port.yaml", text => text.Replace("default: 0.5", "default: 0.75"));
        var result = session.Rerun();

        var parse = result.TrackedSteps[TrackingNames.Parse];
        Assert.Equal(3, parse.Length);
        foreach (var step in parse)
        {
            var (value, reason) = step.Outputs.Single();
            var path = PathOf(value);
            var expected = path.EndsWith("port.yaml", StringComparison.Ordinal) ? IncrementalStepRunReason.Modified : IncrementalStepRunReason.Cached;
            Assert.True(expected == reason, $"{path}: expected {expected}, was {reason}");
        }

        var objects = result.TrackedSteps[TrackingNames.Objects].SelectMany(s => s.Outputs).ToList();
        var modified = objects.Where(o => o.Reason == IncrementalStepRunReason.Modified).Select(o => TypeNameOf(o.Value)).ToList();
        Assert.Equal(["PortCRUDPayload"], modified);
        Assert.All(objects.Where(o => TypeNameOf(o.Value) != "PortCRUDPayload"), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));

        // The context lists types, not their fields: it is not emitted again.
        Assert.All(result.TrackedSteps[TrackingNames.JsonContext].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
    }

    [Fact]
    public void No_step_output_holds_compiler_or_YAML_objects()
    {
        var session = new Session();
        var result = session.Driver.GetRunResult().Results.Single();
        foreach (var name in AllSteps)
        {
            foreach (var (value, _) in result.TrackedSteps[name].SelectMany(s => s.Outputs))
            {
                Walk(value, name, new HashSet<object>(ReferenceEqualityComparer.Instance), Forbidden);
            }
        }

        // The walk itself must see what it looks for: the compiler's own AdditionalTexts step holds one.
        var additionalTexts = result.TrackedSteps["AdditionalTexts"].SelectMany(s => s.Outputs).First().Value;
        Assert.ThrowsAny<Exception>(() => Walk(new[] { additionalTexts }, "probe", new HashSet<object>(ReferenceEqualityComparer.Instance), Forbidden));
    }

    private static readonly Type[] Forbidden =
    [
        typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location),
        typeof(AdditionalText), typeof(SourceText), typeof(SemanticModel),
    ];

    private static void Walk(object? value, string path, HashSet<object> seen, Type[] forbidden)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        var type = value.GetType();
        Assert.False(forbidden.Any(f => f.IsAssignableFrom(type)), $"{path} holds a {type.FullName}");
        Assert.False(type.Namespace?.StartsWith("YamlDotNet", StringComparison.Ordinal) == true, $"{path} holds a {type.FullName}");

        // Descend into the generator's own models and into collections and tuples; framework and
        // Roslyn objects allowed as data (a DiagnosticDescriptor, a TextSpan) are leaves.
        var isOwn = type.Namespace?.StartsWith("VersionedNotifications.Generator", StringComparison.Ordinal) == true;
        var isContainer = value is IEnumerable || type.Name.StartsWith("ValueTuple", StringComparison.Ordinal) || type.Name.StartsWith("Tuple", StringComparison.Ordinal) || type.Name.StartsWith("KeyValuePair", StringComparison.Ordinal);
        if (!isOwn && !isContainer)
        {
            return;
        }

        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                Walk(item, $"{path}[{i++}]", seen, forbidden);
            }
        }

        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Walk(field.GetValue(value), $"{path}.{field.Name}", seen, forbidden);
            }
        }
    }

    private static void AssertAllOutputs(GeneratorRunResult result, IEnumerable<string> steps, IncrementalStepRunReason expected)
    {
        foreach (var step in steps)
        {
            AssertOutputs(result, step, _ => true, expected);
        }
    }

    private static void AssertOutputs(GeneratorRunResult result, string step, Func<string, bool> whichPaths, IncrementalStepRunReason expected)
    {
        var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).Where(o => step != TrackingNames.Parse || whichPaths(PathOf(o.Value))).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.True(o.Reason == expected, $"step {step}: expected {expected}, was {o.Reason}"));
    }

    private static void AssertSourceOutputs(GeneratorRunResult result, IncrementalStepRunReason expected)
    {
        var outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.True(o.Reason == expected, $"source output: expected {expected}, was {o.Reason}"));
    }

    private static string PathOf(object parseOutput)
    {
        var file = parseOutput.GetType().GetProperty("Value")!.GetValue(parseOutput)!;
        return (string)file.GetType().GetProperty("Path")!.GetValue(file)!;
    }

    private static string TypeNameOf(object objectSpec) => (string)objectSpec.GetType().GetProperty("TypeName")!.GetValue(objectSpec)!;
}
