using DiploPortal.Core.Common;
using DiploPortal.Core.Exercises;

namespace DiploPortal.Core.Tests.Exercises;

/// <summary>The rules of an after-action observation, without a database.</summary>
public class AfterActionRules
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    [Theory]
    [InlineData(ExerciseStatus.InExecution, "2025-07-01", true)]
    [InlineData(ExerciseStatus.Completed, "2025-07-01", true)]
    [InlineData(ExerciseStatus.Approved, "2025-06-01", true)]
    [InlineData(ExerciseStatus.Planning, "2025-05-01", true)]
    [InlineData(ExerciseStatus.Approved, "2025-06-02", false)]
    [InlineData(ExerciseStatus.Proposed, "2025-07-01", false)]
    [InlineData(ExerciseStatus.Cancelled, "2025-05-01", false)]
    public void RecordsAfterExecutionOnly(ExerciseStatus status, string startsOn, bool allowed) =>
        Assert.Equal(allowed, ObservationRules.IsAfterExecution(new ObservedExercise(status, DateOnly.Parse(startsOn, System.Globalization.CultureInfo.InvariantCulture)), Today));

    [Fact]
    public void AcceptsAnObservationOfACompletedExercise() =>
        Assert.False(ObservationRules.Check(ValidForm(), Completed, Today).Any);

    [Fact]
    public void WantsAnObservationAndADay()
    {
        var form = ValidForm();
        form.Observation = "  ";
        form.RecordedOn = null;

        var errors = ObservationRules.Check(form, Completed, Today).ToDictionary();

        Assert.Equal(["Observation", "RecordedOn"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Say what was observed."], errors["Observation"]);
        Assert.Equal(["Give the day the observation was recorded."], errors["RecordedOn"]);
    }

    [Fact]
    public void BoundsEveryTextAndRefusesNul()
    {
        var form = ValidForm();
        form.Observation = new string('o', ObservationForm.TextMaxLength + 1);
        form.Lesson = "a\0b";
        form.Recommendation = new string('r', ObservationForm.TextMaxLength + 1);

        var errors = ObservationRules.Check(form, Completed, Today).ToDictionary();

        Assert.Equal([$"Keep this to {ObservationForm.TextMaxLength} characters; it has {ObservationForm.TextMaxLength + 1}."], errors["Observation"]);
        Assert.Equal([FormRules.NulMessage], errors["Lesson"]);
        Assert.Equal([$"Keep this to {ObservationForm.TextMaxLength} characters; it has {ObservationForm.TextMaxLength + 1}."], errors["Recommendation"]);
    }

    [Fact]
    public void DatesItBetweenTheFirstDayAndToday()
    {
        var early = ValidForm();
        early.RecordedOn = new DateOnly(2025, 3, 2);
        var late = ValidForm();
        late.RecordedOn = Today.AddDays(1);

        Assert.Equal(["This day comes before the exercise's first day."], ObservationRules.Check(early, Completed, Today).ToDictionary()["RecordedOn"]);
        Assert.Equal(["This day has not come yet."], ObservationRules.Check(late, Completed, Today).ToDictionary()["RecordedOn"]);
    }

    [Fact]
    public void RefusesAnExerciseThatHasNotStartedOrWasCancelled()
    {
        var form = ValidForm();

        Assert.Equal(["Observations are recorded once the exercise has started."],
            ObservationRules.Check(form, new ObservedExercise(ExerciseStatus.Approved, Today.AddDays(10)), Today).ToDictionary()[SaveOutcome.RecordField]);
        Assert.Equal(["The exercise was cancelled: it has no after action to record."],
            ObservationRules.Check(form, new ObservedExercise(ExerciseStatus.Cancelled, new DateOnly(2025, 3, 3)), Today).ToDictionary()[SaveOutcome.RecordField]);
    }

    [Fact]
    public void SaysSoWhenTheExerciseCannotBeSeen() =>
        Assert.Equal(["The exercise does not exist, or you may not see it."], ObservationRules.Check(ValidForm(), null, Today).ToDictionary()[SaveOutcome.RecordField]);

    private static readonly ObservedExercise Completed = new(ExerciseStatus.Completed, new DateOnly(2025, 3, 3));

    private static ObservationForm ValidForm() => new()
    {
        ExerciseId = 1,
        Observation = "Liaison officers shortened decision cycles",
        Lesson = "Embed liaison officers early",
        Recommendation = "Invite them to the main planning conference",
        RecordedOn = new DateOnly(2025, 3, 20),
    };
}
