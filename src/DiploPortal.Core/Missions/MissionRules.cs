using DiploPortal.Core.Common;
using DiploPortal.Core.Security;

namespace DiploPortal.Core.Missions;

/// <summary>Every rule of a humanitarian mission a person can break, in words, by field; the database holds the same as constraints.</summary>
public static class MissionRules
{
    /// <summary>The largest amount of supplies the column holds (numeric(12, 2)).</summary>
    public const decimal MaxSuppliesTonnes = 9_999_999_999.99m;

    public static FieldErrors Check(MissionForm form, Func<string, bool> nationExists, Func<string, bool> allianceExists, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(nationExists);
        var errors = new FieldErrors();
        FormRules.Required(errors, nameof(form.Name), form.Name, MissionForm.NameMaxLength, "Give the mission a name.");
        FormRules.Length(errors, nameof(form.Summary), form.Summary, MissionForm.SummaryMaxLength);
        FormRules.Defined(errors, nameof(form.Kind), form.Kind);
        FormRules.Defined(errors, nameof(form.Crisis), form.Crisis);
        FormRules.NotNegative(errors, nameof(form.PeopleAssisted), form.PeopleAssisted, "People assisted");

        if (form.StartsOn is not { } start)
        {
            errors.Add(nameof(form.StartsOn), "Give the first day of the mission.");
        }
        else if (form.EndsOn is { } end && end < start)
        {
            errors.Add(nameof(form.EndsOn), "The last day comes before the first.");
        }

        if (RecordCode.Normalise(form.AffectedNation) is not { } affected)
        {
            errors.Add(nameof(form.AffectedNation), "Name the affected nation.");
        }
        else if (!nationExists(affected))
        {
            errors.Add(nameof(form.AffectedNation), $"There is no nation with the code {affected}.");
        }

        const string field = nameof(form.Contributions);
        var codes = FormRules.NationLines(errors, field, form.Contributions.Select(c => c.Nation), nationExists, "contribution");
        var named = codes.Zip(form.Contributions).Where(c => c.First is not null).Select(c => (Code: c.First!, Part: c.Second)).ToList();
        foreach (var (code, part) in named)
        {
            if (part.Personnel < 0 || part.Aircraft < 0 || part.Ships < 0 || part.MedicalTeams < 0 || part.SuppliesTonnes < 0)
            {
                errors.Add(field, $"{code}: amounts cannot be below zero.");
            }
            else if (part.SuppliesTonnes > MaxSuppliesTonnes)
            {
                errors.Add(field, $"{code}: supplies are recorded up to {MaxSuppliesTonnes:N2} tonnes.");
            }
        }

        MarkingRules.Check(errors, form.Classification, form.ReleasableToNations, form.ReleasableToAlliances, nationExists, allianceExists, user);
        return errors;
    }
}
