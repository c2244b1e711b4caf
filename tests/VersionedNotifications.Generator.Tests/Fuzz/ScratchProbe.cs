using Microsoft.CodeAnalysis;
using VersionedNotifications.Generator.Tests.Infrastructure;

namespace VersionedNotifications.Generator.Tests.Fuzz;

public sealed class ScratchProbe
{
    [Fact]
    public void Probe()
    {
        var dir = "/tmp/probe";
        var output = new System.Text.StringBuilder();
        foreach (var file in Directory.GetFiles(dir, "*.yaml").OrderBy(f => f))
        {
            var text = File.ReadAllText(file);
            var parts = text.Split("\n#---FILE ");
            var defs = new List<(string, string)>();
            defs.Add(("/d/" + Path.GetFileName(file), parts[0]));
            foreach (var p in parts.Skip(1)) { var nl = p.IndexOf('\n'); defs.Add(("/d/" + p[..nl].Trim(), p[(nl+1)..])); }
            var run = GeneratorHarness.Run(defs.ToArray());
            output.AppendLine("##### " + Path.GetFileName(file));
            foreach (var d in run.Diagnostics) { var s = d.Location.GetLineSpan(); output.AppendLine($"  {d.Id} {d.Severity} {s.Path}:{s.StartLinePosition.Line+1}:{s.StartLinePosition.Character+1}-{s.EndLinePosition.Line+1}:{s.EndLinePosition.Character+1} span={d.Location.SourceSpan} :: {d.GetMessage()}"); }
            foreach (var r in run.Result.Results) if (r.Exception != null) output.AppendLine("  EXC " + r.Exception);
            output.AppendLine("  hints: " + string.Join(", ", run.HintNames));
            foreach (var d in run.CompilationProblems) output.AppendLine("  CP " + d);
            if (Environment.GetEnvironmentVariable("PROBE_SRC") == "1") foreach (var s in run.Sources) output.AppendLine(s.SourceText.ToString());
        }
        File.WriteAllText("/tmp/probe.out", output.ToString());
    }
}
