using DiploPortal.Web.Hosting;
using DiploPortal.Web.Lists;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;

namespace DiploPortal.Web.Components.Shared;

/// <summary>
/// Base of components that load data from a feature service. A failed query is logged and
/// becomes <see cref="LoadState.Failed"/> (shown by <see cref="LoadStatus"/>), because an
/// unhandled exception in Blazor Server would tear down the whole circuit, not just the page.
/// </summary>
public abstract partial class PortalComponentBase : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _lifetime = new();
    private bool _disposed;

    [Inject]
    private ILoggerFactory LoggerFactory { get; set; } = default!;

    [Inject]
    private NavigationManager RecordNavigation { get; set; } = default!;

    protected LoadState State { get; private set; } = LoadState.Loading;

    /// <summary>
    /// Runs <paramref name="load"/> and returns its result, or default when it failed or the
    /// component went away meanwhile (the state then says which).
    /// </summary>
    protected async Task<T?> LoadAsync<T>(Func<CancellationToken, Task<T>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        State = State is LoadState.Loaded or LoadState.Reloading ? LoadState.Reloading : LoadState.Loading;
        try
        {
            var result = await load(_lifetime.Token);
            State = LoadState.Loaded;
            return result;
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            return default;
        }
#pragma warning disable CA1031 // Any failure of a query must become a visible state, never a dead circuit.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailure(ex, isLoad: true);
            State = LoadState.Failed;
            return default;
        }
    }

    /// <summary>
    /// Runs a change (a form's save) and returns its result, or default when it failed: logged, and,
    /// unlike a failed load, the page stays as it was so that nothing the person typed is lost. The page
    /// says that the change was not saved.
    /// </summary>
    protected async Task<T?> ChangeAsync<T>(Func<CancellationToken, Task<T>> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        try
        {
            return await change(_lifetime.Token);
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            return default;
        }
#pragma warning disable CA1031 // As for loads: a failed change must become a message, never a dead circuit.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailure(ex, isLoad: false);
            return default;
        }
    }

    /// <summary>
    /// Loads the record of a detail page. A record that does not exist and one the user may not see get
    /// the same answer, the not-found page (a 404 while prerendering), so that existence does not leak.
    /// </summary>
    protected async Task<T?> LoadRecordAsync<T>(Func<CancellationToken, Task<T?>> load)
        where T : class
    {
        var record = await LoadAsync(load);
        if (record is null && State == LoadState.Loaded)
        {
            RecordNavigation.NotFound();
        }

        return record;
    }

    /// <summary>
    /// The list this page was opened from, filters and page included (the address's <c>?back=</c>, see
    /// <see cref="ReturnAddress"/>), or <paramref name="fallback"/> (by default the plain list at <paramref name="listPath"/>).
    /// </summary>
    protected string BackToList(string listPath, string? fallback = null) => ReturnAddress.ListOr(BackParameter, listPath, fallback);

    /// <summary><paramref name="address"/> (a record's detail or edit page) still knowing the list this page was opened from.</summary>
    protected string KeepingList(string address, string listPath) => ReturnAddress.Carry(address, BackParameter, listPath);

    private string? BackParameter =>
        QueryHelpers.ParseQuery(RecordNavigation.ToAbsoluteUri(RecordNavigation.Uri).Query).TryGetValue(ReturnAddress.Parameter, out var back)
            ? back.ToString()
            : null;

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (_disposed)
        {
            return;
        }

        if (disposing)
        {
            _lifetime.Cancel();
            _lifetime.Dispose();
        }

        _disposed = true;
    }

    // A database that is down is an outage, not a fault of this component: a warning without a stack trace.
    private void LogFailure(Exception exception, bool isLoad)
    {
        var logger = LoggerFactory.CreateLogger(GetType());
        var component = GetType().Name;
        if (DatabaseFaults.IsUnavailable(exception))
        {
            var reason = exception.GetBaseException().Message;
            LogDatabaseUnavailable(logger, component, reason);
        }
        else if (isLoad)
        {
            LogLoadFailed(logger, component, exception);
        }
        else
        {
            LogChangeFailed(logger, component, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is unavailable; {Component} shows that its data could not be loaded or saved ({Reason})")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string component, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "A change made in {Component} failed")]
    private static partial void LogChangeFailed(ILogger logger, string component, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading data for {Component} failed")]
    private static partial void LogLoadFailed(ILogger logger, string component, Exception exception);
}
