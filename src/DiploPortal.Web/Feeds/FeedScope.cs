using DiploPortal.Core.Exercises;
using DiploPortal.Core.Feeds;
using DiploPortal.Core.ReferenceData;
using DiploPortal.Web.Exercises;
using Microsoft.AspNetCore.WebUtilities;

namespace DiploPortal.Web.Feeds;

/// <summary>
/// What a calendar subscription follows, as stored: a nation's code, an alliance's acronym, or a timeline
/// view's query string, read with the exercise list's own reader so a feed and the timeline select alike.
/// </summary>
public sealed record FeedScope(FeedScopeKind Kind, string Value)
{
    /// <summary>The timeline page that a view feed was saved from.</summary>
    public const string TimelinePath = "/exercises/timeline";

    /// <summary>The exercises the scope selects (the reader has checked the value when the scope was made).</summary>
    public ExerciseFilter Filter => Kind switch
    {
        FeedScopeKind.Nation => new ExerciseFilter { Nation = Value },
        FeedScopeKind.Alliance => new ExerciseFilter { Alliance = Value },
        _ => ExerciseQueryString.Parse(QueryHelpers.ParseQuery(Value)).Filter,
    };

    /// <summary>"France (FRA)" style words for the scope, for lists and a proposed name.</summary>
    public string Describe(string? nationName = null) => Kind switch
    {
        FeedScopeKind.Nation => nationName is null ? $"Nation {Value}" : $"{nationName} ({Value})",
        FeedScopeKind.Alliance => $"Alliance {Value}",
        _ => Filter.IsEmpty ? "Every exercise" : "Timeline view: " + string.Join(", ", Filter.Describe()),
    };

    /// <summary>The proposed name of a new subscription.</summary>
    public string ProposedName(string? nationName = null) => Kind switch
    {
        FeedScopeKind.Nation => $"Exercises of {nationName ?? Value}",
        FeedScopeKind.Alliance => $"Exercises of {Value}",
        _ => "Exercises of my timeline view",
    };

    /// <summary>The timeline with the view's filters, for a view feed; null for the others.</summary>
    public string? TimelineAddress => Kind == FeedScopeKind.View ? $"{TimelinePath}?{Value}" : null;

    /// <summary>
    /// The scope a person asked for (<c>/feeds/new?nation=FR</c>, <c>?alliance=NATO</c>, <c>?view=kind%3DNaval</c>),
    /// checked: a nation code any nation has (alpha-2 read as alpha-3, former states included), an alliance in
    /// <paramref name="alliances"/>, a view the exercise filter reads without a problem. Null with the reason otherwise.
    /// </summary>
    public static FeedScope? Read(string? nation, string? alliance, string? view, IEnumerable<string> alliances, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(alliances);
        problem = null;
        var given = new[] { nation, alliance, view }.Count(v => v is not null);
        if (given != 1)
        {
            problem = "Open this page from a nation, an alliance or the timeline: say one of nation, alliance or view.";
            return null;
        }

        if (nation is not null)
        {
            if (NationCodes.Resolve(nation) is { } code)
            {
                return new FeedScope(FeedScopeKind.Nation, code);
            }

            problem = $"'{Shorten(nation)}' is not a nation code. Use the ISO 3166 alpha-3 code (FRA for France), or alpha-2 (FR).";
            return null;
        }

        if (alliance is not null)
        {
            if (alliances.FirstOrDefault(a => string.Equals(a, alliance.Trim(), StringComparison.OrdinalIgnoreCase)) is { } acronym)
            {
                return new FeedScope(FeedScopeKind.Alliance, acronym);
            }

            problem = $"There is no alliance '{Shorten(alliance)}'.";
            return null;
        }

        var query = view!.Trim().TrimStart('?');
        if (query.Length > FeedSubscription.MaxScopeLength)
        {
            problem = $"The view's address is longer than {FeedSubscription.MaxScopeLength} characters.";
            return null;
        }

        var request = ExerciseQueryString.Parse(QueryHelpers.ParseQuery(query));
        if (request.Problems.Count > 0)
        {
            problem = "The view's address could not be read: " + string.Join(" ", request.Problems.SelectMany(p => p.Value));
            return null;
        }

        // Stored as the list writes it: the filters only, in a fixed order, without paging.
        return new FeedScope(FeedScopeKind.View, ExerciseQueryString.Format(request.Filter).TrimStart('?'));
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
