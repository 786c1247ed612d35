using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiploPortal.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class I11Mme : Migration
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

            migrationBuilder.CreateIndex(
                name: "ux_exercises_source_key",
                table: "exercises",
                column: "source_key",
                unique: true,
                filter: "source_key IS NOT NULL");

            migrationBuilder.AddCheckConstraint(
                name: "ck_exercises_ends_on_of_precision",
                table: "exercises",
                sql: "ends_on_precision = 'Day' OR (ends_on_precision = 'Month' AND extract(day FROM ends_on + 1) = 1) OR (ends_on_precision = 'Year' AND extract(doy FROM ends_on + 1) = 1)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_exercises_ends_on_precision",
                table: "exercises",
                sql: "ends_on_precision IN ('Day', 'Month', 'Year')");

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_exercises_source_key",
                table: "exercises");

            migrationBuilder.DropCheckConstraint(
                name: "ck_exercises_ends_on_of_precision",
                table: "exercises");

            migrationBuilder.DropCheckConstraint(
                name: "ck_exercises_ends_on_precision",
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

            migrationBuilder.DropColumn(
                name: "ends_on_precision",
                table: "exercises");

            migrationBuilder.DropColumn(
                name: "source_key",
                table: "exercises");

            migrationBuilder.DropColumn(
                name: "starts_on_precision",
                table: "exercises");
        }
    }
}
