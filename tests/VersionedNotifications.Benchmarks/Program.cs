using System.Globalization;
using BenchmarkDotNet.Running;
using VersionedNotifications.Benchmarks;

return args switch
{
    ["throughput", ..] => QuickModes.Throughput(SecondsFrom(args)),
    ["generator", ..] => QuickModes.Generator(),
    ["generator-scaling", ..] => GeneratorScaling.Run(args.Contains("--steps")),
    ["rabbit", ..] => await RabbitMode.RunAsync(
        Option(args, "--url") ?? "rabbit://guest:guest@127.0.0.1:5672/",
        Positive(args, "--count") ?? 20_000,
        Positive(args, "--emitters") ?? 1,
        Positive(args, "--consumers") ?? 1,
        Positive(args, "--payload-bytes") ?? 0),
    ["scale", ..] => ScaleMode.Run(SecondsFrom(args)),
    ["allocations", ..] => AllocationsMode.Run(Positive(args, "--count") ?? 2_000_000),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(SampleMessage).Assembly).Run(args);
    return 0;
}

static string? Option(string[] args, string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

static int? Positive(string[] args, string name) =>
    int.TryParse(Option(args, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;

static double SecondsFrom(string[] args)
{
    var at = Array.IndexOf(args, "--seconds");
    return at >= 0 && at + 1 < args.Length && double.TryParse(args[at + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 ? seconds : 3;
}
