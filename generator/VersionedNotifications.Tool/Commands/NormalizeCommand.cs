using System.CommandLine;
using VersionedNotifications.Tool.Commands.Messages;
using VersionedNotifications.Tool.Contracts;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Tool.Commands;

/// <summary>
/// <c>vnotify normalize</c>: a captured message written again through the typed contracts (those compiled
/// from <c>--definitions</c>, or the built-in OpenStack ones), exactly the bytes the runtime's writer produces, followed by a newline. A message that <c>validate</c> would
/// fail is not written: its FAIL line goes to standard error. With <c>--lines</c> the file holds one message per line
/// (a capture, or the wire bodies of a fixture set), and each is written on its line.
/// </summary>
internal static class NormalizeCommand
{
    public static Command Create(Option<string?> eventType, DefinitionsOptions definitions)
    {
        var file = new Argument<string>("FILE") { Description = "A captured message: an oslo v2 body, a v1 envelope or a bare payload." };
        var format = new Option<string?>("--format") { Description = "Write a notification as a v1 envelope or a v2 body; by default in the form it came in." };
        format.AcceptOnlyFromAmong("v1", "v2");
        var targetVersion = new Option<string?>("--target-version") { Description = "Backport the payload to this older minor version (X.Y) of its object." };
        var mask = new Option<bool>("--mask") { Description = "Mask secrets as ironic does; by default values are written as captured, which ironic masked already." };
        var lines = new Option<bool>("--lines") { Description = "FILE holds one message per line; each is written on its own line, and a FAIL line names the line number." };
        var command = new Command("normalize", "Print a captured message re-encoded through the typed contracts.") { file, format, targetVersion, mask, lines, eventType, definitions.RootNamespace, definitions.JsonContext };
        command.SetAction(result =>
        {
            var path = result.GetValue(file)!;
            var bytes = CapturedMessages.Load(path);
            using var contracts = MessageContracts.Load(result, definitions);
            var messages = new CapturedMessages(contracts.Reader);
            var declared = messages.FindEventType(result.GetValue(eventType));
            var options = new PayloadWriteOptions
            {
                MaskSecrets = result.GetValue(mask),
                TargetVersion = result.GetValue(targetVersion),
            };
            MessageFormat? form = result.GetValue(format) switch
            {
                "v1" => MessageFormat.MessagingV1,
                "v2" => MessageFormat.MessagingV2,
                _ => null,
            };

            using var output = Console.OpenStandardOutput();
            if (!result.GetValue(lines))
            {
                return Normalize(messages, bytes, declared, options, form, path, output) ? 0 : 1;
            }

            var failed = 0;
            var number = 0;
            foreach (var line in SplitLines(bytes))
            {
                number++;
                if (line.Length > 0 && !Normalize(messages, line, declared, options, form, $"{path}:{number}", output))
                {
                    failed++;
                }
            }

            return failed == 0 ? 0 : 1;
        });
        return command;
    }

    private static bool Normalize(CapturedMessages messages, ReadOnlyMemory<byte> bytes, EventTypeInfo? declared, PayloadWriteOptions options, MessageFormat? form, string place, Stream output)
    {
        if (!messages.TryRead(bytes, declared, out var message, out var failure))
        {
            Console.Error.WriteLine(failure.ToLine(place));
            return false;
        }

        output.Write(message.Write(options, form));
        output.WriteByte((byte)'\n');
        return true;
    }

    private static IEnumerable<ReadOnlyMemory<byte>> SplitLines(byte[] bytes)
    {
        var start = 0;
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0)
            {
                end = bytes.Length;
            }

            yield return bytes.AsMemory(start, end - start);
            start = end + 1;
        }
    }
}
