using VersionedNotifications.Generator.Diagnostics;

namespace VersionedNotifications.Tool;

/// <summary>
/// The severities a build would give our diagnostics, read as the compiler reads them: every <c>.editorconfig</c> from
/// a definitions file's folder up to the root (or to one that says <c>root = true</c>), and every <c>.globalconfig</c>
/// on that way, which the SDK hands the compiler too.
/// </summary>
internal static class EditorConfigSeverities
{
    public static SeverityConfiguration Load(IReadOnlyList<string> definitionFiles)
    {
        var configs = new Dictionary<string, ConfigurationText>(StringComparer.Ordinal);
        foreach (var path in definitionFiles)
        {
            foreach (var config in ConfigsAbove(path))
            {
                configs.TryAdd(config.Path, config);
            }
        }

        return SeverityConfiguration.From(configs.Values, definitionFiles);
    }

    private static List<ConfigurationText> ConfigsAbove(string path)
    {
        var configs = new List<ConfigurationText>();
        var stopEditorConfigs = false;
        for (var folder = Path.GetDirectoryName(Path.GetFullPath(path)); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            foreach (var name in new[] { ".editorconfig", ".globalconfig" })
            {
                var file = Path.Combine(folder, name);
                if (!File.Exists(file) || (name == ".editorconfig" && stopEditorConfigs))
                {
                    continue;
                }

                var text = File.ReadAllText(file);
                configs.Add(new ConfigurationText(file, text));
                stopEditorConfigs |= name == ".editorconfig" && IsRoot(text);
            }
        }

        return configs;
    }

    /// <summary>Whether an .editorconfig says <c>root = true</c> before its first section, so that none above it counts.</summary>
    private static bool IsRoot(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('['))
            {
                return false;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && line[..equals].Trim().Equals("root", StringComparison.OrdinalIgnoreCase))
            {
                return line[(equals + 1)..].Trim().Equals("true", StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
    }
}
