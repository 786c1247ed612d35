using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace DiploPortal.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class I11Planning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ends_on_precision",
                table: "exercises",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Day");

            migrationBuilder.AddColumn<string>(
                name: "source_key",
                table: "exercises",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "starts_on_precision",
                table: "exercises",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Day");

            migrationBuilder.AddColumn<DateOnly>(
                name: "status_set_on",
                table: "exercises",
                type: "date",
                nullable: false,
                defaultValueSql: "CURRENT_DATE");

            migrationBuilder.AddColumn<int>(
                name: "training_area_id",
                table: "exercises",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "recommendation",
                table: "exercise_observations",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "recorded_by",
                table: "exercise_observations",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<NpgsqlRange<DateOnly>>(
                name: "days",
                table: "exercises",
                type: "daterange",
                nullable: false,
                computedColumnSql: "daterange(starts_on, greatest(starts_on, ends_on), '[]')",
                stored: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "exercise_observations",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('english'::regconfig, coalesce(observation, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(lesson, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(recommendation, '')), 'B')",
                stored: true);

            migrationBuilder.CreateTable(
                name: "exercise_conflict_overrides",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    exercise_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    nation_codes = table.Column<List<string>>(type: "text[]", nullable: false),
                    related_exercise_id = table.Column<int>(type: "integer", nullable: true),
                    related_mission_id = table.Column<int>(type: "integer", nullable: true),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    overridden_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exercise_conflict_overrides", x => x.id);
                    table.CheckConstraint("ck_exercise_conflict_overrides_kind", "kind IN ('OverCapacity', 'TrainingAreaDoubleBooked', 'MilestonesOutOfOrder', 'OverlapsHumanitarianMission')");
                    table.CheckConstraint("ck_exercise_conflict_overrides_reason", "btrim(reason) <> ''");
                    table.ForeignKey(
                        name: "fk_exercise_conflict_overrides_exercises_exercise_id",
                        column: x => x.exercise_id,
                        principalTable: "exercises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_exercise_conflict_overrides_exercises_related_exercise_id",
                        column: x => x.related_exercise_id,
                        principalTable: "exercises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_exercise_conflict_overrides_missions_related_mission_id",
                        column: x => x.related_mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

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
                name: "feed_subscriptions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    scope_kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    scope = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    prefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    last_used_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    revoked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feed_subscriptions", x => x.id);
                    table.CheckConstraint("ck_feed_subscriptions_hash", "token_hash ~ '^[0-9a-f]{64}$'");
                    table.CheckConstraint("ck_feed_subscriptions_name", "length(btrim(name)) > 0");
                    table.CheckConstraint("ck_feed_subscriptions_revoked", "revoked_at IS NULL OR revoked_at >= created_at");
                    table.CheckConstraint("ck_feed_subscriptions_scope", "length(btrim(scope)) > 0");
                    table.CheckConstraint("ck_feed_subscriptions_scope_kind", "scope_kind IN ('Nation', 'Alliance', 'View')");
                    table.ForeignKey(
                        name: "fk_feed_subscriptions_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
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

            migrationBuilder.CreateTable(
                name: "nation_capacities",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    nation_id = table.Column<int>(type: "integer", nullable: false),
                    personnel = table.Column<int>(type: "integer", nullable: false),
                    ships = table.Column<int>(type: "integer", nullable: false),
                    aircraft = table.Column<int>(type: "integer", nullable: false),
                    source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    is_assumption = table.Column<bool>(type: "boolean", nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nation_capacities", x => x.id);
                    table.CheckConstraint("ck_nation_capacities_amounts", "personnel >= 0 AND ships >= 0 AND aircraft >= 0");
                    table.CheckConstraint("ck_nation_capacities_basis", "(is_assumption AND btrim(coalesce(note, '')) <> '') OR (NOT is_assumption AND btrim(coalesce(source, '')) <> '')");
                    table.ForeignKey(
                        name: "fk_nation_capacities_nations_nation_id",
                        column: x => x.nation_id,
                        principalTable: "nations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "training_areas",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    nation_id = table.Column<int>(type: "integer", nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_areas", x => x.id);
                    table.CheckConstraint("ck_training_areas_name", "btrim(name) <> ''");
                    table.ForeignKey(
                        name: "fk_training_areas_nations_nation_id",
                        column: x => x.nation_id,
                        principalTable: "nations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
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

            migrationBuilder.CreateIndex(
                name: "ix_exercises_days",
                table: "exercises",
                column: "days")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_exercises_training_area_id_starts_on",
                table: "exercises",
                columns: new[] { "training_area_id", "starts_on" });

            migrationBuilder.CreateIndex(
                name: "ux_exercises_source_key",
                table: "exercises",
                column: "source_key",
                unique: true,
                filter: "source_key IS NOT NULL");

            migrationBuilder.AddCheckConstraint(
                name: "ck_exercises_completed_after_end",
                table: "exercises",
                sql: "status <> 'Completed' OR ends_on < status_set_on");

            migrationBuilder.AddCheckConstraint(
                name: "ck_exercises_ends_on_of_precision",
                table: "exercises",
                sql: "ends_on_precision = 'Day' OR (ends_on_precision = 'Month' AND extract(day FROM ends_on + 1) = 1) OR (ends_on_precision = 'Year' AND extract(doy FROM ends_on + 1) = 1)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_exercises_ends_on_precision",
                table: "exercises",
                sql: "ends_on_precision IN ('Day', 'Month', 'Year')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_exercises_in_execution_started",
                table: "exercises",
                sql: "status <> 'InExecution' OR starts_on <= status_set_on");

            migrationBuilder.AddCheckConstraint(
                name: "ck_exercises_source_key",
                table: "exercises",
                sql: "source_key IS NULL OR btrim(source_key) <> ''");

            migrationBuilder.AddCheckConstraint(
                name: "ck_exercises_starts_on_of_precision",
                table: "exercises",
                sql: "starts_on_precision = 'Day' OR (starts_on_precision = 'Month' AND extract(day FROM starts_on) = 1) OR (starts_on_precision = 'Year' AND extract(doy FROM starts_on) = 1)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_exercises_starts_on_precision",
                table: "exercises",
                sql: "starts_on_precision IN ('Day', 'Month', 'Year')");

            migrationBuilder.CreateIndex(
                name: "ix_exercise_observations_recorded_on_id",
                table: "exercise_observations",
                columns: new[] { "recorded_on", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_exercise_observations_search_vector",
                table: "exercise_observations",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.AddCheckConstraint(
                name: "ck_exercise_observations_lengths",
                table: "exercise_observations",
                sql: "char_length(observation) <= 4000 AND char_length(lesson) <= 4000 AND char_length(recommendation) <= 4000");

            migrationBuilder.CreateIndex(
                name: "ix_exercise_conflict_overrides_exercise_id",
                table: "exercise_conflict_overrides",
                column: "exercise_id");

            migrationBuilder.CreateIndex(
                name: "ix_exercise_conflict_overrides_related_exercise_id",
                table: "exercise_conflict_overrides",
                column: "related_exercise_id");

            migrationBuilder.CreateIndex(
                name: "ix_exercise_conflict_overrides_related_mission_id",
                table: "exercise_conflict_overrides",
                column: "related_mission_id");

            migrationBuilder.CreateIndex(
                name: "ix_exercise_status_changes_exercise_id_changed_at",
                table: "exercise_status_changes",
                columns: new[] { "exercise_id", "changed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_feed_subscriptions_token_hash",
                table: "feed_subscriptions",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_feed_subscriptions_user_id",
                table: "feed_subscriptions",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ux_nation_capacities_nation",
                table: "nation_capacities",
                column: "nation_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_training_areas_nation_name",
                table: "training_areas",
                columns: new[] { "nation_id", "name" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_exercises_training_areas_training_area_id",
                table: "exercises",
                column: "training_area_id",
                principalTable: "training_areas",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            // The life cycle's transition trigger (the EF model cannot say it).
            migrationBuilder.Sql(DiploPortal.Core.Exercises.LifecycleSql.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DiploPortal.Core.Exercises.LifecycleSql.Down);

            migrationBuilder.DropForeignKey(
                name: "fk_exercises_training_areas_training_area_id",
                table: "exercises");

            migrationBuilder.DropTable(
                name: "exercise_conflict_overrides");

            migrationBuilder.DropTable(
                name: "exercise_status_changes");

            migrationBuilder.DropTable(
                name: "feed_subscriptions");

            migrationBuilder.DropTable(
                name: "milestone_lead_times");

            migrationBuilder.DropTable(
                name: "nation_capacities");

            migrationBuilder.DropTable(
                name: "training_areas");

            migrationBuilder.DropIndex(
                name: "ix_exercises_days",
                table: "exercises");

            migrationBuilder.DropIndex(
                name: "ix_exercises_training_area_id_starts_on",
                table: "exercises");

            migrationBuilder.DropIndex(
                name: "ux_exercises_source_key",
                table: "exercises");

            migrationBuilder.DropCheckConstraint(
                name: "ck_exercises_completed_after_end",
                table: "exercises");

            migrationBuilder.DropCheckConstraint(
                name: "ck_exercises_ends_on_of_precision",
                table: "exercises");

            migrationBuilder.DropCheckConstraint(
                name: "ck_exercises_ends_on_precision",
                table: "exercises");

            migrationBuilder.DropCheckConstraint(
                name: "ck_exercises_in_execution_started",
                table: "exercises");

            migrationBuilder.DropCheckConstraint(
                name: "ck_exercises_source_key",
                table: "exercises");

            migrationBuilder.DropCheckConstraint(
                name: "ck_exercises_starts_on_of_precision",
                table: "exercises");

            migrationBuilder.DropCheckConstraint(
                name: "ck_exercises_starts_on_precision",
                table: "exercises");

            migrationBuilder.DropIndex(
                name: "ix_exercise_observations_recorded_on_id",
                table: "exercise_observations");

            migrationBuilder.DropIndex(
                name: "ix_exercise_observations_search_vector",
                table: "exercise_observations");

            migrationBuilder.DropCheckConstraint(
                name: "ck_exercise_observations_lengths",
                table: "exercise_observations");

            migrationBuilder.DropColumn(
                name: "days",
                table: "exercises");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "exercise_observations");

            migrationBuilder.DropColumn(
                name: "ends_on_precision",
                table: "exercises");

            migrationBuilder.DropColumn(
                name: "source_key",
                table: "exercises");

            migrationBuilder.DropColumn(
                name: "starts_on_precision",
                table: "exercises");

            migrationBuilder.DropColumn(
                name: "status_set_on",
                table: "exercises");

            migrationBuilder.DropColumn(
                name: "training_area_id",
                table: "exercises");

            migrationBuilder.DropColumn(
                name: "recommendation",
                table: "exercise_observations");

            migrationBuilder.DropColumn(
                name: "recorded_by",
                table: "exercise_observations");
        }
    }
}
