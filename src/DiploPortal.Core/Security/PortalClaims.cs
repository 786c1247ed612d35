using System.Globalization;
using System.Security.Claims;
using DiploPortal.Core.Common;

namespace DiploPortal.Core.Security;

/// <summary>The claims that carry an account's clearance and nationality in its sign-in cookie.</summary>
public static class PortalClaims
{
    public const string Clearance = "diploportal:clearance";
    public const string Nation = "diploportal:nation";

    /// <summary>The anonymous visitor: sees unclassified records without caveats only.</summary>
    public static CurrentUser Anonymous { get; } = new("anonymous", Classification.Unclassified, null, []);

    /// <summary>The user a principal stands for; <paramref name="alliancesOf"/> gives the alliances of a nation today.</summary>
    public static CurrentUser ToCurrentUser(ClaimsPrincipal? principal, Func<string, IReadOnlyList<string>> alliancesOf)
    {
        ArgumentNullException.ThrowIfNull(alliancesOf);
        if (principal?.Identity is not { IsAuthenticated: true, Name: { } name })
        {
            return Anonymous;
        }

        var clearance = Enum.TryParse<Classification>(principal.FindFirstValue(Clearance), out var level) ? level : Classification.Unclassified;
        var nation = principal.FindFirstValue(Nation);
        return new CurrentUser(name, clearance, nation, nation is null ? [] : alliancesOf(nation));
    }

    public static IEnumerable<Claim> For(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        yield return new Claim(ClaimTypes.Role, user.Role.ToString());
        yield return new Claim(Clearance, user.Clearance.ToString());
        yield return new Claim(Nation, user.NationCode);
        yield return new Claim("diploportal:display_name", string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? "" : user.DisplayName);
        yield return new Claim("diploportal:created", user.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
    }
}
