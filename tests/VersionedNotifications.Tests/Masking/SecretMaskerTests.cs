using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Tests.Masking;

/// <summary>
/// <see cref="SecretMasker"/> against oslo.utils itself: Fixtures/masking/oslo-mask-cases.json holds what oslo.utils
/// 6.0.1's <c>mask_password</c> and <c>mask_dict_password</c> return for a fixed corpus of inputs
/// (tests/fixtures/openstack/make_mask_cases.py made it), and every case must come out the same here, through the
/// writer and through the copy. The other tests pin the parts oslo has no say in: the API, the cheap path and
/// non-mutation.
/// </summary>
public sealed class SecretMaskerTests
{
    private static readonly string FixturePath = Path.Combine(AppContext.BaseDirectory, "Fixtures", "masking", "oslo-mask-cases.json");

    private static readonly Lazy<JsonObject> Fixture = new(() => JsonNode.Parse(File.ReadAllText(FixturePath))!.AsObject());

    private static IEnumerable<JsonObject> Cases => Fixture.Value["cases"]!.AsArray().Select(c => c!.AsObject());

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var oslo in Cases)
        {
            data.Add((string)oslo["name"]!);
        }

        return data;
    }

    [Fact]
    public void TheFixtureIsOslosAndLargeEnough()
    {
        Assert.Equal(SecretMasker.Mask, (string)Fixture.Value["mask"]!);
        Assert.Equal("6.0.1", (string)Fixture.Value["oslo.utils"]!);
        var names = Cases.Select(c => (string)c["name"]!).ToList();
        Assert.True(names.Count >= 60, $"only {names.Count} cases");
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(Cases, c => Assert.Contains((string)c["kind"]!, new[] { "dict", "string" }));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void MasksAsOsloDoes(string name)
    {
        var oslo = Cases.Single(c => (string)c["name"]! == name);
        var input = oslo["input"]!;
        var expected = oslo["expected"];
        var before = input.ToJsonString();

        if ((string)oslo["kind"]! == "string")
        {
            Assert.Equal((string)expected!, SecretMasker.MaskPassword((string)input!));
        }
        else
        {
            var copy = SecretMasker.MaskDictionary(input.AsObject());
            Assert.True(JsonNode.DeepEquals(expected, copy), $"copy: {copy.ToJsonString()}");
        }

        var written = JsonNode.Parse(Write(input));
        Assert.True(JsonNode.DeepEquals(expected, written), $"written: {written?.ToJsonString()}");
        Assert.Equal(before, input.ToJsonString());
    }

    [Theory]
    [InlineData("password", true)]
    [InlineData("ipmi_password", true)]
    [InlineData("IPMI_Password", true)]
    [InlineData("X-Auth-Token", true)]
    [InlineData("agent_secret_token_pregenerated", true)]
    [InlineData("configdrive", true)]
    [InlineData("passwordless", true)]
    [InlineData("ssh_private_key", true)]
    [InlineData("cephmonkey_x", true)]
    [InlineData("private_\u212Aey", true)]
    [InlineData("", false)]
    [InlineData("pass", false)]
    [InlineData("passwd", false)]
    [InlineData("api_key", false)]
    [InlineData("image_url", false)]
    [InlineData("adm\u0130npass", false)]
    [InlineData("\u017Fecret", false)]
    public void IsSecretKeyLooksForOslosKeysInTheLowerCasedKey(string key, bool secret) =>
        Assert.Equal(secret, SecretMasker.IsSecretKey(key));

    [Theory]
    [InlineData("")]
    [InlineData("nothing to see here")]
    [InlineData("Deploy step write_image FAILED on node 1be26c0b")]
    [InlineData("\u30d1\u30b9\u30ef\u30fc\u30c9=\u79d8\u5bc6")]
    public void TextWithoutAnyKeyComesBackAsTheSameInstance(string text) =>
        Assert.Same(text, SecretMasker.MaskPassword(text));

    [Theory]
    [InlineData("secret")]
    [InlineData("Password: hunter2")]
    [InlineData("the token expired")]
    public void TextWithAKeyButNothingToMaskComesBackUnchanged(string text) =>
        Assert.Equal(text, SecretMasker.MaskPassword(text));

    [Fact]
    public void TheMaskCanBeChosenAndIsInsertedLiterally()
    {
        Assert.Equal("password=??? baz", SecretMasker.MaskPassword("password=bar baz", "???"));
        Assert.Equal("password=$1\\g<1> baz", SecretMasker.MaskPassword("password=bar baz", "$1\\g<1>"));
        Assert.Equal("""{"password":"???","user":"x"}""", Write(JsonNode.Parse("""{"password":"p","user":"x"}"""), "???"));
    }

    [Fact]
    public void WriteMaskedKeepsTheOrderOfTheKeys()
    {
        var value = JsonNode.Parse("""{"z":"password=a b","token":1,"a":{"secret":[1],"n":null},"m":[{"password":"kept"}]}""");

        Assert.Equal("""{"z":"password=****** b","token":"******","a":{"secret":"******","n":null},"m":[{"password":"kept"}]}""", Write(value));
    }

    [Fact]
    public void WriteMaskedWritesValuesOutsideAnObjectAsTheyWouldBeUnderAPlainKey()
    {
        Assert.Equal("null", Write(null));
        Assert.Equal("\"password=****** baz\"", Write(JsonValue.Create("password=bar baz")));
        Assert.Equal("""["password=bar"]""", Write(JsonNode.Parse("""["password=bar"]""")));
        Assert.Equal("42", Write(JsonValue.Create(42)));
    }

    [Fact]
    public void ValuesWrappingDotNetObjectsAreMaskedAsWhatTheyAreWrittenAs()
    {
        var secrets = new JsonObject
        {
            ["driver"] = JsonValue.Create(new Dictionary<string, string> { ["ipmi_password"] = "p", ["ipmi_username"] = "u" }),
            ["id"] = JsonValue.Create(Guid.Parse("1be26c0b-03f2-4d2e-ae87-c02d7f33c123")),
            ["token"] = JsonValue.Create(Guid.Parse("1be26c0b-03f2-4d2e-ae87-c02d7f33c123")),
        };
        var expected = """{"driver":{"ipmi_password":"******","ipmi_username":"u"},"id":"1be26c0b-03f2-4d2e-ae87-c02d7f33c123","token":"******"}""";

        Assert.Equal(expected, Write(secrets));
        Assert.Equal(expected, SecretMasker.MaskDictionary(secrets).ToJsonString());
    }

    [Fact]
    public void MaskDictionaryReturnsACopySharingNoNode()
    {
        var value = JsonNode.Parse("""{"info":{"user":"u","password":"p"},"steps":[{"step":"a"}],"note":"n"}""")!.AsObject();
        var before = value.ToJsonString();

        var copy = SecretMasker.MaskDictionary(value);
        copy["info"]!["user"] = "changed";
        copy["steps"]![0]!["step"] = "changed";
        copy["note"] = "changed";

        Assert.Equal(before, value.ToJsonString());
        Assert.Equal("p", (string)value["info"]!["password"]!);
    }

    [Fact]
    public void ArgumentsMustNotBeNull()
    {
        Assert.Throws<ArgumentNullException>(() => SecretMasker.IsSecretKey(null!));
        Assert.Throws<ArgumentNullException>(() => SecretMasker.MaskPassword(null!));
        Assert.Throws<ArgumentNullException>(() => SecretMasker.MaskPassword("password=x", null!));
        Assert.Throws<ArgumentNullException>(() => SecretMasker.MaskDictionary(null!));
        Assert.Throws<ArgumentNullException>(() => SecretMasker.WriteMasked(null!, null));
    }

    private static string Write(JsonNode? value, string mask = SecretMasker.Mask)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            SecretMasker.WriteMasked(writer, value, mask);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
