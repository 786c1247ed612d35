using DiploPortal.Web.Components.Layout;

namespace DiploPortal.Web.Tests.Layout;

/// <summary>The theme cookie: each choice reads back as written, and anything else is the device's setting.</summary>
public class ThemePreferenceCookie
{
    [Theory]
    [InlineData(ThemeChoice.Light, false, false)]
    [InlineData(ThemeChoice.Dark, false, true)]
    [InlineData(ThemeChoice.System, true, true)]
    [InlineData(ThemeChoice.System, false, false)]
    public void EachChoiceReadsBackAsWritten(ThemeChoice choice, bool systemDark, bool dark)
    {
        var preference = new ThemePreference(choice, systemDark);

        var read = ThemePreference.Parse(preference.CookieValue);

        Assert.Equal(choice, read.Choice);
        Assert.Equal(dark, read.IsDark);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("DARK")]
    [InlineData("<script>")]
    public void AMissingOrUnknownValueFollowsTheDeviceStartingLight(string? cookie)
    {
        var read = ThemePreference.Parse(cookie);

        Assert.Equal(ThemePreference.Default, read);
        Assert.False(read.IsDark);
    }

    [Fact]
    public void AChosenThemeIgnoresTheDevicesSetting()
    {
        Assert.False(new ThemePreference(ThemeChoice.Light, SystemDark: true).IsDark);
        Assert.True(new ThemePreference(ThemeChoice.Dark, SystemDark: false).IsDark);
    }
}
