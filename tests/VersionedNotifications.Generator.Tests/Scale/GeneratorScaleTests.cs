using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using VersionedNotifications.Generator.Checks;
using VersionedNotifications.Generator.Parsing;
using VersionedNotifications.Generator.Tests.Infrastructure;

namespace VersionedNotifications.Generator.Tests.Scale;

/// <summary>
/// The generator on inputs far larger than real definitions: it must finish, with work and output that
/// grow in proportion to the input, and without recursion whose depth the input decides. Nothing here
/// times a run against a tight bound: sizes are compared, and a time bound only catches a hang.
/// </summary>
public sealed class GeneratorScaleTests
{
    /// <summary>A bound for a run that takes seconds: generous for a loaded machine, short of a hang.</summary>
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(5);

    /// <summary>The compiler's threads have stacks of about this size; the overflow came at 1.5 MB.</summary>
    private const int SmallStack = 1024 * 1024;

    [Fact]
    public void A_chain_of_2000_contained_objects_is_checked_on_a_small_stack()
    {
        var (path, text) = ScaleInputs.ReferenceChain(2_000);

        var diagnostics = OnSmallStack(() =>
        {
            var parsed = DefinitionParser.Parse(path, text);
            return parsed.Diagnostics.Concat(DefinitionChecker.Check([parsed.Value]).Diagnostics).ToList();
        });

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void A_cycle_at_the_end_of_a_long_chain_is_found_on_a_small_stack()
    {
        var (path, text) = ScaleInputs.ReferenceChain(2_000);
        text += "      next: C0\n";

        var diagnostics = OnSmallStack(() => DefinitionChecker.Check([DefinitionParser.Parse(path, text).Value]).Diagnostics.ToList());

        var cycle = Assert.Single(diagnostics);
        Assert.Equal("VN0010", cycle.Descriptor.Id);
        Assert.StartsWith("Field 'next' makes object 'C0' contain itself: C0 -> C1 -> C2", cycle.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_chain_of_extends_is_checked_on_a_small_stack_and_its_output_grows_linearly()
    {
        var shorter = OnSmallStack(() => GenerateAlone([ScaleInputs.ExtendsChain(250)]));
        var longer = OnSmallStack(() => GenerateAlone([ScaleInputs.ExtendsChain(500)]));

        // Past the limit each level is reported and generated without its base.
        Assert.Equal(500 - 1 - DefinitionChecker.MaxExtendsDepth, longer.Diagnostics.Count(d => d.Id == "VN0016"));
        Assert.All(longer.Diagnostics, d => Assert.Equal("VN0016", d.Id));

        // Twice the chain, about twice the output (it was four times, 96 MB for 500 levels).
        var ratio = (double)longer.OutputCharacters / shorter.OutputCharacters;
        Assert.InRange(ratio, 1.8, 2.2);
        Assert.True(longer.OutputCharacters < 20_000_000, $"{longer.OutputCharacters} characters generated for a chain of 500");
    }

    [Fact]
    public async Task Ten_thousand_objects_generate_with_output_in_proportion()
    {
        var small = GenerateAlone(ScaleInputs.Objects(1_000));
        // WaitAsync throws TimeoutException when the run takes longer than the generous bound.
        var large = await Task.Run(() => GenerateAlone(ScaleInputs.Objects(10_000))).WaitAsync(Generous);

        Assert.Empty(large.Diagnostics);
        Assert.Equal((3 * 10_000) + 2, large.Files);
        var perObjectSmall = small.OutputCharacters / 1_000.0;
        var perObjectLarge = large.OutputCharacters / 10_000.0;
        Assert.InRange(perObjectLarge / perObjectSmall, 0.9, 1.1);
    }

    private sealed record Generated(ImmutableArray<Diagnostic> Diagnostics, int Files, long OutputCharacters);

    /// <summary>The generator alone in a driver: what it reports and how much it writes; the output is not compiled.</summary>
    private static Generated GenerateAlone(IReadOnlyList<(string Path, string Text)> files)
    {
        var driver = GeneratorHarness.CreateDriver(files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)))
            .RunGenerators(GeneratorHarness.CreateCompilation());
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        return new Generated(result.Diagnostics, result.GeneratedSources.Length, result.GeneratedSources.Sum(s => (long)s.SourceText.Length));
    }

    private static T OnSmallStack<T>(Func<T> work)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = work();
                }
                catch (Exception e)
                {
                    failure = e;
                }
            },
            SmallStack);
        thread.Start();
        Assert.True(thread.Join(Generous), "the work did not finish");
        Assert.Null(failure);
        return result;
    }
}
