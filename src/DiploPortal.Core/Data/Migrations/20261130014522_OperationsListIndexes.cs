using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiploPortal.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class OperationsListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_missions_name_id",
                table: "missions",
                columns: new[] { "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_exercises_name_id",
                table: "exercises",
                columns: new[] { "name", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_missions_name_id",
                table: "missions");

            migrationBuilder.DropIndex(
                name: "ix_exercises_name_id",
                table: "exercises");
        }
    }
}
