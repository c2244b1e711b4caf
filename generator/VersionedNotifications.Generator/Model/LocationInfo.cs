using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace VersionedNotifications.Generator.Model;

/// <summary>
/// A place in a definitions file, kept as plain data so that models stay equatable;
/// it becomes a Roslyn <see cref="Location"/> only when a diagnostic is reported.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan TextSpan, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, TextSpan, LineSpan);

    /// <summary>The start of a file, for problems that belong to the whole file.</summary>
    public static LocationInfo StartOf(string filePath) =>
        new(filePath, new TextSpan(0, 0), new LinePositionSpan(LinePosition.Zero, LinePosition.Zero));
}
