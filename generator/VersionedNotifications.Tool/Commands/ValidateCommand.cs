using System.CommandLine;
using VersionedNotifications.Tool.Commands.Messages;
using VersionedNotifications.Tool.Contracts;

namespace VersionedNotifications.Tool.Commands;

/// <summary>
/// <c>vnotify validate</c>: whether captured messages read through the contracts (those compiled from
/// <c>--definitions</c>, or the built-in OpenStack ones), and come out with the same values when written again. One line per file on standard output, in order:
/// <c>OK &lt;event_type&gt; &lt;payload type&gt; &lt;version&gt;</c> or <c>FAIL &lt;file&gt;: &lt;json path&gt;: &lt;reason&gt;</c>.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(Option<string?> eventType, DefinitionsOptions definitions)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Captured messages: oslo v2 bodies, v1 envelopes or bare payloads, one JSON value per file.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("validate", "Check that captured messages decode through the contracts and re-encode without changing a value.") { files, eventType, definitions.RootNamespace, definitions.JsonContext };
        command.SetAction(result =>
        {
            var paths = result.GetValue(files)!;
            CapturedMessages.EnsureExist(paths);
            using var contracts = MessageContracts.Load(result, definitions);
            var messages = new CapturedMessages(contracts.Reader);
            var declared = messages.FindEventType(result.GetValue(eventType));
            var failed = 0;
            foreach (var path in paths)
            {
                if (messages.TryRead(CapturedMessages.Load(path), declared, out var message, out var failure))
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
