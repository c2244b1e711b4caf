using System.CommandLine;
using VersionedNotifications.Tool.Commands.Messages;
using VersionedNotifications.Tool.Contracts;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Tool.Commands;

/// <summary>
/// <c>vnotify normalize</c>: a captured message written again through the typed contracts (those compiled
/// from <c>--definitions</c>, or the built-in OpenStack ones), exactly the bytes the runtime's writer produces, followed by a newline. A message that <c>validate</c> would
/// fail is not written: its FAIL line goes to standard error.
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
        var command = new Command("normalize", "Print a captured message re-encoded through the typed contracts.") { file, format, targetVersion, mask, eventType, definitions.RootNamespace, definitions.JsonContext };
        command.SetAction(result =>
        {
            var path = result.GetValue(file)!;
            var bytes = CapturedMessages.Load(path);
            using var contracts = MessageContracts.Load(result, definitions);
            var messages = new CapturedMessages(contracts.Reader);
            var declared = messages.FindEventType(result.GetValue(eventType));
            if (!messages.TryRead(bytes, declared, out var message, out var failure))
            {
                Console.Error.WriteLine(failure.ToLine(path));
                return 1;
            }

            var options = new PayloadWriteOptions
            {
                MaskSecrets = result.GetValue(mask),
                TargetVersion = result.GetValue(targetVersion),
                WriteChanges = message.FaithfulOptions.WriteChanges,
            };
            var written = message.Write(options, result.GetValue(format) switch
            {
                "v1" => MessageFormat.MessagingV1,
                "v2" => MessageFormat.MessagingV2,
                _ => null,
            });
            using var output = Console.OpenStandardOutput();
            output.Write(written);
            output.WriteByte((byte)'\n');
            return 0;
        });
        return command;
    }
}
