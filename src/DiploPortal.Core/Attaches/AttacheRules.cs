using DiploPortal.Core.Common;
using DiploPortal.Core.Security;

namespace DiploPortal.Core.Attaches;

/// <summary>
/// Every rule of an attaché or a report a person can break, in words, by field. The database holds the
/// same rules as constraints (posting dates, two different nations, non-blank names); these say what to change.
/// </summary>
public static class AttacheRules
{
    public static FieldErrors Check(AttacheForm form, Func<string, bool> nationExists, Func<string, bool> allianceExists, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(nationExists);
        var errors = new FieldErrors();
        FormRules.Required(errors, nameof(form.FullName), form.FullName, AttacheForm.FullNameMaxLength, "Give the attaché's full name.");
        FormRules.Required(errors, nameof(form.Rank), form.Rank, AttacheForm.RankMaxLength, "Give the attaché's rank.");
        FormRules.Defined(errors, nameof(form.Service), form.Service);
        FormRules.Defined(errors, nameof(form.Post), form.Post);

        var sending = RecordCode.Normalise(form.SendingNation);
        var host = RecordCode.Normalise(form.HostNation);
        if (sending is null)
        {
            errors.Add(nameof(form.SendingNation), "Name the nation that sent the attaché.");
        }

        if (host is null)
        {
            errors.Add(nameof(form.HostNation), "Name the nation the attaché is posted to.");
        }

        FormRules.KnownNation(errors, nameof(form.SendingNation), sending, nationExists);
        FormRules.KnownNation(errors, nameof(form.HostNation), host, nationExists);
        if (sending is not null && sending == host)
        {
            errors.Add(nameof(form.HostNation), "An attaché is posted to another nation than the one that sent them.");
        }

        if (form.PostedFrom is not { } from)
        {
            errors.Add(nameof(form.PostedFrom), "Give the day the posting began.");
        }
        else if (form.PostedUntil is { } until && until < from)
        {
            errors.Add(nameof(form.PostedUntil), "The posting cannot end before it began.");
        }

        MarkingRules.Check(errors, form.Classification, form.ReleasableToNations, form.ReleasableToAlliances, nationExists, allianceExists, user);
        return errors;
    }

    /// <summary>
    /// The rules of a report; <paramref name="postingBegan"/> is the day the reporting attaché's posting began,
    /// null when there is no such attaché the user may see.
    /// </summary>
    public static FieldErrors Check(AttacheReportForm form, DateOnly? postingBegan, Func<string, bool> nationExists, Func<string, bool> allianceExists, CurrentUser user, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new FieldErrors();
        if (postingBegan is null)
        {
            errors.Add(nameof(form.AttacheId), "There is no such attaché.");
        }

        FormRules.Required(errors, nameof(form.Title), form.Title, AttacheReportForm.TitleMaxLength, "Give the report a title.");
        FormRules.Required(errors, nameof(form.Body), form.Body, AttacheReportForm.BodyMaxLength, "Write what the report says.");
        FormRules.Defined(errors, nameof(form.Kind), form.Kind);
        if (form.FiledOn is not { } filed)
        {
            errors.Add(nameof(form.FiledOn), "Give the day the report was filed.");
        }
        else if (filed > today)
        {
            errors.Add(nameof(form.FiledOn), "A report cannot be filed in the future.");
        }
        else if (postingBegan is { } began && filed < began)
        {
            errors.Add(nameof(form.FiledOn), $"The attaché's posting began on {began.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}; a report cannot be filed before that.");
        }

        MarkingRules.Check(errors, form.Classification, form.ReleasableToNations, form.ReleasableToAlliances, nationExists, allianceExists, user);
        return errors;
    }
}
