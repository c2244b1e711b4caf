using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Parsing;

/// <summary>Turns a YAML value (a default, an example) into the JSON it stands for.</summary>
internal static class LiteralReader
{
    private static readonly Regex IntegerPattern = new(@"^[-+]?(0|[1-9][0-9]*)$", RegexOptions.CultureInvariant);
    private static readonly Regex FloatPattern = new(@"^[-+]?(0|[1-9][0-9]*)?(\.[0-9]+)?([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

    public static LiteralValue Read(YamlTreeNode node)
    {
        var json = new StringBuilder();
        var kind = Write(node, json);
        return new LiteralValue(kind, json.ToString(), node is YamlTreeScalar scalar ? scalar.Value : string.Empty);
    }

    private static LiteralKind Write(YamlTreeNode node, StringBuilder json)
    {
        switch (node)
        {
            case YamlTreeMapping mapping:
                json.Append('{');
                for (var i = 0; i < mapping.Entries.Count; i++)
                {
                    if (i > 0)
                    {
                        json.Append(',');
                    }

                    AppendString(json, mapping.Entries[i].Key.Value);
                    json.Append(':');
                    Write(mapping.Entries[i].Value, json);
                }

                json.Append('}');
                return LiteralKind.Object;

            case YamlTreeSequence sequence:
                json.Append('[');
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        json.Append(',');
                    }

                    Write(sequence.Items[i], json);
                }

                json.Append(']');
                return LiteralKind.Array;

            case YamlTreeScalar scalar:
                return WriteScalar(scalar, json);

            default:
                json.Append("null");
                return LiteralKind.Null;
        }
    }

    private static LiteralKind WriteScalar(YamlTreeScalar scalar, StringBuilder json)
    {
        var text = scalar.Value;
        if (scalar.IsPlain)
        {
            if (scalar.IsNull)
            {
                json.Append("null");
                return LiteralKind.Null;
            }

            if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
            {
                json.Append(text.ToLowerInvariant());
                return LiteralKind.Boolean;
            }

            if (IntegerPattern.IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            {
                json.Append(integer.ToString(CultureInfo.InvariantCulture));
                return LiteralKind.Integer;
            }

            if (text.Length > 0 && FloatPattern.IsMatch(text) && char.IsDigit(text[text.Length - 1])
                && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && !double.IsInfinity(number))
            {
                json.Append(number.ToString("R", CultureInfo.InvariantCulture));
                return LiteralKind.Float;
            }
        }

        AppendString(json, text);
        return LiteralKind.String;
    }

    public static void AppendString(StringBuilder json, string value)
    {
        json.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        json.Append(c);
                    }

                    break;
            }
        }

        json.Append('"');
    }
}
