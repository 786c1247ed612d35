using DiploPortal.Core.Common;
using DiploPortal.Core.Security;

namespace DiploPortal.Core.Engagements;

/// <summary>
/// Every rule of an engagement a person can break, in words, by field: one set of rules for the
/// editor and the import. The database enforces the same rules as constraints; these say what to change.
/// </summary>
public static class EngagementRules
{
    public static FieldErrors Check(EngagementForm form, Func<string, bool> nationExists, Func<string, bool> allianceExists, CurrentUser user, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(nationExists);
        ArgumentNullException.ThrowIfNull(allianceExists);
        ArgumentNullException.ThrowIfNull(user);
        var errors = new FieldErrors();
        var title = form.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            errors.Add(nameof(form.Title), "Give the engagement a title.");
        }
        else if (title.Length > EngagementForm.TitleMaxLength)
        {
            errors.Add(nameof(form.Title), $"Keep the title to {EngagementForm.TitleMaxLength} characters; it has {title.Length}.");
        }

        FormRules.Defined(errors, nameof(form.Kind), form.Kind);
        FormRules.Defined(errors, nameof(form.Channel), form.Channel);
        FormRules.Defined(errors, nameof(form.Outcome), form.Outcome);

        if (form.OccurredOn is not { } day)
        {
            errors.Add(nameof(form.OccurredOn), "Give the day of the engagement.");
        }
        else if (day > today && form.Outcome != EngagementOutcome.Pending)
        {
            errors.Add(nameof(form.Outcome), "An engagement that has not happened yet can only be pending.");
        }

        FormRules.Length(errors, nameof(form.Location), form.Location, EngagementForm.LocationMaxLength);
        FormRules.Length(errors, nameof(form.Summary), form.Summary, EngagementForm.SummaryMaxLength);
        FormRules.Length(errors, nameof(form.OutcomeNotes), form.OutcomeNotes, EngagementForm.OutcomeNotesMaxLength);

        FormRules.KnownNation(errors, nameof(form.HostNation), form.HostNation, nationExists);

        var participants = form.Participants.Select(RecordCode.Normalise).OfType<string>().ToList();
        if (participants.Count == 0)
        {
            errors.Add(nameof(form.Participants), "Name at least one participating nation.");
        }

        foreach (var unknown in participants.Where(p => !nationExists(p)).Distinct())
        {
            errors.Add(nameof(form.Participants), $"There is no nation with the code {unknown}.");
        }

        foreach (var twice in participants.GroupBy(p => p).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            errors.Add(nameof(form.Participants), $"{twice} is named twice.");
        }

        MarkingRules.Check(errors, form.Classification, form.ReleasableToNations, form.ReleasableToAlliances, nationExists, allianceExists, user);
        return errors;
    }
}
