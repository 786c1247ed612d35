using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace DiploPortal.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchAndSorting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "missions",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('english'::regconfig, coalesce(name, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'C')",
                stored: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "exercises",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('english'::regconfig, coalesce(name, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(series_name, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(location, '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce(objectives, '')), 'C') || setweight(to_tsvector('english'::regconfig, coalesce(scenario, '')), 'C')",
                stored: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "engagements",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(location, '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'C') || setweight(to_tsvector('english'::regconfig, coalesce(outcome_notes, '')), 'C')",
                stored: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "attaches",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('english'::regconfig, coalesce(full_name, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(rank, '')), 'B')",
                stored: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "attache_reports",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(body, '')), 'C')",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_missions_search_vector",
                table: "missions",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_exercises_search_vector",
                table: "exercises",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_engagements_search_vector",
                table: "engagements",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_engagements_title_id",
                table: "engagements",
                columns: new[] { "title", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_attaches_search_vector",
                table: "attaches",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_attache_reports_search_vector",
                table: "attache_reports",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_missions_search_vector",
                table: "missions");

            migrationBuilder.DropIndex(
                name: "ix_exercises_search_vector",
                table: "exercises");

            migrationBuilder.DropIndex(
                name: "ix_engagements_search_vector",
                table: "engagements");

            migrationBuilder.DropIndex(
                name: "ix_engagements_title_id",
                table: "engagements");

            migrationBuilder.DropIndex(
                name: "ix_attaches_search_vector",
                table: "attaches");

            migrationBuilder.DropIndex(
                name: "ix_attache_reports_search_vector",
                table: "attache_reports");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "missions");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "exercises");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "engagements");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "attaches");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "attache_reports");
        }
    }
}
