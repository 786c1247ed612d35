namespace DiploPortal.Web.Components.Shared;

/// <summary>Where a component is in loading its data.</summary>
public enum LoadState
{
    /// <summary>The first load is running; nothing to show yet.</summary>
    Loading,

    /// <summary>Data is shown.</summary>
    Loaded,

    /// <summary>Data is shown while a newer load (a filter change) runs.</summary>
    Reloading,

    /// <summary>The last load failed; the component shows an alert instead of the data.</summary>
    Failed,
}
