using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiploPortal.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class NationStoryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_missions_affected_nation_id",
                table: "missions");

            migrationBuilder.DropIndex(
                name: "ix_exercises_host_nation_id",
                table: "exercises");

            migrationBuilder.DropIndex(
                name: "ix_exercises_lead_nation_id",
                table: "exercises");

            migrationBuilder.DropIndex(
                name: "ix_engagements_host_nation_id",
                table: "engagements");

            migrationBuilder.DropIndex(
                name: "ix_attaches_host_nation_id",
                table: "attaches");

            migrationBuilder.DropIndex(
                name: "ix_attaches_sending_nation_id",
                table: "attaches");

            migrationBuilder.AddColumn<DateOnly>(
                name: "starts_on",
                table: "mission_contributions",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "starts_on",
                table: "exercise_participants",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "occurred_on",
                table: "engagement_participants",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // Each link row's copy of its record's day: filled for the rows there are, then kept by triggers
            // (below), so the default is only a placeholder for the existing rows.
            foreach (var copy in DayCopies)
            {
                migrationBuilder.Sql($"""
                    UPDATE {copy.Table} c SET {copy.Day} = r.{copy.Day} FROM {copy.Parent} r WHERE r.id = c.{copy.ParentKey};
                    ALTER TABLE {copy.Table} ALTER COLUMN {copy.Day} DROP DEFAULT;
                    """);
            }

            migrationBuilder.CreateIndex(
                name: "ix_missions_affected_nation_id_starts_on_id",
                table: "missions",
                columns: new[] { "affected_nation_id", "starts_on", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_mission_contributions_nation_id_starts_on_mission_id",
                table: "mission_contributions",
                columns: new[] { "nation_id", "starts_on", "mission_id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_exercises_host_nation_id_starts_on_id",
                table: "exercises",
                columns: new[] { "host_nation_id", "starts_on", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_exercises_lead_nation_id_starts_on_id",
                table: "exercises",
                columns: new[] { "lead_nation_id", "starts_on", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_exercise_participants_nation_id_starts_on_exercise_id",
                table: "exercise_participants",
                columns: new[] { "nation_id", "starts_on", "exercise_id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_engagements_host_nation_id_occurred_on_id",
                table: "engagements",
                columns: new[] { "host_nation_id", "occurred_on", "id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_engagement_participants_nation_id_occurred_on_engagement_id",
                table: "engagement_participants",
                columns: new[] { "nation_id", "occurred_on", "engagement_id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_attaches_host_nation_id_posted_from_id",
                table: "attaches",
                columns: new[] { "host_nation_id", "posted_from", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_attaches_sending_nation_id_posted_from_id",
                table: "attaches",
                columns: new[] { "sending_nation_id", "posted_from", "id" });

            // A link row takes its record's day when it is inserted without one (EF Core never writes it; a
            // bulk loader that knows the day, the demo generator, writes it and spares the look-up), and
            // follows the record when the day changes.
            foreach (var copy in DayCopies)
            {
                migrationBuilder.Sql($"""
                    CREATE FUNCTION {copy.Table}_copy_day() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        SELECT {copy.Day} INTO NEW.{copy.Day} FROM {copy.Parent} WHERE id = NEW.{copy.ParentKey};
                        RETURN NEW;
                    END
                    $$;
                    CREATE TRIGGER {copy.Table}_copy_day BEFORE INSERT ON {copy.Table}
                        FOR EACH ROW WHEN (NEW.{copy.Day} IS NULL) EXECUTE FUNCTION {copy.Table}_copy_day();

                    CREATE FUNCTION {copy.Parent}_day_to_{copy.Table}() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        UPDATE {copy.Table} SET {copy.Day} = NEW.{copy.Day} WHERE {copy.ParentKey} = NEW.id;
                        RETURN NULL;
                    END
                    $$;
                    CREATE TRIGGER {copy.Parent}_day_to_{copy.Table} AFTER UPDATE OF {copy.Day} ON {copy.Parent}
                        FOR EACH ROW WHEN (OLD.{copy.Day} IS DISTINCT FROM NEW.{copy.Day})
                        EXECUTE FUNCTION {copy.Parent}_day_to_{copy.Table}();
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var copy in DayCopies)
            {
                migrationBuilder.Sql($"""
                    DROP TRIGGER {copy.Parent}_day_to_{copy.Table} ON {copy.Parent};
                    DROP FUNCTION {copy.Parent}_day_to_{copy.Table}();
                    DROP TRIGGER {copy.Table}_copy_day ON {copy.Table};
                    DROP FUNCTION {copy.Table}_copy_day();
                    """);
            }

            migrationBuilder.DropIndex(
                name: "ix_missions_affected_nation_id_starts_on_id",
                table: "missions");

            migrationBuilder.DropIndex(
                name: "ix_mission_contributions_nation_id_starts_on_mission_id",
                table: "mission_contributions");

            migrationBuilder.DropIndex(
                name: "ix_exercises_host_nation_id_starts_on_id",
                table: "exercises");

            migrationBuilder.DropIndex(
                name: "ix_exercises_lead_nation_id_starts_on_id",
                table: "exercises");

            migrationBuilder.DropIndex(
                name: "ix_exercise_participants_nation_id_starts_on_exercise_id",
                table: "exercise_participants");

            migrationBuilder.DropIndex(
                name: "ix_engagements_host_nation_id_occurred_on_id",
                table: "engagements");

            migrationBuilder.DropIndex(
                name: "ix_engagement_participants_nation_id_occurred_on_engagement_id",
                table: "engagement_participants");

            migrationBuilder.DropIndex(
                name: "ix_attaches_host_nation_id_posted_from_id",
                table: "attaches");

            migrationBuilder.DropIndex(
                name: "ix_attaches_sending_nation_id_posted_from_id",
                table: "attaches");

            migrationBuilder.DropColumn(
                name: "starts_on",
                table: "mission_contributions");

            migrationBuilder.DropColumn(
                name: "starts_on",
                table: "exercise_participants");

            migrationBuilder.DropColumn(
                name: "occurred_on",
                table: "engagement_participants");

            migrationBuilder.CreateIndex(
                name: "ix_missions_affected_nation_id",
                table: "missions",
                column: "affected_nation_id");

            migrationBuilder.CreateIndex(
                name: "ix_exercises_host_nation_id",
                table: "exercises",
                column: "host_nation_id");

            migrationBuilder.CreateIndex(
                name: "ix_exercises_lead_nation_id",
                table: "exercises",
                column: "lead_nation_id");

            migrationBuilder.CreateIndex(
                name: "ix_engagements_host_nation_id",
                table: "engagements",
                column: "host_nation_id");

            migrationBuilder.CreateIndex(
                name: "ix_attaches_host_nation_id",
                table: "attaches",
                column: "host_nation_id");

            migrationBuilder.CreateIndex(
                name: "ix_attaches_sending_nation_id",
                table: "attaches",
                column: "sending_nation_id");
        }

        /// <summary>Link tables that carry a copy of their record's day: (link table, record table, key to it, day column).</summary>
        private static readonly (string Table, string Parent, string ParentKey, string Day)[] DayCopies =
        [
            ("engagement_participants", "engagements", "engagement_id", "occurred_on"),
            ("exercise_participants", "exercises", "exercise_id", "starts_on"),
            ("mission_contributions", "missions", "mission_id", "starts_on"),
        ];

    }
}
