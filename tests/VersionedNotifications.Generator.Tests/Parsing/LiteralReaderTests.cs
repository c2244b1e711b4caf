using VersionedNotifications.Generator.Model;
using VersionedNotifications.Generator.Parsing;

namespace VersionedNotifications.Generator.Tests.Parsing;

/// <summary><see cref="LiteralReader"/>: a YAML value (a default, an example) to the JSON it stands for.</summary>
public sealed class LiteralReaderTests
{
    /// <summary>Reads the value of <c>value: ...</c> as the parser reads a default.</summary>
    private static LiteralValue Read(string yamlValue)
    {
        var root = Assert.IsType<YamlTreeMapping>(YamlTreeReader.Read("value: " + yamlValue));
        return LiteralReader.Read(Assert.Single(root.Entries).Value);
    }

    [Theory]
    [InlineData("", "null")]
    [InlineData("~", "null")]
    [InlineData("null", "null")]
    [InlineData("Null", "null")]
    [InlineData("NULL", "null")]
    public void Unquoted_nulls_are_null(string yaml, string json)
    {
        Assert.Equal(new LiteralValue(LiteralKind.Null, json, yaml), Read(yaml));
    }

    [Theory]
    [InlineData("true", "true")]
    [InlineData("True", "true")]
    [InlineData("TRUE", "true")]
    [InlineData("false", "false")]
    [InlineData("False", "false")]
    [InlineData("FALSE", "false")]
    public void Unquoted_booleans_are_booleans(string yaml, string json)
    {
        Assert.Equal(new LiteralValue(LiteralKind.Boolean, json, yaml), Read(yaml));
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("42", "42")]
    [InlineData("-7", "-7")]
    [InlineData("+5", "5")]
    [InlineData("-0", "0")]
    [InlineData("9223372036854775807", "9223372036854775807")]
    [InlineData("-9223372036854775808", "-9223372036854775808")]
    public void Unquoted_integers_are_integers(string yaml, string json)
    {
        Assert.Equal(new LiteralValue(LiteralKind.Integer, json, yaml), Read(yaml));
    }

    [Theory]
    [InlineData("0.5", "0.5")]
    [InlineData("-1.25", "-1.25")]
    [InlineData(".5", "0.5")]
    [InlineData("1e3", "1000")]
    [InlineData("1.5E-3", "0.0015")]
    [InlineData("9223372036854775808", "9.223372036854776E+18")]
    public void Unquoted_floats_are_floats(string yaml, string json)
    {
        Assert.Equal(new LiteralValue(LiteralKind.Float, json, yaml), Read(yaml));
    }

    [Theory]
    [InlineData("\"42\"", "42")]
    [InlineData("'1.5'", "1.5")]
    [InlineData("\"true\"", "true")]
    [InlineData("'null'", "null")]
    [InlineData("\"\"", "")]
    [InlineData("007", "007")]
    [InlineData("1e999", "1e999")]
    [InlineData("yes", "yes")]
    [InlineData("1.", "1.")]
    [InlineData("0x1F", "0x1F")]
    [InlineData(".inf", ".inf")]
    [InlineData("power on", "power on")]
    public void Quoted_values_and_other_text_stay_strings(string yaml, string text)
    {
        var literal = Read(yaml);

        Assert.Equal(LiteralKind.String, literal.Kind);
        Assert.Equal(text, literal.Text);
        Assert.Equal("\"" + text + "\"", literal.Json);
    }

    [Fact]
    public void Strings_are_escaped_for_JSON()
    {
        var literal = Read("\"quote \\\" backslash \\\\ newline \\n tab \\t cr \\r bell \\a\"");

        Assert.Equal("\"quote \\\" backslash \\\\ newline \\n tab \\t cr \\r bell \\u0007\"", literal.Json);
        Assert.Equal("quote \" backslash \\ newline \n tab \t cr \r bell \a", literal.Text);
    }

    [Fact]
    public void Lists_and_mappings_become_arrays_and_objects_in_order()
    {
        Assert.Equal(new LiteralValue(LiteralKind.Array, "[]", string.Empty), Read("[]"));
        Assert.Equal(new LiteralValue(LiteralKind.Object, "{}", string.Empty), Read("{}"));
        Assert.Equal("[1,\"a\",null,true,[2.5]]", Read("[1, \"a\", ~, true, [2.5]]").Json);
        Assert.Equal("{\"z\":1,\"a\":{\"b\":\"1\"}}", Read("{z: 1, a: {b: '1'}}").Json);
        Assert.True(Read("[]").IsEmptyCollection);
        Assert.True(Read("{}").IsEmptyCollection);
        Assert.False(Read("[1]").IsEmptyCollection);
    }
}
