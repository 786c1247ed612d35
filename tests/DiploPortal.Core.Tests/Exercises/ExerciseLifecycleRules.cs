using DiploPortal.Core.Common;
using DiploPortal.Core.Exercises;

namespace DiploPortal.Core.Tests.Exercises;

/// <summary>The life cycle's rules, for every pair of statuses, without a database.</summary>
public class ExerciseLifecycleRules
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    public static TheoryData<ExerciseStatus, ExerciseStatus> EveryPair()
    {
        var data = new TheoryData<ExerciseStatus, ExerciseStatus>();
        foreach (var from in Enum.GetValues<ExerciseStatus>())
        {
            foreach (var to in Enum.GetValues<ExerciseStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    private static readonly HashSet<(ExerciseStatus, ExerciseStatus)> Steps =
    [
        (ExerciseStatus.Proposed, ExerciseStatus.Planning),
        (ExerciseStatus.Planning, ExerciseStatus.Approved),
        (ExerciseStatus.Approved, ExerciseStatus.InExecution),
        (ExerciseStatus.InExecution, ExerciseStatus.Completed),
        (ExerciseStatus.Proposed, ExerciseStatus.Cancelled),
        (ExerciseStatus.Planning, ExerciseStatus.Cancelled),
        (ExerciseStatus.Approved, ExerciseStatus.Cancelled),
        (ExerciseStatus.InExecution, ExerciseStatus.Cancelled),
    ];

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void AllowsExactlyTheStepsOfTheLifeCycleWhenTheDatesFit(ExerciseStatus from, ExerciseStatus to)
    {
        // An exercise that ran last month: every step's dates fit.
        var refusal = ExerciseLifecycle.Refusal(from, to, Today.AddDays(-40), Today.AddDays(-30), Today);

        Assert.Equal(Steps.Contains((from, to)), refusal is null);
        Assert.Equal(Steps.Contains((from, to)), ExerciseLifecycle.IsStep(from, to));
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void ExplainsEveryRefusalInWords(ExerciseStatus from, ExerciseStatus to)
    {
        var refusal = ExerciseLifecycle.Refusal(from, to, Today.AddDays(10), Today.AddDays(20), Today);

        if (refusal is not null)
        {
            Assert.EndsWith(".", refusal, StringComparison.Ordinal);
            Assert.DoesNotContain("InExecution", refusal, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RefusesToStartExecutionBeforeTheFirstDay()
    {
        Assert.Equal(
            "Execution starts on the first day, 16 June 2026, which is not reached yet.",
            ExerciseLifecycle.Refusal(ExerciseStatus.Approved, ExerciseStatus.InExecution, Today.AddDays(1), Today.AddDays(5), Today));
        Assert.Null(ExerciseLifecycle.Refusal(ExerciseStatus.Approved, ExerciseStatus.InExecution, Today, Today.AddDays(5), Today));
    }

    [Fact]
    public void RefusesToCompleteUntilTheLastDayIsPast()
    {
        Assert.Equal(
            "An exercise is completed once its last day, 15 June 2026, is past.",
            ExerciseLifecycle.Refusal(ExerciseStatus.InExecution, ExerciseStatus.Completed, Today.AddDays(-5), Today, Today));
        Assert.Null(ExerciseLifecycle.Refusal(ExerciseStatus.InExecution, ExerciseStatus.Completed, Today.AddDays(-5), Today.AddDays(-1), Today));
    }

    [Fact]
    public void SaysWhichStepComesNextWhenOneIsSkipped() =>
        Assert.Equal(
            "An exercise that is proposed cannot become approved: the next step is planning (or it may be cancelled).",
            ExerciseLifecycle.Refusal(ExerciseStatus.Proposed, ExerciseStatus.Approved, Today, Today, Today));

    [Fact]
    public void KeepsCompletedAndCancelledFinal()
    {
        Assert.Empty(ExerciseLifecycle.Next(ExerciseStatus.Completed));
        Assert.Empty(ExerciseLifecycle.Next(ExerciseStatus.Cancelled));
        Assert.Equal(
            "The exercise is cancelled: that is final, its status no longer changes.",
            ExerciseLifecycle.Refusal(ExerciseStatus.Cancelled, ExerciseStatus.Planning, Today, Today, Today));
    }

    [Fact]
    public void OffersTheNextStepAndCancellationWithTheirRefusals()
    {
        var actions = ExerciseLifecycle.Actions(ExerciseStatus.Approved, Today.AddDays(3), Today.AddDays(9), Today);

        Assert.Equal(["Start execution", "Cancel…"], actions.Select(a => a.Label));
        Assert.False(actions[0].IsAllowed);
        Assert.True(actions[1].IsAllowed);
    }

    [Fact]
    public void RequiresABoundedReasonToCancel()
    {
        var missing = new FieldErrors();
        ExerciseLifecycle.CheckReason(missing, ExerciseStatus.Cancelled, "  ");
        var nul = new FieldErrors();
        ExerciseLifecycle.CheckReason(nul, ExerciseStatus.Cancelled, "flood\0");
        var tooLong = new FieldErrors();
        ExerciseLifecycle.CheckReason(tooLong, ExerciseStatus.Planning, new string('x', ExerciseLifecycle.ReasonMaxLength + 1));
        var optional = new FieldErrors();
        ExerciseLifecycle.CheckReason(optional, ExerciseStatus.Planning, null);

        Assert.Equal(["Say why the exercise is cancelled."], missing.ToDictionary()["Reason"]);
        Assert.Equal([FormRules.NulMessage], nul.ToDictionary()["Reason"]);
        Assert.True(tooLong.Any);
        Assert.False(optional.Any);
    }

    [Fact]
    public void KeepsEditedDatesToTheStatus()
    {
        var errors = new FieldErrors();
        ExerciseLifecycle.CheckDates(errors, ExerciseStatus.InExecution, Today, Today.AddDays(1), Today.AddDays(3));
        ExerciseLifecycle.CheckDates(errors, ExerciseStatus.Completed, Today, Today.AddDays(-3), Today);
        var fine = new FieldErrors();
        ExerciseLifecycle.CheckDates(fine, ExerciseStatus.Planning, Today, Today.AddDays(100), Today.AddDays(110));

        Assert.Equal(["The exercise has been in execution since 15 June 2026: its first day cannot be later."], errors.ToDictionary()["StartsOn"]);
        Assert.Equal(["The exercise was completed on 15 June 2026: its last day must come before."], errors.ToDictionary()["EndsOn"]);
        Assert.False(fine.Any);
    }
}
