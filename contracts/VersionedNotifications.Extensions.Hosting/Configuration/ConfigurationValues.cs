using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Extensions.Configuration;

namespace VersionedNotifications.Extensions.Hosting;

/// <summary>
/// Reads configuration values by hand, so that every bad value is reported with its full key
/// (<c>Notifications:Level: 'loud' is not a level; ...</c>) and no reflection is needed (trim- and AOT-safe).
/// </summary>
internal static class ConfigurationValues
{
    /// <summary>
    /// A list, written either as children (<c>Topics:0</c>, <c>Topics:1</c>, a JSON array) or, as in
    /// ironic.conf's ListOpt, as one comma-separated value (<c>Topics=a,b</c>). <see langword="null"/> when absent.
    /// </summary>
    public static List<string>? ReadList(IConfiguration section, string key)
    {
        var child = section.GetSection(key);
        if (child.Value is { } single)
        {
            return single.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        }

        var items = child.GetChildren().ToList();
        if (items.Count == 0)
        {
            return null;
        }

        return items
            .OrderBy(item => int.TryParse(item.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : int.MaxValue)
            .ThenBy(item => item.Key, StringComparer.Ordinal)
            .Select(item => item.Value ?? string.Empty)
            .ToList();
    }

    public static string? ReadString(IConfiguration section, string key) => section.GetSection(key).Value;

    public static bool? ReadBool(IConfiguration section, string key, List<string> errors)
    {
        var text = section.GetSection(key).Value;
        if (text is null)
        {
            return null;
        }

        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "yes" or "1" or "on":
                return true;
            case "false" or "no" or "0" or "off":
                return false;
            default:
                errors.Add($"{PathOf(section, key)}: '{text}' is not true or false");
                return null;
        }
    }

    public static int? ReadInt(IConfiguration section, string key, int minimum, int maximum, List<string> errors)
    {
        var text = section.GetSection(key).Value;
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < minimum || value > maximum)
        {
            errors.Add($"{PathOf(section, key)}: '{text}' is not a whole number from {minimum} to {maximum}");
            return null;
        }

        return value;
    }

    /// <summary>A duration: seconds as a number (<c>2.5</c>), or a TimeSpan (<c>00:00:02.5</c>).</summary>
    public static TimeSpan? ReadDuration(IConfiguration section, string key, List<string> errors)
    {
        var text = section.GetSection(key).Value;
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && seconds < TimeSpan.MaxValue.TotalSeconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (TimeSpan.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero)
        {
            return span;
        }

        errors.Add($"{PathOf(section, key)}: '{text}' is not a duration (seconds, such as 2.5, or hh:mm:ss)");
        return null;
    }

    /// <summary>An enum member by name, in any case, or an error listing the names.</summary>
    public static TEnum? ReadEnum<TEnum>(IConfiguration section, string key, List<string> errors)
        where TEnum : struct, Enum
    {
        var text = section.GetSection(key).Value;
        if (text is null)
        {
            return null;
        }

        if (Enum.TryParse<TEnum>(text.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value) && !char.IsDigit(text.Trim()[0]))
        {
            return value;
        }

        errors.Add($"{PathOf(section, key)}: '{text}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}");
        return null;
    }

    /// <summary>The full key of <paramref name="key"/> under <paramref name="section"/>, as a user writes it.</summary>
    public static string PathOf(IConfiguration section, string key) =>
        section is IConfigurationSection named && named.Path.Length > 0 ? named.Path + ":" + key : key;

    /// <summary>An options error (<c>Topics[1]: ...</c>) as a configuration key under <paramref name="section"/> (<c>Notifications:Topics:1: ...</c>).</summary>
    public static string ToConfigurationError(IConfiguration section, string error)
    {
        var colon = error.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0)
        {
            return error;
        }

        var key = error[..colon].Replace("[", ":", StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal);
        return PathOf(section, key) + error[colon..];
    }
}
