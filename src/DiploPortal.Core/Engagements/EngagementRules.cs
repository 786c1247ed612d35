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

        CheckEnum(errors, nameof(form.Kind), form.Kind);
        CheckEnum(errors, nameof(form.Channel), form.Channel);
        CheckEnum(errors, nameof(form.Outcome), form.Outcome);
        CheckEnum(errors, nameof(form.Classification), form.Classification);

        if (form.OccurredOn is not { } day)
        {
            errors.Add(nameof(form.OccurredOn), "Give the day of the engagement.");
        }
        else if (day > today && form.Outcome != EngagementOutcome.Pending)
        {
            errors.Add(nameof(form.Outcome), "An engagement that has not happened yet can only be pending.");
        }

        CheckLength(errors, nameof(form.Location), form.Location, EngagementForm.LocationMaxLength);
        CheckLength(errors, nameof(form.Summary), form.Summary, EngagementForm.SummaryMaxLength);
        CheckLength(errors, nameof(form.OutcomeNotes), form.OutcomeNotes, EngagementForm.OutcomeNotesMaxLength);

        if (RecordCode.Normalise(form.HostNation) is { } host && !nationExists(host))
        {
            errors.Add(nameof(form.HostNation), $"There is no nation with the code {host}.");
        }

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

        foreach (var unknown in form.ReleasableToNations.Select(RecordCode.Normalise).OfType<string>().Where(c => !nationExists(c)).Distinct())
        {
            errors.Add(nameof(form.ReleasableToNations), $"There is no nation with the code {unknown}.");
        }

        foreach (var unknown in form.ReleasableToAlliances.Select(RecordCode.Normalise).OfType<string>().Where(a => !allianceExists(a)).Distinct())
        {
            errors.Add(nameof(form.ReleasableToAlliances), $"There is no alliance {unknown}.");
        }

        if (!user.IsSystem && form.Classification > user.Clearance)
        {
            errors.Add(nameof(form.Classification), $"You are cleared to {user.Clearance} and cannot mark a record {form.Classification}.");
        }

        return errors;
    }

    private static void CheckEnum<TEnum>(FieldErrors errors, string field, TEnum value)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            errors.Add(field, $"Choose one of: {string.Join(", ", Enum.GetNames<TEnum>())}.");
        }
    }

    private static void CheckLength(FieldErrors errors, string field, string? value, int max)
    {
        if (value?.Trim().Length is { } length && length > max)
        {
            errors.Add(field, $"Keep this to {max} characters; it has {length}.");
        }
    }
}
