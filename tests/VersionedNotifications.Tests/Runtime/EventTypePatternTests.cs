namespace VersionedNotifications.Tests.Runtime;

/// <summary>Exact names, Glance-style groups and globs over event types and publisher ids.</summary>
public sealed class EventTypePatternTests
{
    [Theory]
    [InlineData("image.create", "image.create", true)]
    [InlineData("image.create", "image.create.extra", true)]
    [InlineData("image", "image.create", true)]
    [InlineData("image", "image", true)]
    [InlineData("image", "images.create", false)]
    [InlineData("image", "image_member.create", false)]
    [InlineData("baremetal.node", "baremetal.node.power_set.start", true)]
    [InlineData("baremetal.node", "baremetal.nodes", false)]
    [InlineData("baremetal.*.power_set.*", "baremetal.node.power_set.start", true)]
    [InlineData("baremetal.*.power_set.*", "baremetal.node.provision_set.start", false)]
    [InlineData("*.error", "baremetal.port.create.error", true)]
    [InlineData("*.error", "baremetal.port.create.end", false)]
    [InlineData("image.?pdate", "image.update", true)]
    [InlineData("ironic-conductor.*", "ironic-conductor.node-1", true)]
    [InlineData("ironic-conductor.*", "ironic-api.node-1", false)]
    [InlineData("*", "anything.at.all", true)]
    [InlineData("Image", "image.create", false)]
    public void Patterns_match_as_documented(string pattern, string name, bool matches) =>
        Assert.Equal(matches, EventTypePattern.Parse(pattern).Matches(name));

    [Theory]
    [InlineData("", "a pattern cannot be empty")]
    [InlineData("   ", "a pattern cannot be empty")]
    [InlineData("image create", "'image create' has white space")]
    public void Bad_patterns_say_why(string pattern, string reason)
    {
        Assert.False(EventTypePattern.TryParse(pattern, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void A_list_names_its_bad_pattern_by_index()
    {
        var error = Assert.Throws<ArgumentException>(() => EventTypePattern.ParseAll(["image", "x y"]));

        Assert.StartsWith("pattern 1: 'x y' has white space", error.Message);
    }
}
