using DiploPortal.Core.Common;
using DiploPortal.Web.Components.Shared;
using DiploPortal.Web.Lists;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace DiploPortal.Web.Components.Lists;

/// <summary>
/// Base of a list page whose filters, order and page live in its address, so that a view can be
/// bookmarked and shared: a changed filter is a navigation to a new address, and any navigation to
/// this page's path (a filter, the next page, back and forward) reloads the list. The page comes first,
/// then the match count, which for a broad filter costs more than the page and nobody waits for.
/// </summary>
public abstract partial class RecordListPage<TFilter, TItem> : PortalComponentBase
    where TFilter : class, IListFilter
{
    protected const int PageSize = 50;

    private int _generation;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ILogger<RecordListPage<TFilter, TItem>> Logger { get; set; } = default!;

    protected ListRequest<TFilter> Request { get; private set; } = default!;

    protected KeysetPage<TItem> Page { get; private set; } = new([], null, null);

    /// <summary>The number of matches, once counted; null while counting or when counting failed.</summary>
    protected MatchCount? Count { get; private set; }

    protected bool Counting { get; private set; }

    /// <summary>The page's path ("/attaches"), where the filters' addresses point.</summary>
    protected abstract string Path { get; }

    protected abstract ListRequest<TFilter> Parse(IEnumerable<KeyValuePair<string, StringValues>> query);

    protected abstract string Format(TFilter filter, Cursor? cursor = null, PageDirection direction = PageDirection.After);

    protected abstract Task<KeysetPage<TItem>> ListAsync(TFilter filter, Cursor? cursor, PageDirection direction, int pageSize, CancellationToken cancellationToken);

    protected abstract Task<MatchCount> CountAsync(TFilter filter, CancellationToken cancellationToken);

    protected override void OnInitialized()
    {
        Request = ParseAddress();
        Navigation.LocationChanged += OnLocationChanged;
    }

    protected override Task OnParametersSetAsync() => LoadPageAsync();

    /// <summary>Loads the page, then its count; a newer navigation meanwhile wins over an older one.</summary>
    protected async Task LoadPageAsync()
    {
        var generation = ++_generation;
        var request = Request;
        Count = null;
        Counting = true;
        var page = await LoadAsync(ct => ListAsync(request.Filter, request.Cursor, request.Direction, PageSize, ct));
        if (generation != _generation)
        {
            return;
        }

        Page = page ?? Page;

        // Prerendering sends nothing before the count is in, so a render here would only be repeated (the table costs most).
        if (RendererInfo.IsInteractive)
        {
            StateHasChanged();
        }

        var count = await CountOrNullAsync(request.Filter);
        if (generation == _generation)
        {
            Count = count;
            Counting = false;
        }
    }

    /// <summary>
    /// Shows <paramref name="filter"/> from its first page. Inputs also report values they were given (a
    /// date picker reading its own date back): an unchanged filter is no navigation, or a page being
    /// prerendered would answer with a redirect to itself.
    /// </summary>
    protected void Apply(TFilter filter)
    {
        if (!Equals(filter, Request.Filter))
        {
            Navigation.NavigateTo(Path + Format(filter));
        }
    }

    protected string? PageAddress(Cursor? cursor, PageDirection direction) =>
        cursor is null ? null : Path + Format(Request.Filter, cursor, direction);

    /// <summary>The first page of the list as filtered.</summary>
    protected string FirstPageAddress => Path + Format(Request.Filter);

    /// <summary>
    /// A record's address (<paramref name="recordPath"/>) that remembers this list as filtered and paged, so that
    /// its back link and a delete return here (see <see cref="ReturnAddress"/>).
    /// </summary>
    protected string RecordAddress(string recordPath) =>
        ReturnAddress.Carry(recordPath, Path + Format(Request.Filter, Request.Cursor, Request.Direction), Path);

    /// <summary>The address of the export of the list as filtered, in <paramref name="format"/> (csv or xlsx).</summary>
    protected string ExportAddress(string format) => $"{Path}/export.{format}" + Format(Request.Filter);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Navigation.LocationChanged -= OnLocationChanged;
        }

        base.Dispose(disposing);
    }

    private ListRequest<TFilter> ParseAddress() =>
        Parse(QueryHelpers.ParseQuery(Navigation.ToAbsoluteUri(Navigation.Uri).Query));

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        var path = Navigation.ToAbsoluteUri(e.Location).AbsolutePath;
        if (!string.Equals(path.TrimEnd('/'), Path, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        _ = InvokeAsync(async () =>
        {
            Request = ParseAddress();
            await LoadPageAsync();
            StateHasChanged();
        });
    }

    private async Task<MatchCount?> CountOrNullAsync(TFilter filter)
    {
        try
        {
            return await CountAsync(filter, CancellationToken.None);
        }
#pragma warning disable CA1031 // A failed count leaves the list usable: it shows no count, not an error.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogCountFailed(Logger, GetType().Name, ex);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counting the matches of {List} failed; the list is shown without its count")]
    private static partial void LogCountFailed(ILogger logger, string list, Exception exception);
}
