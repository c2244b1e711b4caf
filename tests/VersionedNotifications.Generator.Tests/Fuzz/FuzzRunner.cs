using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using VersionedNotifications.Generator.Tests.Infrastructure;

namespace VersionedNotifications.Generator.Tests.Fuzz;

/// <summary>Something the generator must never do, found on some inputs.</summary>
/// <param name="Signature">What went wrong, without the details of the input, to group the same bug together.</param>
/// <param name="Detail">What went wrong on these inputs.</param>
/// <param name="Inputs">The inputs of the run (a single one once the problem is narrowed down).</param>
internal sealed record FuzzProblem(string Signature, string Detail, IReadOnlyList<FuzzInput> Inputs);

/// <summary>
/// Feeds inputs to the real generator through a <see cref="CSharpGeneratorDriver"/>, several files per
/// run, and checks what must hold for any input: nothing escapes or fails inside the generator, no
/// internal error, every diagnostic lies inside the file it names, and when the generator reports no
/// error the output compiles.
/// </summary>
internal sealed class FuzzRunner
{
    private readonly CSharpCompilation _compilation = GeneratorHarness.CreateCompilation();
    private readonly CSharpParseOptions _parseOptions = GeneratorHarness.ParseOptions();
    private readonly bool _compileOutput;

    /// <param name="compileOutput">
    /// Whether to compile what a run without errors generates; false for inputs so large that compiling
    /// them would take minutes, where what is asserted is that the generator finishes cleanly.
    /// </param>
    public FuzzRunner(bool compileOutput = true) => _compileOutput = compileOutput;

    /// <summary>How many runs compiled the generated code (their generator reported no error).</summary>
    public int CompiledRuns { get; private set; }

    /// <summary>How many inputs were in those runs.</summary>
    public int CompiledInputs { get; private set; }

    /// <summary>How many generator runs there were, narrowing down included.</summary>
    public int Runs { get; private set; }

    /// <summary>
    /// Runs <paramref name="inputs"/> together; on a problem, runs each input alone to find the one that
    /// causes it. Returns the problems and the inputs that had no diagnostic at all (to compile later
    /// together with other clean inputs, since a run with an error elsewhere is not compiled).
    /// </summary>
    public (List<FuzzProblem> Problems, List<FuzzInput> Clean) Check(IReadOnlyList<FuzzInput> inputs)
    {
        var (problems, diagnostics) = Run(inputs);
        var clean = inputs.Where(i => !diagnostics.Any(d => d.Location.GetLineSpan().Path == i.Path)).ToList();
        if (problems.Count == 0 || inputs.Count == 1)
        {
            return (problems, clean);
        }

        var narrowed = new List<FuzzProblem>();
        foreach (var input in inputs)
        {
            narrowed.AddRange(Run([input]).Problems);
        }

        // A problem no single input has comes from the inputs together: keep the whole run.
        narrowed.AddRange(problems.Where(p => !narrowed.Any(n => n.Signature == p.Signature)));
        return (narrowed, clean);
    }

    private (List<FuzzProblem> Problems, ImmutableArray<Diagnostic> Diagnostics) Run(IReadOnlyList<FuzzInput> inputs)
    {
        Runs++;
        var problems = new List<FuzzProblem>();
        void Problem(string signature, string detail) => problems.Add(new FuzzProblem(signature, detail, inputs));

        var texts = inputs.Select(i => (AdditionalText)new InMemoryAdditionalText(i.Path, i.Text)).ToList();
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new NotificationGenerator().AsSourceGenerator()], texts, _parseOptions);
        Compilation output;
        ImmutableArray<Diagnostic> diagnostics;
        try
        {
            driver = driver.RunGeneratorsAndUpdateCompilation(_compilation, out output, out diagnostics);
        }
        catch (Exception e)
        {
            Problem("exception escaped: " + e.GetType().Name, e.ToString());
            return (problems, ImmutableArray<Diagnostic>.Empty);
        }

        foreach (var result in driver.GetRunResult().Results.Where(r => r.Exception is not null))
        {
            Problem("generator failed: " + Normalize(result.Exception!.GetType().Name + ": " + result.Exception.Message), result.Exception.ToString());
        }

        foreach (var diagnostic in diagnostics)
        {
            CheckDiagnostic(diagnostic, inputs, Problem);
        }

        if (_compileOutput && problems.Count == 0 && !diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            CompiledRuns++;
            CompiledInputs += inputs.Count;
            var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                var generated = errors.Select(e => e.Location.SourceTree).OfType<SyntaxTree>().Distinct()
                    .Select(tree => $"--- {tree.FilePath}\n{tree.GetText()}");
                Problem(
                    "generated code does not compile: " + string.Join(", ", errors.Select(e => e.Id).Distinct().Order(StringComparer.Ordinal)),
                    string.Join("\n", errors.Take(10)) + "\n" + string.Join("\n", generated));
            }
        }

        return (problems, diagnostics);
    }

    private static void CheckDiagnostic(Diagnostic diagnostic, IReadOnlyList<FuzzInput> inputs, Action<string, string> problem)
    {
        string message;
        try
        {
            message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        }
        catch (Exception e)
        {
            problem($"{diagnostic.Id} message cannot be formatted", e.ToString());
            return;
        }

        if (diagnostic.Id == "CS8785")
        {
            problem("generator failed (CS8785)", message);
            return;
        }

        if (diagnostic.Id == "VN0999")
        {
            problem("VN0999 internal error: " + Normalize(message), message);
        }

        if (!diagnostic.Id.StartsWith("VN", StringComparison.Ordinal))
        {
            problem("unexpected diagnostic " + diagnostic.Id, diagnostic.ToString());
            return;
        }

        var span = diagnostic.Location.GetLineSpan();
        var input = inputs.FirstOrDefault(i => i.Path == span.Path);
        if (diagnostic.Location.Kind != LocationKind.ExternalFile || input is null)
        {
            problem($"{diagnostic.Id} is not located in a definitions file", $"{diagnostic} at '{span.Path}'");
            return;
        }

        var lines = SourceText.From(input.Text).Lines;
        bool Inside(LinePosition position) => position.Line >= 0 && position.Line < lines.Count && position.Character >= 0 && position.Character <= lines[position.Line].Span.Length;
        if (!Inside(span.StartLinePosition) || !Inside(span.EndLinePosition) || span.EndLinePosition < span.StartLinePosition || diagnostic.Location.SourceSpan.End > input.Text.Length)
        {
            problem(
                $"{diagnostic.Id} is located outside its file",
                $"{diagnostic.Id} at {span.StartLinePosition}-{span.EndLinePosition} (0-based), span {diagnostic.Location.SourceSpan}, in a file of {lines.Count} lines and {input.Text.Length} chars: {message}");
        }
    }

    /// <summary>A message without the parts that name the input, so that one bug gives one signature.</summary>
    private static string Normalize(string message)
    {
        var builder = new StringBuilder();
        var quote = '\0';
        foreach (var c in message.Split('\n')[0])
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    builder.Append(c);
                    quote = '\0';
                }

                continue;
            }

            builder.Append(c);
            if (c is '\'')
            {
                builder.Append('…');
                quote = c;
            }
        }

        var text = builder.ToString();
        var key = text.IndexOf("Key:", StringComparison.Ordinal);
        return key >= 0 ? text.Substring(0, key + 4) + " …" : text;
    }
}
