using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

namespace DiploPortal.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class I11Deconfliction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "training_area_id",
                table: "exercises",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<NpgsqlRange<DateOnly>>(
                name: "days",
                table: "exercises",
                type: "daterange",
                nullable: false,
                computedColumnSql: "daterange(starts_on, ends_on, '[]')",
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_exercises_training_areas_training_area_id",
                table: "exercises");

            migrationBuilder.DropTable(
                name: "exercise_conflict_overrides");

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

            migrationBuilder.DropColumn(
                name: "days",
                table: "exercises");

            migrationBuilder.DropColumn(
                name: "training_area_id",
                table: "exercises");
        }
    }
}
