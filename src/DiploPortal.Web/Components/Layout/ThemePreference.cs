namespace DiploPortal.Web.Components.Layout;

/// <summary>What the person chose in the theme menu.</summary>
public enum ThemeChoice
{
    /// <summary>Follow the device's light or dark setting (prefers-color-scheme).</summary>
    System,
    Light,
    Dark,
}

/// <summary>
/// The theme choice, kept in a cookie (wwwroot/js/theme.js writes it) so that the first HTML of a
/// full load already has the right palette: no flash of the wrong theme. For "system" the cookie
/// also remembers what the device said last time, since a server cannot ask the browser's media
/// query before the circuit connects.
/// </summary>
public sealed record ThemePreference(ThemeChoice Choice, bool SystemDark)
{
    public const string CookieName = "DiploPortal.Theme";

    public static ThemePreference Default { get; } = new(ThemeChoice.System, SystemDark: false);

    public bool IsDark => Choice switch
    {
        ThemeChoice.Dark => true,
        ThemeChoice.Light => false,
        _ => SystemDark,
    };

    public string CookieValue => Choice switch
    {
        ThemeChoice.Dark => "dark",
        ThemeChoice.Light => "light",
        _ => SystemDark ? "system-dark" : "system-light",
    };

    /// <summary>Reads the cookie's value; anything else (absent, tampered) is the default.</summary>
    public static ThemePreference Parse(string? cookie) => cookie switch
    {
        "dark" => new(ThemeChoice.Dark, SystemDark: false),
        "light" => new(ThemeChoice.Light, SystemDark: false),
        "system-dark" => new(ThemeChoice.System, SystemDark: true),
        _ => Default,
    };
}
