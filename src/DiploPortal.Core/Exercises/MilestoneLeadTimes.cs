using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Exercises;

/// <summary>The standard lead times of milestones as an administrator edits them, one line per kind.</summary>
public sealed record MilestoneLeadTimeLine
{
    public MilestoneKind Kind { get; set; }

    public MilestoneAnchor CountsFrom { get; set; }

    public int Days { get; set; }

    public uint Version { get; set; }
}

/// <summary>
/// Reads the standard lead times (for proposing milestones) and changes them (administrators; each change audited by
/// the context, each line at the version read, so a stale edit is a conflict instead of an overwrite).
/// </summary>
public sealed class MilestoneLeadTimes(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>Lead times are kept within ten years either way: anything longer is a typing slip.</summary>
    public const int MaxDays = 3650;

    public async Task<IReadOnlyList<MilestoneLeadTimeLine>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lines = await db.MilestoneLeadTimes.AsNoTracking()
            .Select(l => new MilestoneLeadTimeLine { Kind = l.Kind, CountsFrom = l.CountsFrom, Days = l.Days, Version = l.Version })
            .ToListAsync(cancellationToken);
        return [.. lines.OrderBy(l => l.Kind)];
    }

    /// <summary>The lead times as <see cref="MilestonePlan.Propose"/> takes them.</summary>
    public async Task<IReadOnlyList<MilestoneLeadTime>> ForProposalAsync(CancellationToken cancellationToken = default) =>
        [.. (await ListAsync(cancellationToken)).Select(l => new MilestoneLeadTime { Kind = l.Kind, CountsFrom = l.CountsFrom, Days = l.Days })];

    /// <summary>
    /// Saves the changed lines; the errors by kind when a line breaks a rule or was changed by someone else since it
    /// was read (nothing is saved then). Empty when saved.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string[]>> SaveAsync(IReadOnlyList<MilestoneLeadTimeLine> lines, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var errors = new Common.FieldErrors();
        foreach (var line in lines)
        {
            Common.FormRules.Defined(errors, line.Kind.ToString(), line.CountsFrom);
            if (Math.Abs(line.Days) > MaxDays)
            {
                errors.Add(line.Kind.ToString(), $"Keep the lead time within {MaxDays} days either way.");
            }
        }

        if (errors.Any)
        {
            return errors.ToDictionary();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.MilestoneLeadTimes.ToDictionaryAsync(l => l.Kind, cancellationToken);
        foreach (var line in lines)
        {
            if (!stored.TryGetValue(line.Kind, out var row) || row.Version != line.Version)
            {
                errors.Add(line.Kind.ToString(), "Someone changed this lead time since you read it: reload to see theirs.");
                continue;
            }

            db.Entry(row).Property(r => r.Version).OriginalValue = line.Version;
            row.CountsFrom = line.CountsFrom;
            row.Days = line.Days;
        }

        if (errors.Any)
        {
            return errors.ToDictionary();
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            errors.Add("", "Someone changed the lead times while you saved: reload to see theirs.");
        }

        return errors.ToDictionary();
    }
}
