using System.CommandLine;
using VersionedNotifications.Tool.Commands.Messages;

namespace VersionedNotifications.Tool.Commands;

/// <summary>
/// <c>vnotify validate</c>: whether captured messages read through the OpenStack contracts, and come
/// out with the same values when written again. One line per file on standard output, in order:
/// <c>OK &lt;event_type&gt; &lt;payload type&gt; &lt;version&gt;</c> or <c>FAIL &lt;file&gt;: &lt;json path&gt;: &lt;reason&gt;</c>.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(Option<string?> eventType)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Captured messages: oslo v2 bodies, v1 envelopes or bare payloads, one JSON value per file.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("validate", "Check that captured messages decode through the contracts and re-encode without changing a value.") { files, eventType };
        command.SetAction(result =>
        {
            var paths = result.GetValue(files)!;
            var declared = CapturedMessages.FindEventType(result.GetValue(eventType));
            CapturedMessages.EnsureExist(paths);
            var failed = 0;
            foreach (var path in paths)
            {
                if (CapturedMessages.TryRead(CapturedMessages.Load(path), declared, out var message, out var failure))
                {
                    Console.WriteLine($"OK {message.EventType} {message.PayloadTypeName} {message.Version}");
                }
                else
                {
                    Console.WriteLine(failure.ToLine(path));
                    failed++;
                }
            }

            return failed == 0 ? 0 : 1;
        });
        return command;
    }
}
