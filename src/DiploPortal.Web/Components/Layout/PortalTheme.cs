using MudBlazor;

namespace DiploPortal.Web.Components.Layout;

/// <summary>
/// The portal's look: sober navy and steel. Status colours are darker than MudBlazor's defaults
/// so that white text on chips and alerts keeps a 4.5:1 contrast in both palettes.
/// </summary>
public static class PortalTheme
{
    // No web fonts: the portal runs without internet, so it uses the platform's UI font.
    private static readonly string[] SystemFonts =
    [
        "system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "Noto Sans", "Liberation Sans", "sans-serif",
    ];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f3a5f",
            PrimaryContrastText = "#ffffff",
            Secondary = "#46627f",
            SecondaryContrastText = "#ffffff",
            Tertiary = "#5b6b7a",
            Info = "#1565c0",
            Success = "#2e7d32",
            Warning = "#a85a00",
            WarningContrastText = "#ffffff",
            Error = "#c62828",
            Dark = "#1c2733",
            AppbarBackground = "#1f3a5f",
            AppbarText = "#ffffff",
            Background = "#f4f6f9",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = "#1c2733",
            DrawerIcon = "#46627f",
            TextPrimary = "#1c2733",
            TextSecondary = "#4a5866",
            ActionDefault = "#46627f",
            LinesDefault = "#d5dce4",
            TableLines = "#e1e6ec",
            TableHover = "#eef2f7",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#9dbfe6",
            PrimaryContrastText = "#0d1b2a",
            Secondary = "#b3c4d6",
            SecondaryContrastText = "#0d1b2a",
            Tertiary = "#a7b4c2",
            // Light status colours with dark text on chips; the "darken" shades colour outlined alert text.
            Info = "#7ab4f0",
            InfoContrastText = "#0d1b2a",
            InfoDarken = "#a6cdf5",
            Success = "#74c578",
            SuccessContrastText = "#0d1b2a",
            SuccessDarken = "#9fd8a2",
            Warning = "#f2a950",
            WarningContrastText = "#0d1b2a",
            WarningDarken = "#f6c386",
            Error = "#f28b82",
            ErrorContrastText = "#0d1b2a",
            ErrorDarken = "#f6b0aa",
            Dark = "#0b121a",
            AppbarBackground = "#13202f",
            AppbarText = "#e8eef5",
            Background = "#0f1722",
            Surface = "#18222f",
            DrawerBackground = "#141e2a",
            DrawerText = "#e2e8ef",
            DrawerIcon = "#b3c4d6",
            TextPrimary = "#e8eef5",
            TextSecondary = "#b8c4d0",
            ActionDefault = "#b8c4d0",
            LinesDefault = "#33414f",
            TableLines = "#2a3644",
            TableHover = "#1f2b3a",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = SystemFonts },
            H1 = new H1Typography { FontFamily = SystemFonts, FontSize = "2rem", FontWeight = "500", LineHeight = "1.25" },
            H2 = new H2Typography { FontFamily = SystemFonts, FontSize = "1.5rem", FontWeight = "500", LineHeight = "1.3" },
            H3 = new H3Typography { FontFamily = SystemFonts, FontSize = "1.2rem", FontWeight = "500", LineHeight = "1.35" },
            Button = new ButtonTypography { FontFamily = SystemFonts, FontWeight = "500", TextTransform = "none" },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "250px" },
    };
}
