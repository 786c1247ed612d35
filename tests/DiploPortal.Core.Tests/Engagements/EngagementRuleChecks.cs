using DiploPortal.Core.Common;
using DiploPortal.Core.Engagements;
using DiploPortal.Core.Security;

namespace DiploPortal.Core.Tests.Engagements;

/// <summary>
/// An engagement's title and participants are checked by the rules every record form shares (FormRules), with the
/// engagement's own words where it has them; plain rules, no database.
/// </summary>
public class EngagementRuleChecks
{
    private static readonly DateOnly Today = new(2026, 12, 3);
    private static readonly CurrentUser Staff = new("staff", Classification.Secret, "GBR", []);
    private static readonly HashSet<string> Nations = ["GBR", "FRA", "DEU"];

    private static EngagementForm Valid() => new()
    {
        Title = "Staff talks",
        Kind = EngagementKind.StaffTalks,
        Channel = CommunicationChannel.FaceToFace,
        OccurredOn = new DateOnly(2026, 11, 3),
        Outcome = EngagementOutcome.Positive,
        Participants = ["GBR", "FRA"],
        Classification = Classification.Restricted,
    };

    private static IReadOnlyDictionary<string, string[]> Check(EngagementForm form) =>
        EngagementRules.Check(form, Nations.Contains, _ => true, Staff, Today).ToDictionary();

    [Fact]
    public void AcceptsAFormThatKeepsEveryRule() => Assert.Empty(Check(Valid()));

    [Fact]
    public void AsksForATitleAndKeepsItWithinItsLength()
    {
        var blank = Valid();
        blank.Title = "   ";
        var overlong = Valid();
        overlong.Title = new string('t', EngagementForm.TitleMaxLength + 1);
        var withNul = Valid();
        withNul.Title = "Staff\0talks";

        Assert.Equal(["Give the engagement a title."], Check(blank)["Title"]);
        Assert.Equal(["Keep this to 200 characters; it has 201."], Check(overlong)["Title"]);
        Assert.Equal([FormRules.NulMessage], Check(withNul)["Title"]);
    }

    [Fact]
    public void NamesEachParticipantOnceAndOnlyNationsThatExist()
    {
        var form = Valid();
        form.Participants = ["FRA", "zzz", "fra", " "];

        Assert.Equal(["There is no nation with the code ZZZ.", "FRA is named twice."], Check(form)["Participants"]);
    }

    [Fact]
    public void AsksForAtLeastOneParticipantAndIgnoresBlankCodes()
    {
        var form = Valid();
        form.Participants = ["", " "];

        Assert.Equal(["Name at least one participating nation."], Check(form)["Participants"]);
    }
}
