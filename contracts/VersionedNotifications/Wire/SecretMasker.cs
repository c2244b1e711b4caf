using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace VersionedNotifications.Wire;

/// <summary>
/// Masks secrets in text and in JSON objects exactly as oslo.utils 6.0.1 does (<c>strutils.mask_password</c> and
/// <c>strutils.mask_dict_password</c>), which is what ironic applies to the <c>driver_info</c>, <c>instance_info</c>
/// and <c>driver_internal_info</c> of its node payloads.
/// </summary>
/// <remarks>
/// <para>
/// The rules are oslo's, including the ones that surprise: a secret-looking key whose value is an object keeps the
/// object and has it masked inside; arrays under other keys are written as they are, with whatever secrets they hold;
/// oslo's greedy quoted-pair pattern may cut text after a masked value (<c>{"password": "a", "user": "b"}</c> becomes
/// <c>{"password": "******", "user": "}</c>). tests/fixtures/openstack/make_mask_cases.py records what oslo returns
/// for a corpus of inputs, and the tests hold this class to it.
/// </para>
/// <para>
/// Python's regular expressions are reproduced without <see cref="RegexOptions.IgnoreCase"/>, whose case table
/// differs from Python's: each letter is spelled out with the characters Python's case-insensitive matching accepts
/// for it (<c>i</c> also matches <c>İ</c> and <c>ı</c>, <c>k</c> the Kelvin sign, <c>s</c> the long s), and
/// <c>\s</c> is Python's whitespace, which includes U+001C to U+001F.
/// </para>
/// <para>
/// Unlike oslo, the mask is inserted literally; oslo reads backslashes in it as escapes of a replacement template.
/// </para>
/// </remarks>
public static class SecretMasker
{
    /// <summary>The mask ironic puts in place of a secret.</summary>
    public const string Mask = "******";

    /// <summary>
    /// oslo's <c>_SANITIZE_KEYS</c>, in oslo's order: a text is masked key by key in this order, and a key is looked
    /// for only in what the keys before it left of the text.
    /// </summary>
    private static readonly string[] SecretKeys =
    [
        "adminpass", "admin_pass", "password", "admin_password", "auth_token", "new_pass", "auth_password",
        "secret_uuid", "secret", "sys_pswd", "token", "configdrive", "chappassword", "encrypted_key", "private_key",
        "fernetkey", "sslkey", "passphrase", "cephclusterfsid", "octaviaheartbeatkey", "rabbitcookie",
        "cephmanilaclientkey", "pacemakerremoteauthkey", "designaterndckey", "cephadminkey", "heatauthencryptionkey",
        "cephclientkey", "keystonecredential", "barbicansimplecryptokek", "cephrgwkey", "swifthashsuffix",
        "migrationsshkey", "cephmdskey", "cephmonkey",
    ];

    /// <summary>Finds the keys in a text in one pass, which is all an ordinary text costs.</summary>
    private static readonly KeyScanner Scanner = new(SecretKeys);

    /// <summary>Python's <c>\s</c> (<c>str.isspace()</c>), as the inside of a character class.</summary>
    private const string PythonWhitespace = @"\t-\r\x1C-\x20\x85\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000";

    /// <summary>
    /// oslo's patterns in oslo's order, each with the part of the match that survives. Placeholders: <c>{key}</c>
    /// the secret key, <c>{s}</c> and <c>{S}</c> Python's <c>\s</c> and <c>\S</c>, <c>{ws}</c> the whitespace
    /// characters inside a class, <c>{A-z}</c> and <c>{u}</c> what Python's <c>[A-z]</c> and <c>u</c> match
    /// ignoring case.
    /// </summary>
    private static readonly (string Template, Keep Keep)[] Templates =
    [
        ("""({key}[0-9]*{s}*={s}*["'])[^"']*(["'])""", Keep.Around),
        ("""({key}[0-9]*{s}*={s}*")[^"]*(")""", Keep.Around),
        ("""({key}[0-9]*{s}*={s}*')[^']*(')""", Keep.Around),
        ("""({key}[0-9]*{s}+["'])[^"']*(["'])""", Keep.Around),
        ("""(--{key}[0-9]*{s}+)[^'"=^{ws}]+({s}*)""", Keep.Around),
        ("""(<{key}[0-9]*>)[^<]*(</{key}[0-9]*>)""", Keep.Around),
        ("""(["']{key}[0-9]*["']{s}*:{s}*["'])[^"']*(["'])""", Keep.Around),
        ("""(['"][^"']*{key}[0-9]*['"]{s}*:{s}*{u}?['"])[^"']*(['"])""", Keep.Around),
        ("""(['"][^'"]*{key}[0-9]*['"]{s}*,{s}*'--?{A-z}+'{s}*,{s}*{u}?['"])[^"']*(['"])""", Keep.Around),
        ("""({key}[0-9]*{s}*--?{A-z}+{s}*){S}+({s}*)""", Keep.Around),
        ("""({key}[0-9]*{s}*={s}*)[^{ws}^'"]+""", Keep.Before),
        ("""(['"][^"']*{key}[0-9]*['"]{s}*:{s}*{u}?['"].*['"])[^"']*(['"])""", Keep.PrefixOnly),
    ];

    /// <summary>
    /// Long enough for any realistic text (oslo's patterns backtrack little), short enough not to stall a notifier.
    /// </summary>
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The patterns of each key, built the first time a text contains the key.</summary>
    private static readonly Lazy<MaskingRule[]>[] RulesByKey =
        Array.ConvertAll(SecretKeys, key => new Lazy<MaskingRule[]>(() => BuildRules(key)));

    /// <summary>
    /// Whether a dictionary key names a secret: its lower-cased form contains one of oslo's sanitize keys
    /// (<c>password</c>, <c>token</c>, <c>secret</c>, <c>configdrive</c>, <c>private_key</c>, ...), so
    /// <c>ipmi_password</c>, <c>X-Auth-Token</c> and <c>passwordless</c> do and <c>api_key</c> does not.
    /// </summary>
    /// <param name="key">The key, as it appears in the object.</param>
    /// <returns><see langword="true"/> when <c>mask_dict_password</c> would mask the value under this key.</returns>
    public static bool IsSecretKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Scanner.KeysIn(key) != 0;
    }

    /// <summary>
    /// Masks the secrets written inside a text, as oslo's <c>mask_password</c> does: <c>password=bar baz</c> becomes
    /// <c>password=****** baz</c>, and likewise quoted values, <c>--password foo</c>, <c>&lt;password&gt;x&lt;/password&gt;</c>,
    /// <c>"token": "x"</c> and the other forms oslo knows, for every key of its list, ignoring case.
    /// </summary>
    /// <param name="text">The text to mask.</param>
    /// <param name="mask">What replaces each secret.</param>
    /// <returns>
    /// The masked text; <paramref name="text"/> itself when it contains none of the keys, which is the cheap common
    /// case. When a pattern runs longer than one second on the text, the whole text is replaced by
    /// <paramref name="mask"/>: better a lost line than a leaked secret.
    /// </returns>
    public static string MaskPassword(string text, string mask = Mask)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(mask);
        var present = Scanner.KeysIn(text);
        if (present == 0)
        {
            return text;
        }

        var masked = text;
        try
        {
            for (var k = 0; k < SecretKeys.Length; k++)
            {
                if ((present & (1UL << k)) == 0)
                {
                    continue;
                }

                var before = masked;
                foreach (var rule in RulesByKey[k].Value)
                {
                    masked = rule.Apply(masked, mask);
                }

                if (!ReferenceEquals(before, masked))
                {
                    present = Scanner.KeysIn(masked);
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return mask;
        }

        return masked;
    }

    /// <summary>
    /// Writes a masked copy of a JSON value, as oslo's <c>mask_dict_password</c> masks a dictionary: under a key
    /// <see cref="IsSecretKey">that names a secret</see> any value but an object becomes <paramref name="mask"/>
    /// (numbers, booleans, null and arrays included); objects are masked the same way recursively, whatever their
    /// key; other strings go through <see cref="MaskPassword"/>; everything else, arrays included, is written as it
    /// is. <paramref name="value"/> is not modified.
    /// </summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="value">
    /// The value; an object is masked as described, a string as the value of a key that names no secret, and
    /// <see langword="null"/> is written as JSON null. A <see cref="JsonValue"/> wrapping a .NET object is masked by
    /// what it is written as (a dictionary as an object, a <see cref="Guid"/> as a string).
    /// </param>
    /// <param name="mask">What replaces each secret.</param>
    public static void WriteMasked(Utf8JsonWriter writer, JsonNode? value, string mask = Mask)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(mask);
        WriteMember(writer, underSecretKey: false, value, mask);
    }

    /// <summary>
    /// Returns a masked deep copy of a JSON object, with the rules of <see cref="WriteMasked"/>;
    /// <paramref name="value"/> is not modified.
    /// </summary>
    /// <param name="value">The object to mask.</param>
    /// <param name="mask">What replaces each secret.</param>
    /// <returns>A new object that shares no node with <paramref name="value"/>.</returns>
    public static JsonObject MaskDictionary(JsonObject value, string mask = Mask)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(mask);
        return CopyObject(value, mask);
    }

    /// <summary>
    /// Writes one member of a dictionary masked as <c>mask_dict_password</c> masks it: the value under a
    /// <paramref name="name"/> that <see cref="IsSecretKey">names a secret</see> becomes <see cref="Mask"/> unless
    /// it is an object, objects are masked inside, other strings go through <see cref="MaskPassword"/>.
    /// </summary>
    internal static void WriteMaskedMember(Utf8JsonWriter writer, string name, JsonElement value)
    {
        writer.WritePropertyName(name);
        JsonNode? node = value.ValueKind switch
        {
            JsonValueKind.Object => JsonObject.Create(value),
            JsonValueKind.Array => JsonArray.Create(value),
            JsonValueKind.Null => null,
            _ => JsonValue.Create(value),
        };
        WriteMember(writer, IsSecretKey(name), node, Mask);
    }

    private static void WriteMember(Utf8JsonWriter writer, bool underSecretKey, JsonNode? value, string mask)
    {
        value = AsWritten(value);
        switch (TreatmentOf(underSecretKey, value, out var text))
        {
            case Treatment.MaskInside:
                writer.WriteStartObject();
                foreach (var (name, member) in (JsonObject)value!)
                {
                    writer.WritePropertyName(name);
                    WriteMember(writer, IsSecretKey(name), member, mask);
                }

                writer.WriteEndObject();
                break;
            case Treatment.Replace:
                writer.WriteStringValue(mask);
                break;
            case Treatment.MaskText:
                WireValue.WriteText(writer, MaskPassword(text!, mask));
                break;
            default:
                WireValue.WriteNode(writer, value);
                break;
        }
    }

    private static JsonObject CopyObject(JsonObject value, string mask)
    {
        var copy = new JsonObject(value.Options);
        foreach (var (name, member) in value)
        {
            copy.Add(name, CopyMember(IsSecretKey(name), member, mask));
        }

        return copy;
    }

    private static JsonNode? CopyMember(bool underSecretKey, JsonNode? value, string mask)
    {
        value = AsWritten(value);
        return TreatmentOf(underSecretKey, value, out var text) switch
        {
            Treatment.MaskInside => CopyObject((JsonObject)value!, mask),
            Treatment.Replace => JsonValue.Create(mask),
            Treatment.MaskText => JsonValue.Create(MaskPassword(text!, mask)),
            _ => value?.DeepClone(),
        };
    }

    /// <summary>The one place that decides what happens to a value, for both the writer and the copy.</summary>
    private static Treatment TreatmentOf(bool underSecretKey, JsonNode? value, out string? text)
    {
        text = null;
        if (value is JsonObject)
        {
            return Treatment.MaskInside;
        }

        if (underSecretKey)
        {
            return Treatment.Replace;
        }

        return value is JsonValue scalar && scalar.TryGetValue(out text) ? Treatment.MaskText : Treatment.Keep;
    }

    /// <summary>
    /// A <see cref="JsonValue"/> can wrap a .NET object that is written as a JSON object (a dictionary) or string
    /// (a <see cref="Guid"/>, an enum); reading it back as JSON lets it be masked by what goes on the wire rather
    /// than leak past the rules because of the type that holds it.
    /// </summary>
    private static JsonNode? AsWritten(JsonNode? value)
    {
        if (value is not JsonValue wrapped || wrapped.TryGetValue<string>(out _))
        {
            return value;
        }

        return wrapped.GetValueKind() is JsonValueKind.Object or JsonValueKind.String
            ? JsonNode.Parse(wrapped.ToJsonString())
            : value;
    }

    private static MaskingRule[] BuildRules(string key)
    {
        var keyPattern = new StringBuilder();
        foreach (var c in key)
        {
            keyPattern.Append(c is >= 'a' and <= 'z' ? "[" + c + char.ToUpperInvariant(c) + PythonCaseVariants(c) + "]" : c.ToString());
        }

        var rules = new MaskingRule[Templates.Length];
        for (var i = 0; i < Templates.Length; i++)
        {
            var pattern = Templates[i].Template
                .Replace("{key}", keyPattern.ToString(), StringComparison.Ordinal)
                .Replace("{s}", "[" + PythonWhitespace + "]", StringComparison.Ordinal)
                .Replace("{S}", "[^" + PythonWhitespace + "]", StringComparison.Ordinal)
                .Replace("{ws}", PythonWhitespace, StringComparison.Ordinal)
                .Replace("{A-z}", @"[A-z\u0130\u0131\u017F\u212A]", StringComparison.Ordinal)
                .Replace("{u}", "[uU]", StringComparison.Ordinal);
            var regex = new Regex(pattern, RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout);
            rules[i] = new MaskingRule(regex, Templates[i].Keep);
        }

        return rules;
    }

    /// <summary>The characters beyond the ASCII pair that Python's case-insensitive matching accepts for a letter.</summary>
    private static string PythonCaseVariants(char letter) => letter switch
    {
        'i' => "\u0130\u0131",
        'k' => "\u212A",
        's' => "\u017F",
        _ => "",
    };

    private enum Treatment
    {
        MaskInside,
        Replace,
        MaskText,
        Keep,
    }

    /// <summary>Which groups of a match survive around the mask.</summary>
    private enum Keep
    {
        /// <summary>Group 1, the mask, group 2.</summary>
        Around,

        /// <summary>Group 1, the mask.</summary>
        Before,

        /// <summary>Group 1 alone: oslo's last pattern drops the rest of the match.</summary>
        PrefixOnly,
    }

    /// <summary>
    /// Which keys occur in Python's <c>text.lower()</c>, for all keys at once: an Aho-Corasick automaton over the
    /// letters and <c>_</c> of the keys, fed each character as Python lowers it. Lowering to ASCII is all that can
    /// make a key appear, and only A to Z, the Kelvin sign (to <c>k</c>) and the capital I with dot above (to
    /// <c>i</c> and a combining dot) lower to ASCII; every other character breaks any key.
    /// </summary>
    private sealed class KeyScanner
    {
        private const int Underscore = 26;
        private const int Breaks = 27;
        private const int Symbols = 28;

        /// <summary>The symbol of each ASCII character: its lower-case letter, <c>_</c>, or a break.</summary>
        private static readonly byte[] AsciiSymbols = BuildAsciiSymbols();

        /// <summary>The next state for each state and symbol (<c>state * Symbols + symbol</c>); state 0 is the start.</summary>
        private readonly int[] _next;

        /// <summary>The keys, as bits in key order, that end when the automaton reaches each state.</summary>
        private readonly ulong[] _ends;

        public KeyScanner(string[] keys)
        {
            if (keys.Length > 64)
            {
                throw new ArgumentException("At most 64 keys fit in the result.", nameof(keys));
            }

            var next = new List<int>();
            var ends = new List<ulong>();
            AddState(next, ends);
            for (var k = 0; k < keys.Length; k++)
            {
                var state = 0;
                foreach (var c in keys[k])
                {
                    var slot = state * Symbols + Symbol(c);
                    if (next[slot] < 0)
                    {
                        next[slot] = AddState(next, ends);
                    }

                    state = next[slot];
                }

                ends[state] |= 1UL << k;
            }

            // Breadth first, so a state's fallback (its longest proper suffix that is a state) is complete before it.
            var fallback = new int[ends.Count];
            var queue = new Queue<int>();
            for (var symbol = 0; symbol < Symbols; symbol++)
            {
                if (next[symbol] < 0)
                {
                    next[symbol] = 0;
                }
                else
                {
                    queue.Enqueue(next[symbol]);
                }
            }

            while (queue.Count > 0)
            {
                var state = queue.Dequeue();
                ends[state] |= ends[fallback[state]];
                for (var symbol = 0; symbol < Symbols; symbol++)
                {
                    var slot = state * Symbols + symbol;
                    var viaFallback = next[fallback[state] * Symbols + symbol];
                    if (next[slot] < 0)
                    {
                        next[slot] = viaFallback;
                    }
                    else
                    {
                        fallback[next[slot]] = viaFallback;
                        queue.Enqueue(next[slot]);
                    }
                }
            }

            _next = next.ToArray();
            _ends = ends.ToArray();
        }

        /// <summary>The keys that occur in the lower-cased text, as bits in key order.</summary>
        public ulong KeysIn(string text)
        {
            var found = 0UL;
            var state = 0;
            foreach (var c in text)
            {
                int symbol;
                if (c < AsciiSymbols.Length)
                {
                    symbol = AsciiSymbols[c];
                }
                else if (c == '\u212A')
                {
                    symbol = 'k' - 'a';
                }
                else if (c == '\u0130')
                {
                    // Python lowers it to i and a combining dot, and the dot breaks any key.
                    state = _next[state * Symbols + ('i' - 'a')];
                    found |= _ends[state];
                    symbol = Breaks;
                }
                else
                {
                    symbol = Breaks;
                }

                state = _next[state * Symbols + symbol];
                found |= _ends[state];
            }

            return found;
        }

        private static int Symbol(char c) => c switch
        {
            >= 'a' and <= 'z' => c - 'a',
            >= 'A' and <= 'Z' => c - 'A',
            '_' => Underscore,
            _ => Breaks,
        };

        private static byte[] BuildAsciiSymbols()
        {
            var symbols = new byte[128];
            for (var c = 0; c < symbols.Length; c++)
            {
                symbols[c] = (byte)Symbol((char)c);
            }

            return symbols;
        }

        private static int AddState(List<int> next, List<ulong> ends)
        {
            for (var symbol = 0; symbol < Symbols; symbol++)
            {
                next.Add(-1);
            }

            ends.Add(0);
            return ends.Count - 1;
        }
    }

    private sealed class MaskingRule(Regex pattern, Keep keep)
    {
        public string Apply(string text, string mask) => pattern.Replace(text, match => keep switch
        {
            Keep.Around => match.Groups[1].Value + mask + match.Groups[2].Value,
            Keep.Before => match.Groups[1].Value + mask,
            _ => match.Groups[1].Value,
        });
    }
}
