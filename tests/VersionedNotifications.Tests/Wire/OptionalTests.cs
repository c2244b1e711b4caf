using VersionedNotifications.Wire;

namespace VersionedNotifications.Tests.Wire;

/// <summary>Optional&lt;T&gt; keeps unset, null and a value apart; VersionMap finds the child version of a container version.</summary>
public sealed class OptionalTests
{
    [Fact]
    public void Unset_null_and_a_value_are_three_things()
    {
        Optional<string?> unset = default;
        Optional<string?> isNull = null;
        Optional<string?> value = "x";

        Assert.False(unset.IsSet);
        Assert.True(isNull.IsSet);
        Assert.Null(isNull.Value);
        Assert.Equal("x", value.Value);
        Assert.NotEqual(unset, isNull);
        Assert.NotEqual(isNull, value);
        Assert.Equal(Optional<string?>.Unset, unset);
        Assert.Equal("(unset)", unset.ToString());
        Assert.Equal("null", isNull.ToString());
        Assert.Throws<InvalidOperationException>(() => unset.Value);
        Assert.False(unset.TryGetValue(out _));
        Assert.Equal("fallback", unset.GetValueOrDefault("fallback"));
        Assert.True(value.TryGetValue(out var got) && got == "x");
    }

    [Fact]
    public void Equal_values_are_equal_and_hash_alike()
    {
        Optional<long> a = 5;
        Optional<long> b = 5;

        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a != default);
    }

    [Fact]
    public void A_version_map_gives_the_step_in_force()
    {
        var map = new VersionMap(("1.0", "1.0"), ("1.5", "1.3"), ("1.7", "1.4"));

        Assert.Equal(new PayloadVersion(1, 0), map.ChildAt(new PayloadVersion(1, 4)));
        Assert.Equal(new PayloadVersion(1, 3), map.ChildAt(new PayloadVersion(1, 5)));
        Assert.Equal(new PayloadVersion(1, 3), map.ChildAt(new PayloadVersion(1, 6)));
        Assert.Equal(new PayloadVersion(1, 4), map.ChildAt(new PayloadVersion(2, 0)));
        Assert.Null(new VersionMap(("1.2", "1.0")).ChildAt(new PayloadVersion(1, 1)));
        Assert.Throws<ArgumentException>(() => new VersionMap(("1.5", "1.0"), ("1.2", "1.1")));
    }
}
