using VersionedNotifications.Generator.Diagnostics;

namespace VersionedNotifications.Tool;

/// <summary>
/// The severities a build would give our diagnostics, read as the compiler reads them: every <c>.editorconfig</c> from
/// a definitions file's folder up to the root (or to one that says <c>root = true</c>), and every <c>.globalconfig</c>
/// on that way, which the SDK hands the compiler too.
/// </summary>
internal static class EditorConfigSeverities
{
    public static SeverityConfiguration Load(IReadOnlyList<string> definitionFiles) =>
        SeverityConfiguration.From(Find(definitionFiles), definitionFiles);

    /// <summary>The configuration files a build hands the compiler for these definitions, each read once.</summary>
    public static IReadOnlyList<ConfigurationText> Find(IReadOnlyList<string> definitionFiles)
    {
        var configs = new Dictionary<string, ConfigurationText>(StringComparer.Ordinal);
        foreach (var path in definitionFiles)
        {
            AddConfigsAbove(path, configs);
        }

        return configs.Values.ToList();
    }

    /// <summary>Adds the configuration files above <paramref name="path"/> to <paramref name="configs"/>, reading each file once for all the definitions.</summary>
    private static void AddConfigsAbove(string path, Dictionary<string, ConfigurationText> configs)
    {
        var stopEditorConfigs = false;
        for (var folder = Path.GetDirectoryName(Path.GetFullPath(path)); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            foreach (var name in new[] { ".editorconfig", ".globalconfig" })
            {
                var file = Path.Combine(folder, name);
                if (name == ".editorconfig" && stopEditorConfigs)
                {
                    continue;
                }

                if (!configs.TryGetValue(file, out var config))
                {
                    if (!File.Exists(file))
                    {
                        continue;
                    }

                    config = new ConfigurationText(file, File.ReadAllText(file));
                    configs.Add(file, config);
                }

                stopEditorConfigs |= name == ".editorconfig" && IsRoot(config.Text);
            }
        }
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
