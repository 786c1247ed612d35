using DiploPortal.Core.Data;
using DiploPortal.Core.Nations;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Exercises.Deconfliction;

/// <summary>
/// The seed of the deconfliction reference data: a few real training areas with their source, and a capacity
/// for every nation that has none. Only missing rows are added, so an administrator's edits are never
/// overwritten and loading again changes nothing.
/// </summary>
public static class DeconflictionReferenceData
{
    /// <summary>The default capacity of a nation nobody has given a figure for: an explicit assumption.</summary>
    public static readonly ForceCapacity DefaultCapacity = new("", Personnel: 10_000, Ships: 10, Aircraft: 50, IsAssumption: true);

    /// <summary>Why the default is what it is; shown beside every default row ("assumption", never a source).</summary>
    public const string DefaultNote =
        "Portal default, not derived from this nation's published strength: 10,000 personnel, 10 ships and 50 aircraft " +
        "committed to exercises at once, so that one large exercise fits and two at once may not. Replace it with a sourced figure.";

    /// <summary>Real training areas: (nation code, name, description, source).</summary>
    public static IReadOnlyList<(string Nation, string Name, string Description, string Source)> TrainingAreas { get; } =
    [
        ("DEU", "Grafenwöhr Training Area", "US Army training area in Bavaria, used by NATO forces for live-fire training.", "https://en.wikipedia.org/wiki/Grafenw%C3%B6hr_Training_Area"),
        ("DEU", "Hohenfels Training Area", "Joint Multinational Readiness Center manoeuvre area in Bavaria.", "https://en.wikipedia.org/wiki/Hohenfels_Training_Area"),
        ("GBR", "Salisbury Plain Training Area", "The largest military training area in the United Kingdom, in Wiltshire.", "https://en.wikipedia.org/wiki/Salisbury_Plain_Training_Area"),
        ("USA", "Marine Corps Base Camp Lejeune", "Amphibious training base of the US Marine Corps in North Carolina.", "https://en.wikipedia.org/wiki/Marine_Corps_Base_Camp_Lejeune"),
        ("LVA", "Ādaži Military Base", "Latvian training area hosting NATO's enhanced forward presence battlegroup.", "https://en.wikipedia.org/wiki/%C4%80da%C5%BEi_Military_Base"),
        ("AUS", "Shoalwater Bay Military Training Area", "Queensland training area used for Exercise Talisman Sabre.", "https://en.wikipedia.org/wiki/Shoalwater_Bay_Military_Training_Area"),
    ];

    /// <summary>Adds the missing rows through <paramref name="db"/> (tracked, so the audit trail records them); returns how many.</summary>
    public static async Task<int> AddMissingAsync(PortalDbContext db, IReadOnlyDictionary<string, Nation> nations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(nations);
        var added = 0;
        var areas = await db.TrainingAreas.Select(a => new { a.NationId, a.Name }).ToListAsync(cancellationToken);
        foreach (var (code, name, description, source) in TrainingAreas)
        {
            if (nations.TryGetValue(code, out var nation) && nation.Id != 0 && !areas.Any(a => a.NationId == nation.Id && a.Name == name))
            {
                db.TrainingAreas.Add(new TrainingArea { Name = name, NationId = nation.Id, Description = description, Source = source });
                added++;
            }
        }

        var withCapacity = (await db.NationCapacities.Select(c => c.NationId).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var nation in nations.Values.Where(n => n.Id != 0 && !withCapacity.Contains(n.Id)))
        {
            db.NationCapacities.Add(new NationCapacity
            {
                NationId = nation.Id,
                Personnel = DefaultCapacity.Personnel,
                Ships = DefaultCapacity.Ships,
                Aircraft = DefaultCapacity.Aircraft,
                IsAssumption = true,
                Note = DefaultNote,
            });
            added++;
        }

        return added;
    }
}
