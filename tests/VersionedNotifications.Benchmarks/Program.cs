using System.Globalization;
using BenchmarkDotNet.Running;
using VersionedNotifications.Benchmarks;

return args switch
{
    ["throughput", ..] => QuickModes.Throughput(SecondsFrom(args)),
    ["generator", ..] => QuickModes.Generator(),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(SampleMessage).Assembly).Run(args);
    return 0;
}

static double SecondsFrom(string[] args)
{
    var at = Array.IndexOf(args, "--seconds");
    return at >= 0 && at + 1 < args.Length && double.TryParse(args[at + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 ? seconds : 3;
}
