namespace DiploPortal.Core.Exercises;

/// <summary>
/// The SQL that keeps an exercise's status to its life cycle in the database (the EF model cannot say it): a trigger
/// that refuses an update of <c>exercises.status</c> to a status the life cycle does not lead to
/// (<see cref="ExerciseLifecycle.Allowed"/>, the same list). Inserts may take any status, so that an import can
/// record a past exercise as Completed; the checks on <c>status_set_on</c> hold it to its dates. The error names
/// <see cref="TransitionTrigger"/> as its constraint, so a test (and the portal) can tell it apart.
/// A migration runs <see cref="Up"/>, and <see cref="Down"/> to undo it.
/// </summary>
public static class LifecycleSql
{
    public const string TransitionTrigger = "tr_exercises_status_transition";

    public const string Up = """
        CREATE OR REPLACE FUNCTION exercises_status_transition() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.status IS DISTINCT FROM OLD.status AND (OLD.status, NEW.status) NOT IN (
                ('Proposed', 'Planning'),
                ('Planning', 'Approved'),
                ('Approved', 'InExecution'),
                ('InExecution', 'Completed'),
                ('Proposed', 'Cancelled'),
                ('Planning', 'Cancelled'),
                ('Approved', 'Cancelled'),
                ('InExecution', 'Cancelled')) THEN
                RAISE EXCEPTION 'An exercise cannot go from % to %', OLD.status, NEW.status
                    USING ERRCODE = 'check_violation', CONSTRAINT = 'tr_exercises_status_transition', TABLE = 'exercises';
            END IF;
            RETURN NEW;
        END;
        $$;
        CREATE TRIGGER tr_exercises_status_transition
            BEFORE UPDATE OF status ON exercises
            FOR EACH ROW EXECUTE FUNCTION exercises_status_transition();
        """;

    public const string Down = """
        DROP TRIGGER IF EXISTS tr_exercises_status_transition ON exercises;
        DROP FUNCTION IF EXISTS exercises_status_transition();
        """;
}
