using System.Globalization;
using DiploPortal.Core.Alliances;
using DiploPortal.Core.Nations;

namespace DiploPortal.Web.Api;

/// <summary>A nation as the API gives it. Scripts rely on these names: do not rename them.</summary>
public sealed record NationDto(
    string Code, string Iso2, string Iso3, string Name, string Region, string? SubRegion, string? Capital,
    DateOnly? ExistedFrom, DateOnly? ExistedUntil);

public sealed record AllianceDto(string Acronym, string Name, AllianceKind Kind, DateOnly Founded, DateOnly? Dissolved, string? Headquarters);

public sealed record AllianceMemberDto(string Iso2, string Code, string Name, MembershipRole Role, DateOnly Joined, DateOnly? Left, bool Suspended);

/// <summary>The read-only reference data API: nations, alliances, and who belonged to an alliance on a day.</summary>
public static class ReferenceDataApi
{
    public static RouteGroupBuilder MapReferenceDataApi(this RouteGroupBuilder api)
    {
        api.MapGet("/nations", ListNations)
            .WithName("ListNations")
            .WithSummary("All nations, current and former, ordered by name.")
            .WithTags("Reference data");
        api.MapGet("/alliances", ListAlliances)
            .WithName("ListAlliances")
            .WithSummary("All alliances, ordered by acronym.")
            .WithTags("Reference data");
        api.MapGet("/alliances/{acronym}/members", ListMembers)
            .WithName("ListAllianceMembers")
            .WithSummary("The members of an alliance on a day (asOf=YYYY-MM-DD; today when omitted).")
            .WithTags("Reference data")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IReadOnlyList<NationDto>> ListNations(NationQueries nations, string? region, bool? includeHistorical, CancellationToken cancellationToken)
    {
        var list = await nations.ListAsync(new NationFilter(Region: region, IncludeHistorical: includeHistorical ?? true), cancellationToken);
        return list.Select(n => new NationDto(n.Code, n.Iso2, n.Iso3, n.Name, n.Region, n.SubRegion, n.Capital, n.ExistedFrom, n.ExistedUntil)).ToList();
    }

    private static async Task<IReadOnlyList<AllianceDto>> ListAlliances(AllianceQueries alliances, CancellationToken cancellationToken)
    {
        var list = await alliances.ListAsync(cancellationToken);
        return list.Select(a => new AllianceDto(a.Acronym, a.Name, a.Kind, a.FoundedOn, a.DissolvedOn, a.Headquarters)).ToList();
    }

    private static async Task<IResult> ListMembers(AllianceQueries alliances, string acronym, string? asOf, CancellationToken cancellationToken)
    {
        var day = alliances.Today;
        if (!string.IsNullOrEmpty(asOf) && !DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return TypedResults.Problem(
                title: "Invalid date",
                detail: $"asOf must be a date written YYYY-MM-DD, for example 2004-03-29; got '{asOf}'.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var members = await alliances.MembersOnAsync(acronym, day, cancellationToken);
        if (members is null)
        {
            return TypedResults.Problem(
                title: "Unknown alliance",
                detail: $"No alliance has the acronym '{acronym}'. GET /api/alliances lists them.",
                statusCode: StatusCodes.Status404NotFound);
        }

        return TypedResults.Ok(members
            .Select(m => new AllianceMemberDto(m.Iso2, m.NationCode, m.NationName, m.Role, m.JoinedOn, m.LeftOn, m.IsSuspendedOn(day)))
            .ToList());
    }
}
