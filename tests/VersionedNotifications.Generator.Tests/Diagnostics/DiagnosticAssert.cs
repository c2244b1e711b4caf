using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using VersionedNotifications.Generator.Tests.Infrastructure;

namespace VersionedNotifications.Generator.Tests.Diagnostics;

/// <summary>
/// A definitions file written inline. The YAML is a raw string literal, so the line numbers a test
/// asserts are the lines as they read in the test: the first line inside the quotes is line 1.
/// </summary>
internal sealed record Definition(string Path, string Text)
{
    public static Definition Of(string path, string yaml) => new(path, yaml.ReplaceLineEndings("\n") + "\n");

    public static implicit operator (string Path, string Text)(Definition definition) => (definition.Path, definition.Text);

    /// <summary>The text from the 1-based <paramref name="line"/> and <paramref name="column"/> to the end of that line.</summary>
    public string RestOfLine(int line, int column)
    {
        var text = SourceText.From(Text).Lines[line - 1].ToString();
        return column - 1 <= text.Length ? text.Substring(column - 1) : string.Empty;
    }
}

/// <summary>Runs definitions through the real generator and places diagnostics on their exact YAML line and column.</summary>
internal static class DiagnosticAssert
{
    public static GeneratorRun Run(params Definition[] definitions) =>
        GeneratorHarness.Run(definitions.Select(d => (d.Path, d.Text)), sources: null);

    /// <summary>
    /// Asserts that <paramref name="run"/> reported exactly one <paramref name="id"/> at the 1-based
    /// <paramref name="line"/> and <paramref name="column"/> of <paramref name="file"/>, as an error whose
    /// message contains <paramref name="message"/>, and, when <paramref name="token"/> is given, that the
    /// YAML at that place starts with it. Returns the diagnostic for further checks.
    /// </summary>
    public static Diagnostic Reported(GeneratorRun run, string id, Definition file, int line, int column, string message, string? token = null)
    {
        var matching = run.Diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count == 1, $"expected one {id}, got {matching.Count}:\n{Describe(run.Diagnostics)}");
        return At(matching[0], id, file, line, column, message, token);
    }

    /// <summary>Like <see cref="Reported"/>, for a run that reports <paramref name="id"/> more than once: picks the one at <paramref name="line"/> and <paramref name="column"/>.</summary>
    public static Diagnostic ReportedAt(GeneratorRun run, string id, Definition file, int line, int column, string message, string? token = null)
    {
        var matching = run.Diagnostics.Where(d => d.Id == id && d.Location.GetLineSpan().Path == file.Path && d.Location.GetLineSpan().StartLinePosition == new LinePosition(line - 1, column - 1)).ToList();
        Assert.True(matching.Count == 1, $"expected one {id} at {file.Path}:{line}:{column}, got {matching.Count}:\n{Describe(run.Diagnostics)}");
        return At(matching[0], id, file, line, column, message, token);
    }

    public static Diagnostic At(Diagnostic diagnostic, string id, Definition file, int line, int column, string message, string? token = null)
    {
        var span = diagnostic.Location.GetLineSpan();
        var where = $"{Describe([diagnostic])}";
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Descriptor.DefaultSeverity);
        Assert.True(diagnostic.Location.Kind == LocationKind.ExternalFile, $"expected a location in the YAML file: {where}");
        Assert.Equal(file.Path, span.Path);
        Assert.True(line == span.StartLinePosition.Line + 1 && column == span.StartLinePosition.Character + 1, $"expected {file.Path}:{line}:{column}, got {where}");
        Assert.Contains(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        if (token is not null)
        {
            Assert.StartsWith(token, file.RestOfLine(line, column), StringComparison.Ordinal);
            Assert.Equal(file.Text.IndexOf(token, diagnostic.Location.SourceSpan.Start, StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
        }

        return diagnostic;
    }

    /// <summary>Asserts that only the given IDs were reported, each as many times as listed.</summary>
    public static void OnlyReported(GeneratorRun run, params string[] ids) =>
        Assert.True(
            run.Diagnostics.Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal).SequenceEqual(ids.OrderBy(i => i, StringComparer.Ordinal)),
            $"expected exactly [{string.Join(", ", ids)}], got:\n{Describe(run.Diagnostics)}");

    /// <summary>The rest of the definitions still generate (each hint name is there) and the whole output compiles cleanly.</summary>
    public static void StillGeneratesAndCompiles(GeneratorRun run, params string[] hintNames)
    {
        foreach (var hintName in hintNames)
        {
            Assert.True(run.HintNames.Contains(hintName), $"expected {hintName} among the generated files: [{string.Join(", ", run.HintNames)}]");
        }

        Assert.True(run.Result.Results.All(r => r.Exception is null), "the generator threw: " + string.Join("\n", run.Result.Results.Select(r => r.Exception)));
        Assert.True(run.CompilationProblems.Count == 0, "the generated code does not compile cleanly:\n" + string.Join("\n", run.CompilationProblems));
    }

    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d =>
        {
            var span = d.Location.GetLineSpan();
            return $"  {d.Id} {d.Severity} {span.Path}:{span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
        }));
}
