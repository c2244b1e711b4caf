using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Tests.Parsing;

public sealed class ObjectVersionTests
{
    [Theory]
    [InlineData("1.0", 1, 0)]
    [InlineData("1.16", 1, 16)]
    [InlineData("0.0", 0, 0)]
    [InlineData("10.9", 10, 9)]
    [InlineData("123456789.987654321", 123456789, 987654321)]
    public void Parses_major_dot_minor(string text, int major, int minor)
    {
        Assert.True(ObjectVersion.TryParse(text, out var version));
        Assert.Equal(new ObjectVersion(major, minor), version);
        Assert.Equal(text, version.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("1.")]
    [InlineData(".1")]
    [InlineData("1.2.3")]
    [InlineData("01.1")]
    [InlineData("1.01")]
    [InlineData("1.00")]
    [InlineData("-1.0")]
    [InlineData("+1.0")]
    [InlineData("1.0 ")]
    [InlineData(" 1.0")]
    [InlineData("a.b")]
    [InlineData("1,0")]
    [InlineData("1234567890.0")]
    [InlineData("1.٣")]
    public void Rejects_anything_else_including_leading_zeros(string? text)
    {
        Assert.False(ObjectVersion.TryParse(text, out var version));
        Assert.Equal(default, version);
    }

    [Fact]
    public void Orders_numerically_not_as_text()
    {
        var v19 = new ObjectVersion(1, 9);
        var v110 = new ObjectVersion(1, 10);
        var v20 = new ObjectVersion(2, 0);

        Assert.True(v110 > v19);
        Assert.True(v19 < v110);
        Assert.True(v20 > v110);
        Assert.True(v19 <= new ObjectVersion(1, 9));
        Assert.True(v19 >= new ObjectVersion(1, 9));
        Assert.Equal(0, v19.CompareTo(new ObjectVersion(1, 9)));
        Assert.Equal(
            ["1.0", "1.2", "1.9", "1.10", "1.16", "2.0"],
            new[] { "1.16", "2.0", "1.9", "1.0", "1.10", "1.2" }
                .Select(t => { Assert.True(ObjectVersion.TryParse(t, out var v)); return v; })
                .Order()
                .Select(v => v.ToString()));
    }
}
