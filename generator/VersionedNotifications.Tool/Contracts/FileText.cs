using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace VersionedNotifications.Tool.Contracts;

/// <summary>A file read from disk, handed to the generator as a build hands it an AdditionalFile.</summary>
internal sealed class FileText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
