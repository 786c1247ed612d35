using DiploPortal.Core.Alliances;
using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.DemoData;

/// <summary>A current nation as the generator sees it, with how often it takes part in defence diplomacy.</summary>
internal sealed record DemoNation(int Index, int Id, string Code, string Name, string Region, string? SubRegion, string? Capital, int Weight)
{
    public string CapitalOrName => Capital ?? Name;
}

/// <summary>A current alliance with the nations that are members on the anchor date.</summary>
internal sealed record DemoAlliance(int Id, string Acronym, IReadOnlyList<DemoNation> Members);

/// <summary>
/// The reference data the generator draws from: current nations (weighted so that the nations
/// most active in defence diplomacy appear most) and current alliances with their members.
/// </summary>
internal sealed class DemoWorld
{
    // Territories that ISO 3166-1 lists but whose defence is run by another state: they neither
    // send attachés nor host staff talks, so demo records never name them.
    private static readonly HashSet<string> Dependencies = new(StringComparer.Ordinal)
    {
        "ABW", "AIA", "ALA", "ASM", "ATA", "ATF", "BES", "BLM", "BMU", "BVT", "CCK", "COK", "CUW", "CXR", "CYM",
        "ESH", "FLK", "FRO", "GGY", "GIB", "GLP", "GRL", "GUF", "GUM", "HKG", "HMD", "IMN", "IOT", "JEY", "MAC",
        "MAF", "MNP", "MSR", "MTQ", "MYT", "NCL", "NFK", "NIU", "PCN", "PRI", "PYF", "REU", "SGS", "SHN", "SJM",
        "SPM", "SXM", "TCA", "TKL", "UMI", "VAT", "VGB", "VIR", "WLF",
    };

    // States without armed forces: they may suffer a crisis, but they do not host staff talks or post attachés.
    private static readonly HashSet<string> NoArmedForces = new(StringComparer.Ordinal)
    {
        "AND", "CRI", "DMA", "FSM", "GRD", "KIR", "LCA", "LIE", "MCO", "MHL", "MUS", "NRU", "PLW", "SLB", "SMR", "TUV",
        "VCT", "WSM",
    };

    private static readonly HashSet<string> MajorActors = new(StringComparer.Ordinal)
    {
        "USA", "GBR", "FRA", "DEU", "JPN", "AUS", "IND", "CHN", "RUS",
    };

    private static readonly HashSet<string> ActiveActors = new(StringComparer.Ordinal)
    {
        "KOR", "ITA", "CAN", "ESP", "NLD", "POL", "TUR", "BRA", "IDN", "SGP", "THA", "PHL", "VNM", "MYS", "NZL",
        "NOR", "SWE", "FIN", "DNK", "ISR", "SAU", "ARE", "EGY", "PAK", "ZAF", "NGA", "KEN", "MEX", "CHL", "UKR",
        "GRC", "BEL", "PRT", "ROU", "QAT", "JOR", "MAR", "ARG", "COL", "PER", "BGD", "LKA", "MNG", "KAZ", "EST",
        "LVA", "LTU", "CZE", "HUN", "IRN", "IRQ", "DZA", "ETH", "OMN", "KWT", "BHR", "BRN", "FJI", "PNG", "TON",
    };

    private readonly DemoNation[] _nations;
    private readonly int[] _cumulative;
    private readonly Dictionary<string, DemoNation> _byCode;
    private readonly Dictionary<string, (DemoNation[] Nations, int[] Cumulative)> _byRegion;
    private readonly Dictionary<int, DemoAlliance[]> _alliancesByNation;

    private DemoWorld(DemoNation[] nations, IReadOnlyList<DemoAlliance> alliances)
    {
        _byCode = nations.ToDictionary(n => n.Code, StringComparer.Ordinal);
        nations = nations.Where(n => !NoArmedForces.Contains(n.Code)).ToArray();
        _nations = nations;
        _cumulative = Cumulative(nations);
        _byRegion = nations.GroupBy(n => n.Region, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.ToArray(), Cumulative(g.ToArray())), StringComparer.Ordinal);
        Alliances = alliances;
        _alliancesByNation = alliances
            .SelectMany(a => a.Members.Select(m => (Nation: m.Id, Alliance: a)))
            .GroupBy(x => x.Nation)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Alliance).ToArray());
    }

    /// <summary>The nations that take part in defence diplomacy (those <see cref="Pick"/> draws from).</summary>
    public IReadOnlyList<DemoNation> Nations => _nations;

    public IReadOnlyList<DemoAlliance> Alliances { get; }

    /// <summary>Reads current nations and alliances; ordered by code so a seed gives the same records in any database.</summary>
    public static async Task<DemoWorld> LoadAsync(PortalDbContext db, DateOnly anchor, CancellationToken cancellationToken)
    {
        var rows = await db.Nations.AsNoTracking()
            .Where(n => n.ExistedUntil == null)
            .OrderBy(n => n.Code)
            .Select(n => new { n.Id, n.Code, n.Name, n.Region, n.SubRegion, n.Capital })
            .ToListAsync(cancellationToken);
        var nations = rows
            .Where(n => !Dependencies.Contains(n.Code))
            .Select((n, i) => new DemoNation(i, n.Id, n.Code, n.Name, n.Region, n.SubRegion, n.Capital, WeightOf(n.Code)))
            .ToArray();
        if (nations.Length < 12)
        {
            throw new InvalidOperationException(
                $"Demo data needs the reference nations, but the database has {nations.Length} current nations: load reference data first (seed-reference).");
        }

        var byId = nations.ToDictionary(n => n.Id);
        var alliances = await db.Alliances.AsNoTracking()
            .Where(a => a.DissolvedOn == null)
            .OrderBy(a => a.Acronym)
            .Select(a => new
            {
                a.Id,
                a.Acronym,
                Members = a.Memberships.AsQueryable()
                    .Where(AllianceMembership.ActiveOn(anchor))
                    .Select(m => m.NationId)
                    .ToList(),
            })
            .ToListAsync(cancellationToken);
        var demoAlliances = alliances
            .Select(a => new DemoAlliance(
                a.Id,
                a.Acronym,
                a.Members.Where(byId.ContainsKey).Select(id => byId[id]).OrderBy(n => n.Code, StringComparer.Ordinal).ToArray()))
            .Where(a => a.Members.Count > 0)
            .ToArray();
        return new DemoWorld(nations, demoAlliances);
    }

    /// <summary>Any current nation by code, including those without armed forces; null when the database lacks it.</summary>
    public DemoNation? Find(string code) => _byCode.GetValueOrDefault(code);

    public DemoAlliance? FindAlliance(string acronym) =>
        Alliances.FirstOrDefault(a => string.Equals(a.Acronym, acronym, StringComparison.Ordinal));

    /// <summary>The alliances the nation belongs to on the anchor date.</summary>
    public IReadOnlyList<DemoAlliance> AlliancesOf(DemoNation nation) =>
        _alliancesByNation.TryGetValue(nation.Id, out var alliances) ? alliances : [];

    /// <summary>A nation drawn by weight: the major military powers most often, small states rarely.</summary>
    public DemoNation Pick(Random rng) => _nations[PickIndex(rng, _cumulative)];

    /// <summary>A nation of the same region as <paramref name="near"/> half the time, any nation otherwise.</summary>
    public DemoNation PickPartner(Random rng, DemoNation near)
    {
        if (rng.NextDouble() < 0.5 && _byRegion.TryGetValue(near.Region, out var region) && region.Nations.Length > 1)
        {
            return region.Nations[PickIndex(rng, region.Cumulative)];
        }

        return Pick(rng);
    }

    /// <summary>Adds distinct nations to <paramref name="chosen"/> until it holds <paramref name="count"/>.</summary>
    public void AddPartners(Random rng, List<DemoNation> chosen, int count)
    {
        var near = chosen.Count > 0 ? chosen[0] : Pick(rng);
        var attempts = 0;
        while (chosen.Count < count && attempts++ < count * 20)
        {
            var candidate = PickPartner(rng, near);
            if (!chosen.Contains(candidate))
            {
                chosen.Add(candidate);
            }
        }
    }

    private static int WeightOf(string code) =>
        MajorActors.Contains(code) ? 12 : ActiveActors.Contains(code) ? 4 : 1;

    private static int[] Cumulative(DemoNation[] nations)
    {
        var cumulative = new int[nations.Length];
        var total = 0;
        for (var i = 0; i < nations.Length; i++)
        {
            total += nations[i].Weight;
            cumulative[i] = total;
        }

        return cumulative;
    }

    private static int PickIndex(Random rng, int[] cumulative)
    {
        var target = rng.Next(cumulative[^1]);
        var index = Array.BinarySearch(cumulative, target + 1);
        return index >= 0 ? index : ~index;
    }
}
