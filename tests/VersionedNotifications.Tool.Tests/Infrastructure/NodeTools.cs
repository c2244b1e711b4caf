using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VersionedNotifications.Tool.Tests.Infrastructure;

/// <summary>
/// The npm tools in tests/tools: a real JSON Schema 2020-12 validator (ajv) and the real AsyncAPI
/// parser (@asyncapi/parser), installed by <c>npm ci --prefix tests/tools</c>.
/// </summary>
internal static class NodeTools
{
    private static readonly Lazy<SchemaServer> Schemas = new(() => new SchemaServer(RepositoryLayout.Schemas));

    /// <summary>One instance to check against one schema of the committed schemas folder.</summary>
    public sealed record SchemaCase(string Name, string Schema, JsonNode? Instance);

    public sealed record SchemaResult(string Name, bool Valid, IReadOnlyList<string> Errors);

    /// <summary>
    /// Validates every case with ajv (strict, formats asserted) against docs/schemas. One node process
    /// compiles the schemas once (every one of them, so a schema that does not compile fails every
    /// test) and serves all tests.
    /// </summary>
    public static IReadOnlyDictionary<string, SchemaResult> Validate(IReadOnlyList<SchemaCase> cases)
    {
        var results = Schemas.Value.Validate(cases);
        Assert.Equal(cases.Count, results.Count);
        return results.ToDictionary(r => r.Name);
    }

    /// <summary>Parses AsyncAPI documents with @asyncapi/parser; the JSON report of validate-asyncapi.mjs, and its exit code.</summary>
    public static (int ExitCode, JsonArray Report) ParseAsyncApi(params string[] documents)
    {
        RequirePackages("@asyncapi/parser", "ajv", "ajv-formats");
        var outcome = Processes.Run("node", [Path.Combine(RepositoryLayout.Tools, "validate-asyncapi.mjs"), .. documents]);
        Assert.True(outcome.ExitCode is 0 or 1, "validate-asyncapi.mjs failed:\n" + outcome);
        return (outcome.ExitCode, JsonNode.Parse(outcome.StandardOutput)!.AsArray());
    }

    private static void RequirePackages(params string[] packages)
    {
        foreach (var package in packages)
        {
            if (!Directory.Exists(Path.Combine(RepositoryLayout.Tools, "node_modules", package)))
            {
                Assert.Fail($"The npm package '{package}' is not installed in {RepositoryLayout.Tools}; run `npm ci --prefix tests/tools` from the repository root.");
            }
        }
    }

    /// <summary><c>validate-json.mjs --serve</c>: one line of cases in, one line of results out, one request at a time.</summary>
    private sealed class SchemaServer
    {
        private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };
        private readonly Process _process;
        private readonly StringBuilder _errors = new();

        public SchemaServer(string schemasFolder)
        {
            RequirePackages("ajv", "ajv-formats");
            var start = new ProcessStartInfo("node")
            {
                WorkingDirectory = RepositoryLayout.Root,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
                StandardInputEncoding = new UTF8Encoding(false),
            };
            start.ArgumentList.Add(Path.Combine(RepositoryLayout.Tools, "validate-json.mjs"));
            start.ArgumentList.Add(schemasFolder);
            start.ArgumentList.Add("--serve");
            _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
            _process.ErrorDataReceived += (_, e) => { lock (_errors) { _errors.AppendLine(e.Data); } };
            _process.BeginErrorReadLine();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
            var ready = ReadLine();
            Assert.True(ready == "ready", $"validate-json.mjs did not start: {ready}\n{StandardError}");
        }

        private string StandardError
        {
            get
            {
                lock (_errors)
                {
                    return _errors.ToString();
                }
            }
        }

        public List<SchemaResult> Validate(IReadOnlyList<SchemaCase> cases)
        {
            var input = new JsonArray(cases.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["schema"] = c.Schema, ["instance"] = c.Instance?.DeepClone() }).ToArray());
            lock (_process)
            {
                _process.StandardInput.WriteLine(input.ToJsonString());
                _process.StandardInput.Flush();
                var line = ReadLine();
                Assert.True(line is not null, "validate-json.mjs stopped:\n" + StandardError);
                return JsonSerializer.Deserialize<List<SchemaResult>>(line, Options)!;
            }
        }

        private string? ReadLine()
        {
            var read = _process.StandardOutput.ReadLineAsync();
            // A hang catcher, generous for a loaded machine.
            if (!read.Wait(TimeSpan.FromMinutes(10)))
            {
                Stop();
                Assert.Fail("validate-json.mjs did not answer within 10 minutes (a limit meant to catch a hang):\n" + StandardError);
            }

            return read.Result;
        }

        private void Stop()
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                if (!_process.WaitForExit(TimeSpan.FromSeconds(5)))
                {
                    _process.Kill();
                }
            }
        }
    }
}
