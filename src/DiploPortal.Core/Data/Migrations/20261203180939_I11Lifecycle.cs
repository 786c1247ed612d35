using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace DiploPortal.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class I11Lifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "status_set_on",
                table: "exercises",
                type: "date",
                nullable: false,
                defaultValueSql: "CURRENT_DATE");

            migrationBuilder.CreateTable(
                name: "exercise_status_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    exercise_id = table.Column<int>(type: "integer", nullable: false),
                    from_status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    to_status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    changed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    changed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exercise_status_changes", x => x.id);
                    table.CheckConstraint("ck_exercise_status_changes_changed_by", "btrim(changed_by) <> ''");
                    table.CheckConstraint("ck_exercise_status_changes_from_status", "from_status IN ('Proposed', 'Planning', 'Approved', 'InExecution', 'Completed', 'Cancelled')");
                    table.CheckConstraint("ck_exercise_status_changes_step", "from_status <> to_status");
                    table.CheckConstraint("ck_exercise_status_changes_to_status", "to_status IN ('Proposed', 'Planning', 'Approved', 'InExecution', 'Completed', 'Cancelled')");
                    table.ForeignKey(
                        name: "fk_exercise_status_changes_exercises_exercise_id",
                        column: x => x.exercise_id,
                        principalTable: "exercises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "milestone_lead_times",
                columns: table => new
                {
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    counts_from = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    days = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_milestone_lead_times", x => x.kind);
                    table.CheckConstraint("ck_milestone_lead_times_counts_from", "counts_from IN ('FirstDay', 'LastDay')");
                    table.CheckConstraint("ck_milestone_lead_times_days", "days BETWEEN -3650 AND 3650");
                    table.CheckConstraint("ck_milestone_lead_times_kind", "kind IN ('ConceptDevelopment', 'InitialPlanningConference', 'MainPlanningConference', 'FinalPlanningConference', 'Execution', 'AfterActionReview')");
                });

            migrationBuilder.InsertData(
                table: "milestone_lead_times",
                columns: new[] { "kind", "counts_from", "days" },
                values: new object[,]
                {
                    { "AfterActionReview", "LastDay", 30 },
                    { "ConceptDevelopment", "FirstDay", -365 },
                    { "Execution", "FirstDay", 0 },
                    { "FinalPlanningConference", "FirstDay", -60 },
                    { "InitialPlanningConference", "FirstDay", -270 },
                    { "MainPlanningConference", "FirstDay", -180 }
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_exercises_completed_after_end",
                table: "exercises",
                sql: "status <> 'Completed' OR ends_on < status_set_on");

            migrationBuilder.AddCheckConstraint(
                name: "ck_exercises_in_execution_started",
                table: "exercises",
                sql: "status <> 'InExecution' OR starts_on <= status_set_on");

            migrationBuilder.CreateIndex(
                name: "ix_exercise_status_changes_exercise_id_changed_at",
                table: "exercise_status_changes",
                columns: new[] { "exercise_id", "changed_at" });

            migrationBuilder.Sql(DiploPortal.Core.Exercises.LifecycleSql.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DiploPortal.Core.Exercises.LifecycleSql.Down);

            migrationBuilder.DropTable(
                name: "exercise_status_changes");

            migrationBuilder.DropTable(
                name: "milestone_lead_times");

            migrationBuilder.DropCheckConstraint(
                name: "ck_exercises_completed_after_end",
                table: "exercises");

            migrationBuilder.DropCheckConstraint(
                name: "ck_exercises_in_execution_started",
                table: "exercises");

            migrationBuilder.DropColumn(
                name: "status_set_on",
                table: "exercises");
        }
    }
}
