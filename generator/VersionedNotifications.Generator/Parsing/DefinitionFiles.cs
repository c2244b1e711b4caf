using System;
using System.IO;

namespace VersionedNotifications.Generator.Parsing;

/// <summary>Which AdditionalFiles hold definitions, and which one is the shipped manifest.</summary>
internal static class DefinitionFiles
{
    public static bool IsDefinition(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    public static bool IsShippedManifest(string path) =>
        string.Equals(Path.GetFileName(path), Compatibility.ShippedManifest.FileName, StringComparison.OrdinalIgnoreCase);
}
