using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace VersionedNotifications.Tool.Import;

/// <summary>
/// Runs the user's Python on the script the tool carries (introspect.py, passed on standard input as <c>python -</c>)
/// with the modules to read, and reads the JSON it prints.
/// </summary>
internal static class PythonIntrospector
{
    /// <exception cref="UsageException">The interpreter cannot be started, the script fails (an import error, say), or it prints no JSON.</exception>
    public static Introspection Run(string python, IReadOnlyList<string> modules)
    {
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
        start.ArgumentList.Add("-");
        foreach (var module in modules)
        {
            start.ArgumentList.Add(module);
        }

        // Python's own output encoding would otherwise follow the locale.
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new UsageException($"--python: '{python}' did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new UsageException($"--python: cannot run '{python}': {e.Message}");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(Script());
            process.StandardInput.Close();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new UsageException($"{python} could not read the modules (exit code {process.ExitCode}):\n{error.Result.TrimEnd()}");
            }

            try
            {
                return JsonSerializer.Deserialize<Introspection>(output.Result, Introspection.JsonOptions)
                    ?? throw new UsageException($"{python} printed no description of the modules");
            }
            catch (JsonException e)
            {
                throw new UsageException($"{python} printed something other than the expected JSON ({e.Message})");
            }
        }
    }

    private static string Script()
    {
        using var stream = typeof(PythonIntrospector).Assembly.GetManifestResourceStream("VersionedNotifications.Tool.Import.introspect.py")
            ?? throw new InvalidOperationException("introspect.py is not embedded in vnotify");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
