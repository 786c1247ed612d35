using DiploPortal.Core.Alliances;
using DiploPortal.Core.Common;
using DiploPortal.Core.Nations;
using DiploPortal.Core.Security;
using DiploPortal.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace DiploPortal.Web.Components.Editing;

/// <summary>
/// Base of a page that creates or edits one record (<c>/engagements/new</c>, <c>/engagements/{Id}/edit</c>): it loads
/// the nations and alliances the pickers offer and the form (a new one, or the record's), knows its way back (to the
/// record, or to the list it was opened from), and sends a save to the editor's create or update. A page is its route,
/// its policy, what it edits in words, how it reads and saves through its editor, and its fields inside
/// <see cref="RecordEditPageFrame{TForm}"/>, which lays out every such page the same way.
/// </summary>
public abstract class RecordEditPage<TForm> : PortalComponentBase
    where TForm : class, IRecordForm
{
    [Inject]
    private NationQueries NationList { get; set; } = default!;

    [Inject]
    private AllianceQueries AllianceList { get; set; } = default!;

    [Inject]
    private ICurrentUserAccessor CurrentUser { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    /// <summary>The form edited; null until loaded (or when the record does not exist).</summary>
    public TForm? Form { get; private set; }

    public IReadOnlyList<NationSummary> Nations { get; private set; } = [];

    public IReadOnlyList<AllianceSummary> Alliances { get; private set; } = [];

    /// <summary>Whether the page is loading, loaded or failed to load (for <see cref="LoadStatus"/>).</summary>
    public LoadState LoadState => State;

    /// <summary>The user's clearance: the highest marking the fields offer.</summary>
    public Classification Clearance => CurrentUser.Current.Clearance;

    /// <summary>Whether the page creates a record rather than editing one.</summary>
    public abstract bool IsNew { get; }

    /// <summary>What the record is, in words ("engagement").</summary>
    public abstract string Noun { get; }

    /// <summary>The form's accessible name and the saved message's subject ("Engagement").</summary>
    public abstract string Caption { get; }

    /// <summary>The records' list ("/engagements"), where a new record's back link goes.</summary>
    protected abstract string ListPath { get; }

    /// <summary>The detail page of the record edited (only asked when not new).</summary>
    protected abstract string RecordPath { get; }

    /// <summary>The page's title and heading.</summary>
    public virtual string Title => IsNew ? $"New {Noun}" : $"Edit {Noun}";

    /// <summary>The words of the back link.</summary>
    public virtual string BackText => IsNew ? $"All {Noun}s" : $"Back to the {Noun}";

    /// <summary>The words under the heading.</summary>
    public virtual string Intro => "Every field is checked when you save; a message beside a field says what to change.";

    /// <summary>Where the back link and Cancel go: the record, or the list the page was opened from.</summary>
    public virtual string BackAddress => IsNew ? BackToList(ListPath) : KeepingList(RecordPath, ListPath);

    /// <summary>The list, as it was filtered when the record was opened from it.</summary>
    public virtual string ListAddress => BackToList(ListPath);

    /// <summary>The fields the saved version (first) and this person's (second) disagree on.</summary>
    public abstract Func<TForm, TForm, IReadOnlyList<FieldDifference>> Differences { get; }

    /// <summary>Whether the fields offer alliances (releasability); alliances themselves do not.</summary>
    protected virtual bool OffersAlliances => true;

    /// <summary>Today, by the portal's clock: the day a new record's date starts at.</summary>
    protected DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    /// <summary>Where a saved record is shown, from its id, still knowing the list.</summary>
    public string SavedAddress(int id) => KeepingList(SavedPath(id), ListPath);

    public Task<SaveOutcome<TForm>> SaveAsync(TForm form) => IsNew ? CreateAsync(form) : UpdateAsync(form);

    /// <summary>Loads the reference lists and the form (again, after a failure: the retry button).</summary>
    public async Task LoadFormAsync()
    {
        Nations = await LoadAsync(ct => NationList.ListAsync(new NationFilter(IncludeHistorical: true), ct)) ?? [];
        if (OffersAlliances)
        {
            Alliances = await LoadAsync(ct => AllianceList.ListAsync(ct)) ?? [];
        }

        Form = IsNew ? await LoadRecordAsync<TForm>(NewFormAsync) : await LoadRecordAsync<TForm>(ReadFormAsync);
    }

    /// <summary>Continues from the version someone else saved (the conflict panel's "take theirs").</summary>
    public void Replace(TForm form)
    {
        Form = form;
        StateHasChanged();
    }

    protected override Task OnParametersSetAsync() => LoadFormAsync();

    /// <summary>The detail page of a saved record.</summary>
    protected abstract string SavedPath(int id);

    /// <summary>A new record's form, as the page starts it (null when what it belongs to does not exist).</summary>
    protected abstract Task<TForm?> NewFormAsync(CancellationToken cancellationToken);

    /// <summary>The record's form, or null when it does not exist or the user may not see it.</summary>
    protected abstract Task<TForm?> ReadFormAsync(CancellationToken cancellationToken);

    protected abstract Task<SaveOutcome<TForm>> CreateAsync(TForm form);

    protected abstract Task<SaveOutcome<TForm>> UpdateAsync(TForm form);
}
