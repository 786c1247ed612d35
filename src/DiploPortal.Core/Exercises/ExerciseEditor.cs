using DiploPortal.Core.Assessments;
using DiploPortal.Core.Common;
using DiploPortal.Core.Data;
using DiploPortal.Core.Exercises.Deconfliction;
using Microsoft.EntityFrameworkCore;

namespace DiploPortal.Core.Exercises;

/// <summary>
/// Creates, changes and deletes joint exercises (<see cref="RecordEditor{TEntity, TForm}"/>) with the rules of
/// <see cref="ExerciseRules"/>, with its participants, milestones and liaisons (the liaisons the planner may see follow
/// the form; those hidden from the planner stay). Observations are kept as they are; the status changes only by a
/// transition (<see cref="ExerciseTransitions"/>).
/// </summary>
public sealed class ExerciseEditor(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider? time = null) : RecordEditor<JointExercise, ExerciseForm>(dbFactory)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Every training area (reference data, not classified) for the form's picker, by nation and name.</summary>
    public Task<IReadOnlyList<TrainingAreaItem>> TrainingAreasAsync(CancellationToken cancellationToken) =>
        ReadWithAsync<IReadOnlyList<TrainingAreaItem>>(
            async db => await db.TrainingAreas.AsNoTracking()
                .OrderBy(a => a.Nation!.Name).ThenBy(a => a.Name)
                .Select(a => new TrainingAreaItem(a.Id, a.Name, a.Nation!.Code, a.Nation.Name))
                .ToListAsync(cancellationToken),
            cancellationToken);

    /// <summary>The attachés the planner may see (the user-scoped context's filter), by name, for the liaison picker.</summary>
    public Task<IReadOnlyList<ExerciseLiaisonItem>> LiaisonChoicesAsync(CancellationToken cancellationToken) =>
        ReadWithAsync<IReadOnlyList<ExerciseLiaisonItem>>(
            async db => await db.Attaches.AsNoTracking()
                .OrderBy(a => a.FullName).ThenBy(a => a.Id)
                .Select(a => new ExerciseLiaisonItem(a.Id, a.Rank, a.FullName, a.SendingNation!.Name))
                .ToListAsync(cancellationToken),
            cancellationToken);

    /// <summary>
    /// The conflicts the form would have once saved (exercise <paramref name="id"/>, or a new one), checked against
    /// the records the planner may see; empty while the form has no dates.
    /// </summary>
    public Task<IReadOnlyList<ExerciseConflict>> PreviewConflictsAsync(int? id, ExerciseForm form, CancellationToken cancellationToken) =>
        ReadWithAsync(db => ConflictsAsync(db, id, form, cancellationToken), cancellationToken);

    private static async Task<IReadOnlyList<ExerciseConflict>> ConflictsAsync(PortalDbContext db, int? id, ExerciseForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (form is not { StartsOn: { } start, EndsOn: { } end })
        {
            return [];
        }

        var participants = form.Participants
            .Select(p => (Code: RecordCode.Normalise(p.Nation), Line: p))
            .Where(p => p.Code is not null)
            .Select(p => new ScheduledForces(p.Code!, p.Line.Personnel, p.Line.Ships, p.Line.Aircraft))
            .ToList();
        var milestones = form.Milestones.Where(m => m.PlannedOn is not null).Select(m => new ScheduledMilestone(m.Kind, m.PlannedOn!.Value)).ToList();
        return await ExerciseDeconfliction.CheckAsync(db, new ExerciseSchedule(id, start, end, form.TrainingAreaId, participants, milestones, FormRules.OrNull(form.Name)), cancellationToken);
    }

    /// <summary>A new exercise starts Proposed on the day it is created (the column's default).</summary>
    protected override JointExercise NewRecord() => new() { Name = "", Status = ExerciseStatus.Proposed };

    protected override Task<string?> DeleteRefusalAsync(PortalDbContext db, JointExercise record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var id = record.Id;
        return AssessedRecords.DeleteRefusalAsync(db, a => a.ExerciseId == id, "exercise", cancellationToken);
    }

    protected override IQueryable<JointExercise> ForUpdate(PortalDbContext db) =>
        base.ForUpdate(db).Include(e => e.Participants).Include(e => e.Milestones).Include(e => e.Liaisons);

    /// <summary>
    /// The form's rules, then the deconfliction check over what the planner may see: hard conflicts block the save,
    /// warnings block it until the form gives a reason, and then each overridden warning is recorded with the exercise.
    /// </summary>
    protected override async Task<FormCheck<JointExercise>> CheckAsync(PortalDbContext db, int? id, ExerciseForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var check = await CheckAsync(db, form, cancellationToken);
        var errors = new FieldErrors();
        FormRules.Length(errors, nameof(form.OverrideReason), form.OverrideReason, ExerciseConflictOverride.ReasonMaxLength);
        if (form.TrainingAreaId is { } area && !await db.TrainingAreas.AnyAsync(a => a.Id == area, cancellationToken))
        {
            errors.Add(nameof(form.TrainingAreaId), "There is no such training area.");
        }

        var hiddenLiaisons = await CheckLiaisonsAsync(db, id, form, errors, cancellationToken);
        if (check.Apply is not { } apply || errors.Any)
        {
            return FormCheck.Invalid<JointExercise>(check.Errors, errors);
        }

        var conflicts = await ConflictsAsync(db, id, form, cancellationToken);
        var warnings = DeconflictionRules.CheckSave(errors, ExerciseForm.ConflictsField, nameof(form.OverrideReason), conflicts, form.OverrideReason);
        var now = _time.GetUtcNow().UtcDateTime;
        return FormCheck.Of<JointExercise>(errors, exercise =>
        {
            apply(exercise);
            var wanted = form.LiaisonAttacheIds.Concat(hiddenLiaisons).Distinct().Select(a => (a, a)).ToList();
            OwnedRows.Sync(exercise.Liaisons, wanted, l => l.AttacheId, a => new ExerciseLiaison { AttacheId = a }, (_, _) => { });
            exercise.ConflictOverrides.AddRange(ExerciseConflictOverride.For(id, warnings, form.OverrideReason?.Trim() ?? "", now));
        });
    }

    /// <summary>
    /// Checks the form's liaisons: bounded, no repeats, each an attaché the planner may see (a hidden one is "no such
    /// attaché"); returns the liaisons already on the exercise that the planner may not see, which a save keeps.
    /// </summary>
    private static async Task<IReadOnlyList<int>> CheckLiaisonsAsync(PortalDbContext db, int? id, ExerciseForm form, FieldErrors errors, CancellationToken cancellationToken)
    {
        var field = nameof(form.LiaisonAttacheIds);
        var ids = form.LiaisonAttacheIds;
        if (ids.Count > ExerciseForm.LiaisonsMax)
        {
            errors.Add(field, $"An exercise has at most {ExerciseForm.LiaisonsMax} liaison attachés.");
        }
        else if (ids.Distinct().Count() != ids.Count)
        {
            errors.Add(field, "Each liaison attaché is listed once.");
        }
        else
        {
            var visible = await db.Attaches.Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
            if (ids.Except(visible).Any())
            {
                errors.Add(field, "There is no such attaché.");
            }
        }

        if (id is not { } stored)
        {
            return [];
        }

        var seen = db.Attaches.Select(a => a.Id);
        return await db.ExerciseLiaisons.Where(l => l.ExerciseId == stored && !seen.Contains(l.AttacheId))
            .Select(l => l.AttacheId).ToListAsync(cancellationToken);
    }

    protected override async Task<FormCheck<JointExercise>> CheckAsync(PortalDbContext db, ExerciseForm form, CancellationToken cancellationToken)
    {
        var codes = form.Participants.Select(p => p.Nation).Concat(form.ReleasableToNations).Append(form.HostNation).Append(form.LeadNation)
            .Select(RecordCode.Normalise).OfType<string>().Distinct().ToList();
        var nations = await db.Nations.Where(n => codes.Contains(n.Code)).ToDictionaryAsync(n => n.Code, n => n.Id, cancellationToken);
        var acronyms = form.ReleasableToAlliances.Append(form.LeadAlliance).Select(RecordCode.Normalise).OfType<string>().Distinct().ToList();
        var alliances = await db.Alliances.Where(a => acronyms.Contains(a.Acronym)).ToDictionaryAsync(a => a.Acronym, a => a.Id, cancellationToken);
        var errors = ExerciseRules.Check(form, nations.ContainsKey, alliances.ContainsKey, db.User);
        return FormCheck.Of<JointExercise>(errors, exercise => Apply(form, exercise, nations, alliances));
    }

    private static void Apply(ExerciseForm form, JointExercise exercise, Dictionary<string, int> nations, Dictionary<string, int> alliances)
    {
        exercise.Name = form.Name.Trim();
        exercise.SeriesName = FormRules.OrNull(form.SeriesName);
        exercise.Kind = form.Kind;
        exercise.HostNationId = nations[RecordCode.Normalise(form.HostNation)!];
        exercise.Location = FormRules.OrNull(form.Location);
        // A day typed in the editor is a known day: a date known only to the month (ADR 0007) becomes exact when changed.
        exercise.StartsOnPrecision = exercise.StartsOn == form.StartsOn ? exercise.StartsOnPrecision : DatePrecision.Day;
        exercise.EndsOnPrecision = exercise.EndsOn == form.EndsOn ? exercise.EndsOnPrecision : DatePrecision.Day;
        exercise.TrainingAreaId = form.TrainingAreaId;
        exercise.StartsOn = form.StartsOn!.Value;
        exercise.EndsOn = form.EndsOn!.Value;
        exercise.LeadNationId = RecordCode.Normalise(form.LeadNation) is { } lead ? nations[lead] : null;
        exercise.LeadAllianceId = RecordCode.Normalise(form.LeadAlliance) is { } alliance ? alliances[alliance] : null;
        exercise.Objectives = FormRules.OrNull(form.Objectives);
        exercise.Scenario = FormRules.OrNull(form.Scenario);
        exercise.Classification = form.Classification;
        exercise.ReleasableToNations = MarkingRules.Codes(form.ReleasableToNations);
        exercise.ReleasableToAlliances = MarkingRules.Codes(form.ReleasableToAlliances);

        var wanted = form.Participants.Select(p => (nations[RecordCode.Normalise(p.Nation)!], p)).ToList();
        OwnedRows.Sync(exercise.Participants, wanted, p => p.NationId, nationId => new ExerciseParticipant { NationId = nationId }, (participant, line) =>
        {
            participant.Role = line.Role;
            participant.Personnel = line.Personnel;
            participant.Units = line.Units;
            participant.Ships = line.Ships;
            participant.Aircraft = line.Aircraft;
        });
        var milestones = form.Milestones.Select(m => ((int)m.Kind, m)).ToList();
        OwnedRows.Sync(exercise.Milestones, milestones, m => (int)m.Kind, kind => new ExerciseMilestone { Kind = (MilestoneKind)kind }, (milestone, line) =>
        {
            milestone.PlannedOn = line.PlannedOn!.Value;
            milestone.CompletedOn = line.CompletedOn;
            milestone.Notes = FormRules.OrNull(line.Notes);
        });
    }

    protected override async Task<ExerciseForm?> ReadFormAsync(PortalDbContext db, int id, CancellationToken cancellationToken) =>
        await db.Exercises.AsNoTracking()
            .Where(e => e.Id == id)
            .Select(e => new ExerciseForm
            {
                Name = e.Name,
                SeriesName = e.SeriesName,
                Kind = e.Kind,
                Status = e.Status,
                StatusSetOn = e.StatusSetOn,
                HostNation = e.HostNation!.Code,
                Location = e.Location,
                TrainingAreaId = e.TrainingAreaId,
                StartsOn = e.StartsOn,
                EndsOn = e.EndsOn,
                LeadNation = e.LeadNation!.Code,
                LeadAlliance = e.LeadAlliance!.Acronym,
                Objectives = e.Objectives,
                Scenario = e.Scenario,
                Participants = e.Participants.OrderBy(p => p.Role).ThenBy(p => p.Nation!.Code)
                    .Select(p => new ExerciseParticipantForm
                    {
                        Nation = p.Nation!.Code,
                        Role = p.Role,
                        Personnel = p.Personnel,
                        Units = p.Units,
                        Ships = p.Ships,
                        Aircraft = p.Aircraft,
                    })
                    .ToList(),
                Milestones = e.Milestones.OrderBy(m => m.PlannedOn)
                    .Select(m => new ExerciseMilestoneForm { Kind = m.Kind, PlannedOn = m.PlannedOn, CompletedOn = m.CompletedOn, Notes = m.Notes })
                    .ToList(),
                LiaisonAttacheIds = e.Liaisons.Where(l => db.Attaches.Any(a => a.Id == l.AttacheId))
                    .OrderBy(l => l.Attache!.FullName).Select(l => l.AttacheId).ToList(),
                Classification = e.Classification,
                ReleasableToNations = e.ReleasableToNations,
                ReleasableToAlliances = e.ReleasableToAlliances,
                Version = e.Version,
            })
            .SingleOrDefaultAsync(cancellationToken);
}
