using System.Diagnostics.CodeAnalysis;

// "Shared" is a Visual Basic keyword, but this web app is no library for other languages, and
// Components/Shared is where Blazor projects conventionally keep their reusable components.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespace",
    Target = "~N:DiploPortal.Web.Components.Shared", Justification = "Not a library; Blazor's conventional folder name.")]
