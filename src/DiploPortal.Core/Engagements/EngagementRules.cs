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
        FormRules.Required(errors, nameof(form.Title), form.Title, EngagementForm.TitleMaxLength, "Give the engagement a title.");
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

        // A blank code names no participant and is left out (unlike a contribution, there is no line to complete).
        var participants = form.Participants.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        if (participants.Count == 0)
        {
            errors.Add(nameof(form.Participants), "Name at least one participating nation.");
        }

        FormRules.NationLines(errors, nameof(form.Participants), participants, nationExists, "participant");

        MarkingRules.Check(errors, form.Classification, form.ReleasableToNations, form.ReleasableToAlliances, nationExists, allianceExists, user);
        return errors;
    }
}
