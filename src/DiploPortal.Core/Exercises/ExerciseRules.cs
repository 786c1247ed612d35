using DiploPortal.Core.Common;
using DiploPortal.Core.Security;

namespace DiploPortal.Core.Exercises;

/// <summary>
/// Every rule of a joint exercise a planner can break, in words, by field. The database enforces the
/// same rules as constraints (dates, one lead, forces not negative); these say what to change.
/// </summary>
public static class ExerciseRules
{
    public static FieldErrors Check(ExerciseForm form, Func<string, bool> nationExists, Func<string, bool> allianceExists, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(nationExists);
        ArgumentNullException.ThrowIfNull(allianceExists);
        var errors = new FieldErrors();
        FormRules.Required(errors, nameof(form.Name), form.Name, ExerciseForm.NameMaxLength, "Give the exercise a name.");
        FormRules.Length(errors, nameof(form.SeriesName), form.SeriesName, ExerciseForm.SeriesMaxLength);
        FormRules.Length(errors, nameof(form.Location), form.Location, ExerciseForm.LocationMaxLength);
        FormRules.Length(errors, nameof(form.Objectives), form.Objectives, ExerciseForm.TextMaxLength);
        FormRules.Length(errors, nameof(form.Scenario), form.Scenario, ExerciseForm.TextMaxLength);
        FormRules.Defined(errors, nameof(form.Kind), form.Kind);
        FormRules.Defined(errors, nameof(form.Status), form.Status);

        if (form.StartsOn is null)
        {
            errors.Add(nameof(form.StartsOn), "Give the first day of the exercise.");
        }

        if (form.EndsOn is not { } end)
        {
            errors.Add(nameof(form.EndsOn), "Give the last day of the exercise.");
        }
        else if (form.StartsOn is { } start && end < start)
        {
            errors.Add(nameof(form.EndsOn), "The last day comes before the first.");
        }

        var host = RecordCode.Normalise(form.HostNation);
        if (host is null)
        {
            errors.Add(nameof(form.HostNation), "Name the host nation.");
        }
        else if (!nationExists(host))
        {
            errors.Add(nameof(form.HostNation), $"There is no nation with the code {host}.");
        }

        var leadNation = RecordCode.Normalise(form.LeadNation);
        var leadAlliance = RecordCode.Normalise(form.LeadAlliance);
        if (leadNation is not null && leadAlliance is not null)
        {
            errors.Add(nameof(form.LeadAlliance), "Name a lead nation or a lead alliance, not both.");
        }

        if (leadNation is not null && !nationExists(leadNation))
        {
            errors.Add(nameof(form.LeadNation), $"There is no nation with the code {leadNation}.");
        }

        if (leadAlliance is not null && !allianceExists(leadAlliance))
        {
            errors.Add(nameof(form.LeadAlliance), $"There is no alliance {leadAlliance}.");
        }

        CheckParticipants(errors, form, host, nationExists);
        ExerciseLifecycle.CheckDates(errors, form.Status, form.StatusSetOn, form.StartsOn, form.EndsOn);
        CheckMilestones(errors, form);
        MarkingRules.Check(errors, form.Classification, form.ReleasableToNations, form.ReleasableToAlliances, nationExists, allianceExists, user);
        return errors;
    }

    private static void CheckMilestones(FieldErrors errors, ExerciseForm form)
    {
        const string field = nameof(form.Milestones);
        for (var i = 0; i < form.Milestones.Count; i++)
        {
            var milestone = form.Milestones[i];
            FormRules.Defined(errors, field, milestone.Kind);
            if (milestone.PlannedOn is null)
            {
                errors.Add(field, $"Milestone {i + 1}: give the planned day.");
            }

            FormRules.Length(errors, field, milestone.Notes, ExerciseMilestoneForm.NotesMaxLength);
        }

        foreach (var twice in form.Milestones.Select((m, i) => (m.Kind, Number: i + 1)).GroupBy(m => m.Kind).Where(g => g.Count() > 1))
        {
            errors.Add(field, $"Milestones {string.Join(" and ", twice.Select(m => m.Number))} are of the same kind: keep one of each kind.");
        }
    }

    private static void CheckParticipants(FieldErrors errors, ExerciseForm form, string? host, Func<string, bool> nationExists)
    {
        const string field = nameof(form.Participants);
        var codes = FormRules.NationLines(errors, field, form.Participants.Select(p => p.Nation), nationExists, "participant");
        var named = codes.Zip(form.Participants).Where(p => p.First is not null).Select(p => (Code: p.First!, Part: p.Second)).ToList();
        if (named.Select(p => p.Code).Distinct().Count() < 2)
        {
            errors.Add(field, "A joint exercise has at least two nations taking part, the host included.");
        }

        foreach (var (code, part) in named)
        {
            if (!Enum.IsDefined(part.Role))
            {
                errors.Add(field, $"{code}: choose one of: {string.Join(", ", Enum.GetNames<ExerciseRole>())}.");
            }

            if (part.Personnel < 0 || part.Units < 0 || part.Ships < 0 || part.Aircraft < 0)
            {
                errors.Add(field, $"{code}: forces cannot be below zero.");
            }

            if (part.Role == ExerciseRole.Host && code != host)
            {
                errors.Add(field, $"{code} is not the host nation; only the host takes the role Host.");
            }
        }

        if (host is not null && !named.Any(p => p.Code == host && p.Part.Role == ExerciseRole.Host))
        {
            errors.Add(field, $"The host nation, {host}, takes part with the role Host: add it, or change its role.");
        }
    }
}
