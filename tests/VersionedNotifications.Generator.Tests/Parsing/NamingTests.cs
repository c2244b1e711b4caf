using VersionedNotifications.Generator.Parsing;

namespace VersionedNotifications.Generator.Tests.Parsing;

public sealed class NamingTests
{
    [Theory]
    [InlineData("power_set", "PowerSet")]
    [InlineData("power on", "PowerOn")]
    [InlineData("NodePayload", "NodePayload")]
    [InlineData("deploy failed", "DeployFailed")]
    [InlineData("power-set", "PowerSet")]
    [InlineData("a--b", "AB")]
    [InlineData("_private", "Private")]
    [InlineData("ipv6_address", "Ipv6Address")]
    [InlineData("1st_try", "1stTry")]
    [InlineData("None", "None")]
    [InlineData("élan_vital", "ÉlanVital")]
    [InlineData("baremetal.node", "BaremetalNode")]
    [InlineData("*", "")]
    [InlineData("", "")]
    public void To_pascal_case_raises_the_first_letter_of_each_word(string name, string expected)
    {
        Assert.Equal(expected, Naming.ToPascalCase(name));
    }

    [Theory]
    [InlineData("\U0001D49C_obj", "\U0001D49CObj")]
    [InlineData("obj_\U0001D49C", "Obj\U0001D49C")]
    [InlineData("\U00010428_x", "\U00010400X")]
    [InlineData("a_\U0001D7D8", "A\U0001D7D8")]
    public void To_pascal_case_keeps_letters_and_digits_outside_the_basic_plane(string name, string expected)
    {
        // A surrogate pair is one letter: kept whole (and raised, for the Deseret 𐐨), never dropped.
        Assert.Equal(expected, Naming.ToPascalCase(name));
    }

    [Theory]
    [InlineData("Node", true)]
    [InlineData("_node", true)]
    [InlineData("Node2", true)]
    [InlineData("Élan", true)]
    [InlineData("var", true)]
    [InlineData("", false)]
    [InlineData("1stTry", false)]
    [InlineData("class", false)]
    [InlineData("string", false)]
    [InlineData("@class", false)]
    [InlineData("my-object", false)]
    [InlineData("two words", false)]
    [InlineData("Node.Payload", false)]
    public void Is_valid_identifier_accepts_names_that_need_no_escaping(string name, bool expected)
    {
        Assert.Equal(expected, Naming.IsValidIdentifier(name));
    }

    [Theory]
    [InlineData("Contracts.Ironic", true)]
    [InlineData("Ironic", true)]
    [InlineData("Contracts..Ironic", false)]
    [InlineData("Contracts.1x", false)]
    [InlineData("Contracts.class", false)]
    [InlineData(".Contracts", false)]
    public void Is_valid_namespace_checks_every_dotted_part(string name, bool expected)
    {
        Assert.Equal(expected, Naming.IsValidNamespace(name));
    }
}
