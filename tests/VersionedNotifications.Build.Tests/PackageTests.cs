using System.Diagnostics;

namespace VersionedNotifications.Build.Tests;

/// <summary>
/// The packages as users get them: the solution packed with a unique version into a folder feed,
/// the consumer projects of tests/package-consumers copied outside the repository and restored with
/// every <c>VersionedNotifications*</c> package mapped to that feed alone, built and run; the tool
/// installed from the feed; and the README's package walkthrough, copied from the README as a newcomer would.
/// </summary>
public sealed class PackageTests : IClassFixture<PackageTests.PackedFeed>
{
    private readonly PackedFeed _feed;

    public PackageTests(PackedFeed feed) => _feed = feed;

    [Fact]
    public void Every_package_has_its_readme_license_symbols_and_no_generator_dependency()
    {
        foreach (var id in new[] { "VersionedNotifications", "VersionedNotifications.Generator", "VersionedNotifications.OpenStack", "VersionedNotifications.Extensions.Hosting", "VersionedNotifications.RabbitMQ", "VersionedNotifications.Qpid", "VersionedNotifications.Tool" })
        {
            var package = Path.Combine(_feed.Folder, $"{id}.{_feed.Version}.nupkg");
            Assert.True(File.Exists(package), $"{id} was not packed: {string.Join(", ", Directory.GetFiles(_feed.Folder).Select(Path.GetFileName))}");
            using var archive = System.IO.Compression.ZipFile.OpenRead(package);
            var entries = archive.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("README.md", entries);
            var nuspec = new StreamReader(archive.GetEntry(id + ".nuspec")!.Open()).ReadToEnd();
            Assert.Contains("<license type=\"expression\">Apache-2.0</license>", nuspec);
            Assert.Contains("<readme>README.md</readme>", nuspec);
            Assert.DoesNotContain("id=\"VersionedNotifications.Generator\"", nuspec);
            if (id != "VersionedNotifications.Generator")
            {
                Assert.True(File.Exists(Path.ChangeExtension(package, ".snupkg")), $"{id} has no symbols package");
            }
        }

        using var generator = System.IO.Compression.ZipFile.OpenRead(Path.Combine(_feed.Folder, $"VersionedNotifications.Generator.{_feed.Version}.nupkg"));
        var files = generator.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("analyzers/dotnet/cs/VersionedNotifications.Generator.dll", files);
        Assert.Contains("analyzers/dotnet/cs/YamlDotNet.dll", files);
        Assert.Contains("buildTransitive/VersionedNotifications.Generator.targets", files);
        Assert.Contains("build/VersionedNotifications.Generator.targets", files);
        Assert.DoesNotContain(files, f => f.StartsWith("lib/", StringComparison.Ordinal));
        var generatorSpec = new StreamReader(generator.GetEntry("VersionedNotifications.Generator.nuspec")!.Open()).ReadToEnd();
        Assert.Contains("<developmentDependency>true</developmentDependency>", generatorSpec);
    }

    [Fact]
    public void A_producer_compiles_its_own_definitions_from_the_packages()
    {
        using var project = _feed.Consumer("Producer");

        var run = project.Dotnet("run", "-c", "Release");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("read shop.order.place.end Info: OrderPayload 1.1 id=5f0c7a52-8b9e-4e57-9a36-1f2d3c4b5a69 total=1999 coupon=WELCOME", run.Output);
        Assert.Contains("event types: shop.order.place.end, shop.order.place.error, shop.order.place.start", run.Output);
        Assert.True(project.Restored("VersionedNotifications.Generator"), "the generator did not come from the feed");
    }

    [Fact]
    public void A_consumer_of_the_OpenStack_contracts_decodes_a_real_Ironic_message_and_gets_nothing_generated()
    {
        using var project = _feed.Consumer("IronicReader");
        File.Copy(Path.Combine(RepositoryLayout.Root, "tests", "fixtures", "openstack", "ironic", "baremetal.node.power_set.end.json"), Path.Combine(project.Directory, "message.json"));

        var run = project.Dotnet("run", "-c", "Release");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("baremetal.node.power_set.end from ironic-conductor.hostname01: node 1be26c0b-03f2-4d2e-ae87-c02d7f33c123 power on (NodeSetPowerStatePayload 1.16)", run.Output);
        Assert.Contains("outcome Handled; types generated in this project: 0", run.Output);
        Assert.DoesNotContain("CS0436", run.Output);
    }

    [Fact]
    public void A_host_from_the_packages_emits_and_receives_over_RabbitMQ()
    {
        using var project = _feed.Consumer("RabbitRoundTrip");
        File.Copy(Path.Combine(RepositoryLayout.Root, "tests", "fixtures", "openstack", "ironic", "baremetal.node.power_set.end.json"), Path.Combine(project.Directory, "message.json"));
        using var broker = ThrowAwayBroker.Start();

        var run = project.Dotnet("run", "-c", "Release", "--", broker.Url);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("received baremetal.node.power_set.end Info from ironic-conductor.package-host: node 1be26c0b-03f2-4d2e-ae87-c02d7f33c123 power on", run.Output);
        Assert.True(project.Restored("VersionedNotifications.RabbitMQ"), "the RabbitMQ package did not come from the feed");
    }

    [Fact]
    public void Breaking_a_shipped_minor_version_fails_the_build_with_the_analyzers_id()
    {
        using var project = _feed.Consumer("Producer");
        var ship = _feed.Vnotify(project.Directory, "ship", "--definitions", "definitions");
        Assert.True(ship.ExitCode == 0, ship.Output);
        Assert.True(File.Exists(Path.Combine(project.Directory, "definitions", "VersionedNotifications.Shipped.txt")), ship.Output);
        File.Copy(Path.Combine(RepositoryLayout.Root, "tests", "package-consumers", "BrokenRule", "shop.yaml"), Path.Combine(project.Directory, "definitions", "shop.yaml"), overwrite: true);

        var build = project.Dotnet("build", "-c", "Release");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Matches(@"shop\.yaml\(\d+,\d+\): error VN0202", build.Output);
    }

    [Fact]
    public void The_tool_installs_from_the_feed_and_answers()
    {
        var help = _feed.Vnotify(_feed.Folder, "--help");

        Assert.True(help.ExitCode == 0, help.Output);
        Assert.Contains("validate", help.Output);
        Assert.Contains("ship", help.Output);
    }

    [Fact]
    public void The_README_walkthrough_builds_and_runs_a_service_of_ones_own_and_installs_the_tool_from_the_feed()
    {
        const string ReadmeFeed = "../VersionedNotifications/feed";
        const string ReadmeVersion = "0.1.0";
        var readme = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "README.md"));
        var steps = ReadmeWalkthrough.Read(readme);
        Assert.Equal(["nuget.config", "Acme.Parcels.csproj", "definitions/parcels.yaml", "Program.cs", null, null], steps.Select(s => s.Path));
        // The README's version is the one `dotnet pack` makes; the test's own pack has a version no cache has seen.
        Assert.Contains($"<Version>{ReadmeVersion}</Version>", File.ReadAllText(Path.Combine(RepositoryLayout.Root, "Directory.Build.props")));

        using var project = new ConsumerProject(_feed, Path.GetFullPath(Path.Combine(_feed.Folder, "..", "Acme.Parcels")));
        var outputs = new List<string>();
        foreach (var step in steps)
        {
            var text = Substitute(step.Text, ReadmeFeed, _feed.Folder, required: step.Path == "nuget.config");
            text = Substitute(text, $"Version=\"{ReadmeVersion}\"", $"Version=\"{_feed.Version}\"", required: step.Path?.EndsWith(".csproj", StringComparison.Ordinal) == true);
            text = Substitute(text, $"--version {ReadmeVersion}", $"--version {_feed.Version}", required: false);
            if (step.Path is { } path)
            {
                var file = Path.Combine(project.Directory, path);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllText(file, text);
                continue;
            }

            foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                Assert.Equal("dotnet", words[0]);
                var run = project.Dotnet(words[1..]);
                Assert.True(run.ExitCode == 0, $"{line}\n{run.Output}");
                outputs.Add(run.Output);
            }
        }

        Assert.Contains("read parcel.ship.end from parcels-api.host-1: parcel 0b7e4c52-3f61-4d0a-9c1e-5a2b8d6f4e10, 2500 g", outputs[0]);
        Assert.Matches(@"info: VersionedNotifications\.Notification\.parcel\.ship\.end\[1\] \{""message_id"": ""[0-9a-f-]{36}"", ""publisher_id"": ""parcels-api\.host-1"", ""event_type"": ""parcel\.ship\.end""", outputs[0]);
        Assert.True(project.Restored("VersionedNotifications.Generator"), "the generator did not come from the feed");
        Assert.Contains("object parcels.ParcelPayload@1.0", File.ReadAllText(Path.Combine(project.Directory, "definitions", "VersionedNotifications.Shipped.txt")));
        // The manifest is dotnet-tools.json in the folder (.config/ before .NET 10), with the tool at the feed's version.
        var manifest = Assert.Single(Directory.GetFiles(project.Directory, "dotnet-tools.json", SearchOption.AllDirectories));
        Assert.Contains($"\"version\": \"{_feed.Version}\"", File.ReadAllText(manifest));

        static string Substitute(string text, string readme, string test, bool required)
        {
            Assert.True(!required || text.Contains(readme, StringComparison.Ordinal), $"the README's walkthrough no longer has '{readme}' where the test replaces it");
            return text.Replace(readme, test, StringComparison.Ordinal);
        }
    }

    /// <summary>The solution packed once for all the tests of the class, and the tool installed from it.</summary>
    public sealed class PackedFeed : IDisposable
    {
        private readonly TemporaryFolder _root = new("packages");

        public PackedFeed()
        {
            // A version no cache has seen, so every package below comes from this pack.
            Version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
            Folder = Path.Combine(_root.Path, "feed");
            Packages = Path.Combine(_root.Path, "nuget-packages");
            Tools = Path.Combine(_root.Path, "tools");

            // The tests run after the solution's Release build (test.sh builds it first): packing reuses it.
            var pack = DotnetCli.Run(RepositoryLayout.Root, "pack", "Contracts.sln", "-c", "Release", "--no-build", "-o", Folder, $"-p:Version={Version}", "-nologo");
            Assert.True(pack.ExitCode == 0, pack.Output);

            var install = Dotnet(_root.Path, "tool", "install", "VersionedNotifications.Tool", "--version", Version, "--tool-path", Tools, "--add-source", Folder);
            Assert.True(install.ExitCode == 0, install.Output);
        }

        public string Version { get; }

        public string Folder { get; }

        /// <summary>A packages folder of these tests' own, so the global cache is neither used nor filled.</summary>
        public string Packages { get; }

        public string Tools { get; }

        /// <summary>A copy of tests/package-consumers/<paramref name="name"/> outside the repository, wired to the feed.</summary>
        internal ConsumerProject Consumer(string name)
        {
            var directory = Path.Combine(_root.Path, name + "-" + Guid.NewGuid().ToString("N")[..8]);
            Copy(Path.Combine(RepositoryLayout.Root, "tests", "package-consumers", name), directory);
            // The feed is added to the machine's own sources (no <clear/>): the packages under test come from it, as
            // their version exists nowhere else, and their dependencies from wherever this machine restores them.
            File.WriteAllText(Path.Combine(directory, "NuGet.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="feed" value="{Folder}" />
                  </packageSources>
                </configuration>
                """);
            File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), $"""
                <Project>
                  <PropertyGroup>
                    <VersionedNotificationsVersion>{Version}</VersionedNotificationsVersion>
                  </PropertyGroup>
                </Project>
                """);
            return new ConsumerProject(this, directory);
        }

        internal DotnetCli.Outcome Dotnet(string workingDirectory, params string[] arguments) =>
            DotnetCli.Run(workingDirectory, new Dictionary<string, string> { ["NUGET_PACKAGES"] = Packages }, arguments);

        internal DotnetCli.Outcome Vnotify(string workingDirectory, params string[] arguments)
        {
            var start = new ProcessStartInfo(Path.Combine(Tools, "vnotify")) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return new DotnetCli.Outcome(process.ExitCode, output + error.Result);
        }

        public void Dispose() => _root.Dispose();

        private static void Copy(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (var file in Directory.GetFiles(from))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }

            foreach (var folder in Directory.GetDirectories(from))
            {
                Copy(folder, Path.Combine(to, Path.GetFileName(folder)));
            }
        }
    }

    /// <summary>One consumer project in its temporary folder.</summary>
    public sealed class ConsumerProject(PackedFeed feed, string directory) : IDisposable
    {
        public string Directory { get; } = directory;

        internal DotnetCli.Outcome Dotnet(params string[] arguments) => feed.Dotnet(Directory, arguments);

        /// <summary>Whether the project restored <paramref name="id"/> at the feed's version.</summary>
        public bool Restored(string id)
        {
            var assets = File.ReadAllText(Path.Combine(Directory, "obj", "project.assets.json"));
            return assets.Contains($"\"{id}/{feed.Version}\"", StringComparison.Ordinal);
        }

        public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
    }
}

/// <summary>A RabbitMQ of its own (tests/interop/rabbitmq.sh), so that no other test's broker restart disturbs it.</summary>
internal sealed class ThrowAwayBroker : IDisposable
{
    private readonly TemporaryFolder _state = new("rabbit");

    public string Url { get; private set; } = string.Empty;

    public static ThrowAwayBroker Start()
    {
        var broker = new ThrowAwayBroker();
        var start = broker.Script("start");
        Assert.True(start.ExitCode == 0, "the throw-away RabbitMQ did not start (is rabbitmq-server installed? ./test.sh installs it): " + start.Output);
        broker.Url = start.Output.Trim().Split('\n').Last().Trim();
        return broker;
    }

    public void Dispose()
    {
        Script("stop");
        _state.Dispose();
    }

    private (int ExitCode, string Output) Script(string command)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(RepositoryLayout.Root, "tests", "interop", "rabbitmq.sh"));
        info.ArgumentList.Add(command);
        info.ArgumentList.Add(_state.Path);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error);
    }
}
