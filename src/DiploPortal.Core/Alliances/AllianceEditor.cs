using System.Text.RegularExpressions;
using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Alliances;

/// <summary>One membership period as an administrator edits it: the nation by alpha-3 code.</summary>
public sealed class MembershipForm
{
    public const int NoteMaxLength = 1000;

    public string? Nation { get; set; }

    public MembershipRole Role { get; set; } = MembershipRole.Member;

    public DateOnly? JoinedOn { get; set; }

    /// <summary>The first day the nation was no longer a member; empty while it is.</summary>
    public DateOnly? LeftOn { get; set; }

    public string? Note { get; set; }

    public MembershipForm Copy() => (MembershipForm)MemberwiseClone();
}

/// <summary>An alliance and its membership periods as an administrator edits them.</summary>
public sealed partial class AllianceForm : IRecordForm
{
    public const int AcronymMaxLength = 20;
    public const int NameMaxLength = 200;
    public const int TreatyMaxLength = 200;
    public const int HeadquartersMaxLength = 100;
    public const int DescriptionMaxLength = 4000;

    /// <summary>Set when the alliance is created and fixed after: records' caveats and people's alliances name it by acronym.</summary>
    public string Acronym { get; set; } = "";

    public string Name { get; set; } = "";

    public AllianceKind Kind { get; set; }

    public string? FoundingTreaty { get; set; }

    public DateOnly? FoundedOn { get; set; }

    public DateOnly? DissolvedOn { get; set; }

    public string? Headquarters { get; set; }

    public string? Description { get; set; }

    public List<MembershipForm> Members { get; set; } = [];

    public uint Version { get; set; }

    public AllianceForm Copy()
    {
        var copy = (AllianceForm)MemberwiseClone();
        copy.Members = [.. Members.Select(m => m.Copy())];
        return copy;
    }

    /// <summary>The field name of a membership's field, for messages beside it ("Members[2].JoinedOn").</summary>
    public static string MemberField(int index, string field) => $"{nameof(Members)}[{index}].{field}";

    [GeneratedRegex("^[A-Z][A-Z0-9&-]{1,19}$")]
    internal static partial Regex AcronymPattern();
}

/// <summary>
/// Creates, changes and deletes alliances and their membership periods (administrators only). The
/// acronym is fixed once created; periods of one nation may not overlap (the database refuses it too),
/// and an alliance still named by a record, an exercise or a membership cannot be deleted.
/// </summary>
public sealed class AllianceEditor(IDbContextFactory<PortalDbContext> dbFactory) : RecordEditor<Alliance, AllianceForm>(dbFactory)
{
    private readonly IDbContextFactory<PortalDbContext> _dbFactory = dbFactory;

    /// <summary>The id of the alliance with this acronym, or null.</summary>
    public async Task<int?> FindIdAsync(string acronym, CancellationToken cancellationToken = default)
    {
        var code = RecordCode.Normalise(acronym);
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Alliances.Where(a => a.Acronym == code).Select(a => (int?)a.Id).SingleOrDefaultAsync(cancellationToken);
    }

    protected override async Task<string?> DeleteRefusalAsync(PortalDbContext db, Alliance record, CancellationToken cancellationToken)
    {
        var acronym = record.Acronym;
        var members = await db.AllianceMemberships.CountAsync(m => m.AllianceId == record.Id, cancellationToken);
        if (members > 0)
        {
            return $"{acronym} still has {members} membership periods. Remove them first if the alliance was recorded by mistake.";
        }

        // Records the administrator may not see count too: they would be left naming an alliance that no longer exists.
        var named = await db.Exercises.IgnoreQueryFilters().AnyAsync(e => e.LeadAllianceId == record.Id, cancellationToken)
            || await db.Engagements.IgnoreQueryFilters().AnyAsync(e => e.ReleasableToAlliances.Contains(acronym), cancellationToken)
            || await db.Attaches.IgnoreQueryFilters().AnyAsync(a => a.ReleasableToAlliances.Contains(acronym), cancellationToken)
            || await db.AttacheReports.IgnoreQueryFilters().AnyAsync(r => r.ReleasableToAlliances.Contains(acronym), cancellationToken)
            || await db.Exercises.IgnoreQueryFilters().AnyAsync(e => e.ReleasableToAlliances.Contains(acronym), cancellationToken)
            || await db.Missions.IgnoreQueryFilters().AnyAsync(m => m.ReleasableToAlliances.Contains(acronym), cancellationToken)
            || await db.Assessments.IgnoreQueryFilters().AnyAsync(a => a.ReleasableToAlliances.Contains(acronym), cancellationToken);
        return named ? $"Records still name {acronym} (as lead of an exercise or in their releasability), so it cannot be deleted." : null;
    }

    protected override Alliance NewRecord() => new() { Acronym = "", Name = "" };

    protected override IQueryable<Alliance> ForUpdate(PortalDbContext db) => base.ForUpdate(db).Include(a => a.Memberships);

    protected override async Task<AllianceForm?> ReadFormAsync(PortalDbContext db, int id, CancellationToken cancellationToken)
    {
        var alliance = await db.Alliances.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new
            {
                a.Acronym,
                a.Name,
                a.Kind,
                a.FoundingTreaty,
                a.FoundedOn,
                a.DissolvedOn,
                a.Headquarters,
                a.Description,
                a.Version,
                Members = a.Memberships.OrderBy(m => m.JoinedOn).ThenBy(m => m.Nation!.Code)
                    .Select(m => new MembershipForm { Nation = m.Nation!.Code, Role = m.Role, JoinedOn = m.JoinedOn, LeftOn = m.LeftOn, Note = m.Note })
                    .ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return alliance is null ? null : new AllianceForm
        {
            Acronym = alliance.Acronym,
            Name = alliance.Name,
            Kind = alliance.Kind,
            FoundingTreaty = alliance.FoundingTreaty,
            FoundedOn = alliance.FoundedOn,
            DissolvedOn = alliance.DissolvedOn,
            Headquarters = alliance.Headquarters,
            Description = alliance.Description,
            Members = alliance.Members,
            Version = alliance.Version,
        };
    }

    protected override async Task<FormCheck<Alliance>> CheckAsync(PortalDbContext db, AllianceForm form, CancellationToken cancellationToken)
    {
        var acronym = RecordCode.Normalise(form.Acronym) ?? "";
        var nations = await FormRules.NationIdsAsync(db, form.Members.Select(m => m.Nation), cancellationToken);
        var existing = await db.Alliances.Where(a => a.Acronym == acronym).Select(a => new { a.Id, a.Version }).SingleOrDefaultAsync(cancellationToken);
        var errors = new FieldErrors();

        // A new alliance must take a free acronym; an existing one keeps its own (ForUpdate's record is checked against it).
        if (form.Version == 0)
        {
            if (!AllianceForm.AcronymPattern().IsMatch(acronym))
            {
                errors.Add(nameof(form.Acronym), "Use 2 to 20 capital letters, digits, & or -, starting with a letter (for example NATO).");
            }
            else if (existing is not null)
            {
                errors.Add(nameof(form.Acronym), $"{acronym} is already the acronym of another alliance.");
            }
        }

        FormRules.Required(errors, nameof(form.Name), form.Name, AllianceForm.NameMaxLength, "Give the alliance's name.");
        FormRules.Length(errors, nameof(form.FoundingTreaty), form.FoundingTreaty, AllianceForm.TreatyMaxLength);
        FormRules.Length(errors, nameof(form.Headquarters), form.Headquarters, AllianceForm.HeadquartersMaxLength);
        FormRules.Length(errors, nameof(form.Description), form.Description, AllianceForm.DescriptionMaxLength);
        if (!Enum.IsDefined(form.Kind))
        {
            errors.Add(nameof(form.Kind), "Choose a kind of alliance.");
        }

        if (form.FoundedOn is not { } founded)
        {
            errors.Add(nameof(form.FoundedOn), "Give the day the alliance was founded.");
        }
        else if (form.DissolvedOn is { } dissolved && dissolved <= founded)
        {
            errors.Add(nameof(form.DissolvedOn), "An alliance is dissolved after the day it was founded.");
        }

        CheckMembers(errors, form, nations);
        return FormCheck.Of<Alliance>(errors, alliance => Apply(form, alliance, nations));
    }

    private static void CheckMembers(FieldErrors errors, AllianceForm form, IReadOnlyDictionary<string, int> nations)
    {
        for (var i = 0; i < form.Members.Count; i++)
        {
            var member = form.Members[i];
            var code = RecordCode.Normalise(member.Nation);
            if (code is null)
            {
                errors.Add(AllianceForm.MemberField(i, nameof(member.Nation)), "Choose the member nation.");
            }
            else if (!nations.ContainsKey(code))
            {
                errors.Add(AllianceForm.MemberField(i, nameof(member.Nation)), $"There is no nation with the code {code}.");
            }

            if (!Enum.IsDefined(member.Role))
            {
                errors.Add(AllianceForm.MemberField(i, nameof(member.Role)), "Choose a role.");
            }

            if (member.JoinedOn is not { } joined)
            {
                errors.Add(AllianceForm.MemberField(i, nameof(member.JoinedOn)), "Give the day the nation joined.");
                continue;
            }

            if (form.FoundedOn is { } founded && joined < founded)
            {
                errors.Add(AllianceForm.MemberField(i, nameof(member.JoinedOn)), "No nation joins before the alliance was founded.");
            }

            if (member.LeftOn is { } left && left <= joined)
            {
                errors.Add(AllianceForm.MemberField(i, nameof(member.LeftOn)), "A nation leaves after the day it joined.");
            }

            if (form.DissolvedOn is { } dissolved && joined >= dissolved)
            {
                errors.Add(AllianceForm.MemberField(i, nameof(member.JoinedOn)), "No nation joins once the alliance is dissolved.");
            }

            if (member.Note is { Length: > MembershipForm.NoteMaxLength })
            {
                errors.Add(AllianceForm.MemberField(i, nameof(member.Note)), $"Keep the note to {MembershipForm.NoteMaxLength} characters.");
            }

            // Two periods of one nation may not overlap: [joined, left) against every earlier period of the same nation.
            for (var j = 0; j < i; j++)
            {
                var other = form.Members[j];
                if (code is not null && RecordCode.Normalise(other.Nation) == code && other.JoinedOn is { } otherJoined
                    && joined < (other.LeftOn ?? DateOnly.MaxValue) && otherJoined < (member.LeftOn ?? DateOnly.MaxValue))
                {
                    errors.Add(AllianceForm.MemberField(i, nameof(member.JoinedOn)), $"This period of {code} overlaps another one (row {j + 1}).");
                }
            }
        }
    }

    private static void Apply(AllianceForm form, Alliance alliance, IReadOnlyDictionary<string, int> nations)
    {
        if (alliance.Id == 0)
        {
            alliance.Acronym = RecordCode.Normalise(form.Acronym)!;
        }

        alliance.Name = form.Name.Trim();
        alliance.Kind = form.Kind;
        alliance.FoundingTreaty = FormRules.OrNull(form.FoundingTreaty);
        alliance.FoundedOn = form.FoundedOn!.Value;
        alliance.DissolvedOn = form.DissolvedOn;
        alliance.Headquarters = FormRules.OrNull(form.Headquarters);
        alliance.Description = FormRules.OrNull(form.Description);

        // Periods are matched by nation and first day: an unchanged period keeps its row (and its source note).
        var wanted = form.Members.Select(m => (NationId: nations[RecordCode.Normalise(m.Nation)!], Form: m)).ToList();
        alliance.Memberships.RemoveAll(m => !wanted.Any(w => w.NationId == m.NationId && w.Form.JoinedOn == m.JoinedOn));
        foreach (var (nationId, member) in wanted)
        {
            var period = alliance.Memberships.Find(m => m.NationId == nationId && m.JoinedOn == member.JoinedOn);
            if (period is null)
            {
                period = new AllianceMembership { NationId = nationId, JoinedOn = member.JoinedOn!.Value };
                alliance.Memberships.Add(period);
            }

            period.Role = member.Role;
            period.LeftOn = member.LeftOn;
            period.Note = FormRules.OrNull(member.Note);
        }
    }
}
