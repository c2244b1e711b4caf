using VersionedNotifications.Generator.Model;
using VersionedNotifications.Generator.Parsing;

namespace VersionedNotifications.Generator.Tests.Parsing;

public sealed class TypeExpressionParserTests
{
    /// <summary>The parsed structure, spelled out: kinds, names, and '?' for nullable elements.</summary>
    private static string Shape(TypeReference type) => type.Kind switch
    {
        TypeKind.List or TypeKind.Dict => $"{type.Kind}[{Shape(type.Element!)}{(type.ElementNullable ? "?" : string.Empty)}]",
        TypeKind.Named => "Named:" + type.Name,
        _ => type.Element is null && type.Name is null && !type.ElementNullable ? type.Kind.ToString() : "unexpected " + type,
    };

    [Theory]
    [InlineData("string", "String")]
    [InlineData("integer", "Integer")]
    [InlineData("float", "Float")]
    [InlineData("boolean", "Boolean")]
    [InlineData("uuid", "Uuid")]
    [InlineData("datetime", "DateTime")]
    [InlineData("ip_address", "IpAddress")]
    [InlineData("mac_address", "MacAddress")]
    [InlineData("flexible_dict", "FlexibleDict")]
    [InlineData("enum", "InlineEnum")]
    [InlineData("PortPayload", "Named:PortPayload")]
    [InlineData("power_state", "Named:power_state")]
    [InlineData("  uuid  ", "Uuid")]
    [InlineData("list<string>", "List[String]")]
    [InlineData("list< string ? >", "List[String?]")]
    [InlineData("dict<integer?>", "Dict[Integer?]")]
    [InlineData("list<enum>", "List[InlineEnum]")]
    [InlineData("list<dict<PortPayload?>>", "List[Dict[Named:PortPayload?]]")]
    public void Parses_valid_expressions(string text, string shape)
    {
        var type = TypeExpressionParser.Parse(text, out var error);

        Assert.Null(error);
        Assert.NotNull(type);
        Assert.Equal(shape, Shape(type));
    }

    [Theory]
    [InlineData("", "expected a type name")]
    [InlineData("   ", "expected a type name")]
    [InlineData("list", "'list' needs an element type, as in list<string>")]
    [InlineData("dict", "'dict' needs an element type, as in dict<string>")]
    [InlineData("list<", "expected a type name")]
    [InlineData("list<>", "expected a type name at '>'")]
    [InlineData("list<string", "'list<' is not closed with '>'")]
    [InlineData("dict<string>>", "unexpected '>' after the type")]
    [InlineData("string<integer>", "only list and dict take an element type, not 'string'")]
    [InlineData("string?", "unexpected '?' after the type")]
    [InlineData("Node-Payload", "unexpected '-Payload' after the type")]
    [InlineData("two words", "unexpected 'words' after the type")]
    [InlineData("1st", "'1st' is not a type name")]
    [InlineData("list<<string>>", "expected a type name at '<string>>'")]
    [InlineData("list<string??>", "'list<' is not closed with '>'")]
    public void Rejects_invalid_expressions_saying_why(string text, string reason)
    {
        var type = TypeExpressionParser.Parse(text, out var error);

        Assert.Null(type);
        Assert.Equal(reason, error);
    }

    [Fact]
    public void Nesting_is_limited()
    {
        var eight = string.Concat(Enumerable.Repeat("list<", 8)) + "string" + new string('>', 8);
        var nine = string.Concat(Enumerable.Repeat("list<", 9)) + "string" + new string('>', 9);
        var deep = string.Concat(Enumerable.Repeat("list<", 10_000));

        Assert.NotNull(TypeExpressionParser.Parse(eight, out _));
        Assert.Null(TypeExpressionParser.Parse(nine, out var error));
        Assert.Equal("types nest at most 8 levels deep", error);
        Assert.Null(TypeExpressionParser.Parse(deep, out error));
        Assert.Equal("types nest at most 8 levels deep", error);
    }

    [Fact]
    public void To_string_writes_the_expression_back()
    {
        foreach (var text in new[] { "string", "enum", "PortPayload", "list<string>", "dict<integer?>", "list<dict<PortPayload?>>" })
        {
            Assert.Equal(text, TypeExpressionParser.Parse(text, out _)!.ToString());
        }
    }
}
