using DiploPortal.Core.Exercises.Deconfliction;
using DiploPortal.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiploPortal.Web.Api;

/// <summary>An exercise a conflict involves.</summary>
public sealed record ConflictExerciseDto(int Id, string Name);

/// <summary>One conflict: its kind, severity (Hard blocks a save, Warning can be overridden with a reason), message, exercises and nations.</summary>
public sealed record ExerciseConflictDto(ConflictKind Kind, ConflictSeverity Severity, string Message, IReadOnlyList<ConflictExerciseDto> Exercises, IReadOnlyList<string> Nations);

/// <summary>
/// The deconfliction conflicts of a period, for planners (PlanExercises: it is a planning tool, and it names
/// other planners' exercises); only the records the caller may see are compared, named or counted.
/// </summary>
public static class ExerciseConflictApi
{
    public static RouteGroupBuilder MapExerciseConflictApi(this RouteGroupBuilder api)
    {
        api.MapGet("/exercises/conflicts", ListAsync)
            .RequireAuthorization(PortalPolicies.PlanExercises)
            .WithName("ListExerciseConflicts")
            .WithSummary("The deconfliction conflicts of the exercises with at least one day from 'from' to 'to' (yyyy-MM-dd, at most 366 days), each listed once; only records the caller may see count. Planners only.")
            .WithTags("Exercises")
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<ExerciseConflictDto>>, ValidationProblem>> ListAsync(
        DateOnly? from, DateOnly? to, ExerciseDeconfliction deconfliction, CancellationToken cancellationToken)
    {
        if (from is not { } first || to is not { } last)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["Give both 'from' and 'to' as yyyy-MM-dd."] });
        }

        if (last < first || last.DayNumber - first.DayNumber >= ExerciseDeconfliction.MaxPeriodDays)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = [$"Give a 'to' on or after 'from', at most {ExerciseDeconfliction.MaxPeriodDays} days on."] });
        }

        var conflicts = await deconfliction.InPeriodAsync(first, last, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ExerciseConflictDto>>(conflicts
            .Select(c => new ExerciseConflictDto(c.Kind, c.Severity, c.Message, c.Exercises.Select(e => new ConflictExerciseDto(e.Id, e.Name)).ToList(), c.NationCodes))
            .ToList());
    }
}
