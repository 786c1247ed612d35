using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiploPortal.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AttacheListsAndEditing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_attache_reports_attaches_attache_id",
                table: "attache_reports");

            migrationBuilder.CreateIndex(
                name: "ix_attaches_full_name_id",
                table: "attaches",
                columns: new[] { "full_name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_attaches_posted_from_id",
                table: "attaches",
                columns: new[] { "posted_from", "id" },
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ix_attache_reports_title_id",
                table: "attache_reports",
                columns: new[] { "title", "id" });

            migrationBuilder.AddForeignKey(
                name: "fk_attache_reports_attaches_attache_id",
                table: "attache_reports",
                column: "attache_id",
                principalTable: "attaches",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_attache_reports_attaches_attache_id",
                table: "attache_reports");

            migrationBuilder.DropIndex(
                name: "ix_attaches_full_name_id",
                table: "attaches");

            migrationBuilder.DropIndex(
                name: "ix_attaches_posted_from_id",
                table: "attaches");

            migrationBuilder.DropIndex(
                name: "ix_attache_reports_title_id",
                table: "attache_reports");

            migrationBuilder.AddForeignKey(
                name: "fk_attache_reports_attaches_attache_id",
                table: "attache_reports",
                column: "attache_id",
                principalTable: "attaches",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
