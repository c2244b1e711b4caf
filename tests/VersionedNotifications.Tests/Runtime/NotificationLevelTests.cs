namespace VersionedNotifications.Tests.Runtime;

/// <summary>ironic's notification_level: debug &lt; info &lt; warning &lt; error &lt; critical, unset emits nothing.</summary>
public sealed class NotificationLevelTests
{
    [Theory]
    [InlineData(NotificationLevel.None, "")]
    [InlineData(NotificationLevel.Debug, "Debug Info Warn Error Critical Audit Sample")]
    [InlineData(NotificationLevel.Info, "Info Warn Error Critical Audit Sample")]
    [InlineData(NotificationLevel.Warning, "Warn Error Critical")]
    [InlineData(NotificationLevel.Error, "Error Critical")]
    [InlineData(NotificationLevel.Critical, "Critical")]
    public void A_level_lets_through_its_priority_and_the_ones_above(NotificationLevel level, string allowed)
    {
        var passed = Enum.GetValues<NotificationPriority>().Where(p => level.Allows(p)).Select(p => p.ToString());

        Assert.Equal(allowed, string.Join(' ', passed));
    }

    [Theory]
    [InlineData("debug", NotificationLevel.Debug)]
    [InlineData("INFO", NotificationLevel.Info)]
    [InlineData("warning", NotificationLevel.Warning)]
    [InlineData("warn", NotificationLevel.Warning)]
    [InlineData(" error ", NotificationLevel.Error)]
    [InlineData("critical", NotificationLevel.Critical)]
    [InlineData("none", NotificationLevel.None)]
    [InlineData("", NotificationLevel.None)]
    public void Levels_read_as_ironic_conf_spells_them(string text, NotificationLevel expected)
    {
        Assert.True(NotificationLevels.TryParse(text, out var level));
        Assert.Equal(expected, level);
    }

    [Theory]
    [InlineData("loud")]
    [InlineData("3")]
    [InlineData("information")]
    public void Other_words_are_not_levels(string text) => Assert.False(NotificationLevels.TryParse(text, out _));
}
