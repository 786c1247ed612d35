using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace DiploPortal.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class I11AfterAction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "exercise_observations",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('english'::regconfig, coalesce(observation, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(lesson, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(recommendation, '')), 'B')",
                stored: true);

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
                name: "search_vector",
                table: "exercise_observations");

            migrationBuilder.DropColumn(
                name: "recommendation",
                table: "exercise_observations");

            migrationBuilder.DropColumn(
                name: "recorded_by",
                table: "exercise_observations");
        }
    }
}
