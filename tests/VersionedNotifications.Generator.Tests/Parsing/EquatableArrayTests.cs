using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Tests.Parsing;

public sealed class EquatableArrayTests
{
    [Fact]
    public void Arrays_with_equal_elements_are_equal_with_equal_hash_codes()
    {
        var left = new EquatableArray<string>(["a", "b"]);
        var right = new[] { "a", "b" }.ToEquatableArray();

        Assert.True(left.Equals(right));
        Assert.True(left == right);
        Assert.False(left != right);
        Assert.True(left.Equals((object)right));
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
    }

    [Fact]
    public void Order_length_and_elements_matter()
    {
        var ab = new EquatableArray<string>(["a", "b"]);

        Assert.NotEqual(ab, new EquatableArray<string>(["b", "a"]));
        Assert.NotEqual(ab, new EquatableArray<string>(["a"]));
        Assert.NotEqual(ab, new EquatableArray<string>(["a", "b", "c"]));
        Assert.NotEqual(ab.GetHashCode(), new EquatableArray<string>(["b", "a"]).GetHashCode());
        Assert.False(ab.Equals("not an array"));
    }

    [Fact]
    public void Default_empty_and_new_empty_are_the_same()
    {
        EquatableArray<int> defaulted = default;

        Assert.Equal(EquatableArray<int>.Empty, defaulted);
        Assert.Equal(new EquatableArray<int>(Array.Empty<int>()), defaulted);
        Assert.Equal(EquatableArray<int>.Empty.GetHashCode(), defaulted.GetHashCode());
        Assert.True(defaulted.IsEmpty);
        Assert.Empty(defaulted);
    }

    [Fact]
    public void Null_elements_compare_and_hash()
    {
        var left = new EquatableArray<string?>([null, "a"]);
        var right = new EquatableArray<string?>([null, "a"]);

        Assert.Equal(left, right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
        Assert.NotEqual(left, new EquatableArray<string?>(["a", null]));
    }

    [Fact]
    public void Records_holding_arrays_compare_by_content()
    {
        var one = new EnumDefinition("Mode", Location(), "Mode", null, new EquatableArray<EnumMember>([new EnumMember("fast", "Fast", null, Location())]));
        var two = new EnumDefinition("Mode", Location(), "Mode", null, new EquatableArray<EnumMember>([new EnumMember("fast", "Fast", null, Location())]));

        Assert.Equal(one, two);
        Assert.Equal(one.GetHashCode(), two.GetHashCode());
        Assert.NotEqual(one, two with { Members = EquatableArray<EnumMember>.Empty });
    }

    [Fact]
    public void Enumerates_and_indexes_in_order()
    {
        var array = new EquatableArray<int>([3, 1, 2]);

        Assert.Equal([3, 1, 2], array);
        Assert.Equal(1, array[1]);
        Assert.Equal(3, array.Count);
        Assert.Throws<IndexOutOfRangeException>(() => array[3]);
    }

    private static LocationInfo Location() => LocationInfo.StartOf("/defs/a.yaml");
}
