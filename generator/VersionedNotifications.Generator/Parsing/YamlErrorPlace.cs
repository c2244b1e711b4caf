using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Parsing;

internal static class YamlErrorPlace
{
    public static (LocationInfo Location, string Reason)? Find(ParseContext context, string text, YamlTreeReader.YamlReadException error) => null;
}
