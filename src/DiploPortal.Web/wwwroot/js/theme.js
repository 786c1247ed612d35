// Remembers the theme choice in a cookie the server reads while it renders the first HTML of a page,
// so that a reload shows the chosen theme at once (Components/Layout/ThemePreference.cs).
// A file rather than inline script because the Content-Security-Policy allows scripts from the portal only.
window.portalTheme = {
  remember(value) {
    const secure = window.location.protocol === "https:" ? "; secure" : "";
    document.cookie = `DiploPortal.Theme=${encodeURIComponent(value)}; path=/; max-age=31536000; samesite=strict${secure}`;
  },
};
