using DiploPortal.Core.Common;
using DiploPortal.Core.Exercises;
using DiploPortal.Core.Exercises.History;

namespace DiploPortal.Core.Tests.Exercises.History;

/// <summary>How one row of the data set becomes an exercise: plain rules, no database.</summary>
public class MmeRowRules
{
    private const string Header =
        "MMEID,Ex_Name,Series_Name,Location,s.year,s.month,s.day,e.year,e.month,e.day,CPX,Air,Land,Sea,Amphibious,Cyber,Warfighting,Peacekeeping,Humanitarian,FocusDescription,AdditionalParticipantInfo,StateA,StateB,StateC,StateD";

    private static readonly HashSet<string> Nations = ["USA", "GBR", "NLD", "DEU", "DDDE", "SUHH", "RUS", "TUR", "EGY", "KNA"];

    private static readonly Dictionary<string, string> NationNames = new(StringComparer.Ordinal)
    {
        ["turkey"] = "TUR",
        ["egypt"] = "EGY",
    };

    private static MmeReading Read(params string[] rows) =>
        MmeReader.Read(new StringReader(string.Join('\n', [Header, .. rows])), MmeMapping.Shipped(), Nations, new HashSet<string> { "NATO" }, NationNames);

    private static string Row(
        string id = "mme1", string name = "Readex 1-80", string series = "Readex", string location = "Vieques", string start = "1980,1,14", string end = "1980,1,21",
        string flags = "0,0,0,1,1,0,1,0,0", string states = "Netherlands,United Kingdom,United States,") =>
        $"{id},{name},{series},\"{location}\",{start},{end},{flags},realistic war-at-sea scenario,,{states}";

    [Fact]
    public void AKnownDayIsKeptAsADay()
    {
        var exercise = Assert.Single(Read(Row()).Exercises);

        Assert.Equal((new DateOnly(1980, 1, 14), DatePrecision.Day), (exercise.StartsOn, exercise.StartsOnPrecision));
        Assert.Equal((new DateOnly(1980, 1, 21), DatePrecision.Day), (exercise.EndsOn, exercise.EndsOnPrecision));
    }

    [Fact]
    public void AnUnknownDayIsNotInventedTheMonthIsStoredAsItsWholeSpan()
    {
        var exercise = Assert.Single(Read(Row(start: "1980,5,xx", end: "1980,5,xx")).Exercises);

        Assert.Equal((new DateOnly(1980, 5, 1), DatePrecision.Month), (exercise.StartsOn, exercise.StartsOnPrecision));
        Assert.Equal((new DateOnly(1980, 5, 31), DatePrecision.Month), (exercise.EndsOn, exercise.EndsOnPrecision));
    }

    [Fact]
    public void AnEndBeforeItsStartIsTakenAsTheStartAndSaid()
    {
        var reading = Read(Row(start: "1982,11,11", end: "1982,11,10"));

        var exercise = Assert.Single(reading.Exercises);
        Assert.Equal(exercise.StartsOn, exercise.EndsOn);
        Assert.Contains(reading.Notes, n => n.Row == 2 && n.Column == "EndDate" && n.Reason.Contains("before the start", StringComparison.Ordinal));
    }

    [Fact]
    public void NatoIsRecordedAsTheAllianceInvolvedNeverAsItsMembers()
    {
        var exercise = Assert.Single(Read(Row(states: "NATO,Turkey,United States,")).Exercises);

        Assert.Equal("NATO", exercise.Alliance);
        Assert.Equal(["TUR", "USA"], exercise.Participants.Select(p => p.Code));
    }

    [Fact]
    public void FormerStatesFollowTheExercisesDate()
    {
        var exercise = Assert.Single(Read(Row(states: "Federal Republic of Germany,German Democratic Republic,Russia,")).Exercises);

        Assert.Equal(["DEU", "DDDE", "SUHH"], exercise.Participants.Select(p => p.Code));
    }

    [Fact]
    public void ANameMissingFromTheMappingFileIsAProblemWithItsRowAndColumn()
    {
        var reading = Read(Row(), Row(id: "mme2", states: "Atlantis,United States,,"));

        var problem = Assert.Single(reading.Problems);
        Assert.Equal((3, "StateA"), (problem.Row, problem.Column));
        Assert.Contains("'Atlantis' is not in the mapping file", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void UnmappableAndMissingNamesAreReportedNotDropped()
    {
        var reading = Read(Row(states: "-9,Baltic States,United States,"));

        Assert.Equal(["USA"], Assert.Single(reading.Exercises).Participants.Select(p => p.Code));
        Assert.Contains(reading.Notes, n => n.Column == "StateB" && n.Reason.Contains("'Baltic States' cannot be mapped", StringComparison.Ordinal));
        Assert.Contains(reading.Notes, n => n.Reason.Contains("One participant is missing (-9)", StringComparison.Ordinal));
    }

    [Fact]
    public void AnIdentifierUsedTwiceGivesTwoExercisesWithTheirOwnKeysAndIsSaid()
    {
        var reading = Read(Row(id: "mme3460"), Row(id: "mme3460", name: "-9"));

        Assert.Equal(["mme:mme3460", "mme:mme3460#2"], reading.Exercises.Select(e => e.SourceKey));
        Assert.Equal("Unnamed exercise (MMEID mme3460)", reading.Exercises[1].Name);
        Assert.Contains(reading.Notes, n => n.Row == 3 && n.Reason.Contains("used again (first on row 2)", StringComparison.Ordinal));
    }

    [Fact]
    public void TheLocationsNationHostsWhenItTakesPartElseTheFirstParticipantStandsInAsHost()
    {
        var inTurkey = Assert.Single(Read(Row(location: "Izmir, Turkey", states: "Turkey,United States,,")).Exercises);
        var atSea = Assert.Single(Read(Row(location: "Mediterranean Sea", states: "Turkey,United States,,")).Exercises);

        Assert.Equal("TUR", inTurkey.HostCode);
        Assert.Equal([ExerciseRole.Host, ExerciseRole.Participant], inTurkey.Participants.Select(p => p.Role));
        Assert.Equal("TUR", atSea.HostCode);
        Assert.All(atSea.Participants, p => Assert.Equal(ExerciseRole.Participant, p.Role));
    }

    [Fact]
    public void ARowNamingNoNationIsSkippedAndSaidButALocationCanName()
    {
        var reading = Read(Row(location: "Arabian Sea", states: "-9,,,"), Row(id: "mme2", location: "Egypt", states: "-9,,,"));

        Assert.Equal(1, reading.Skipped);
        Assert.Contains(reading.Notes, n => n.Row == 2 && n.Reason.StartsWith("Not imported", StringComparison.Ordinal));
        var exercise = Assert.Single(reading.Exercises);
        Assert.Equal(("EGY", 0), (exercise.HostCode, exercise.Participants.Count));
    }

    [Theory]
    [InlineData("0,0,0,1,1,0,1,0,0", ExerciseKind.Amphibious)]
    [InlineData("1,1,0,1,0,0,0,0,0", ExerciseKind.CommandPost)]
    [InlineData("0,1,0,1,0,0,0,0,0", ExerciseKind.Naval)]
    [InlineData("0,1,1,0,0,0,0,0,0", ExerciseKind.Air)]
    [InlineData("0,0,1,0,0,0,0,1,1", ExerciseKind.Humanitarian)]
    [InlineData("0,0,0,0,0,0,1,0,0", ExerciseKind.Field)]
    public void OnePrimaryKindTheMostSpecificFlagFirstAndAllFlagsKeptInTheScenario(string flags, ExerciseKind kind)
    {
        var exercise = Assert.Single(Read(Row(flags: flags)).Exercises);

        Assert.Equal(kind, exercise.Kind);
        Assert.StartsWith("Marked in the data set as:", exercise.Scenario, StringComparison.Ordinal);
    }

    [Fact]
    public void ANameThatMeansTheSameNationTwiceIsRecordedOnce()
    {
        var reading = Read(Row(states: "st. christopher,St. Kitts & Nevis,United States,"));

        Assert.Equal(["KNA", "USA"], Assert.Single(reading.Exercises).Participants.Select(p => p.Code));
        Assert.Contains(reading.Notes, n => n.Reason.Contains("named twice", StringComparison.Ordinal));
    }
}
