using System.Diagnostics;
using System.Text.Json.Nodes;
using VersionedNotifications.Tests.Infrastructure;

namespace VersionedNotifications.Tests.Properties;

/// <summary>
/// One running tests/interop/oslo_bytes.py under Debian's python: the real nova payload classes, oslo.messaging's
/// Notifier and oslo's AMQP driver functions, asked one JSON line at a time. Disposing ends it.
/// </summary>
internal sealed class OsloPeer : IDisposable
{
    private const string Python = "/usr/bin/python3";

    // Generous: it only catches a peer that hangs (importing nova takes seconds on a busy machine).
    private static readonly TimeSpan ReplyLimit = TimeSpan.FromMinutes(3);

    private readonly Process _process;

    private OsloPeer(Process process)
    {
        _process = process;
    }

    public static OsloPeer Start()
    {
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException($"{Python} is missing: this test needs Debian's python3 with python3-nova and python3-oslo.messaging.");
        }

        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Fixtures.PathOf("tests", "interop", "oslo_bytes.py"));
        start.Environment["PYTHONUNBUFFERED"] = "1";
        var peer = new OsloPeer(Process.Start(start)!);
        var ready = peer.ReadReply();
        Assert.True(ready["ready"]?.GetValue<bool>() == true, $"oslo_bytes.py did not start: {ready}");
        return peer;
    }

    /// <summary>Sends one request and waits for its reply.</summary>
    public JsonObject Ask(JsonObject request)
    {
        _process.StandardInput.WriteLine(request.ToJsonString());
        _process.StandardInput.Flush();
        return ReadReply();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                _process.Kill();
            }
        }

        _process.Dispose();
    }

    private JsonObject ReadReply()
    {
        var line = _process.StandardOutput.ReadLineAsync();
        if (!line.Wait(ReplyLimit) || line.Result is null)
        {
            Assert.Fail($"oslo_bytes.py gave no reply (exited: {_process.HasExited}); its error output is in the test log.");
        }

        return JsonNode.Parse(line.Result!)!.AsObject();
    }
}
