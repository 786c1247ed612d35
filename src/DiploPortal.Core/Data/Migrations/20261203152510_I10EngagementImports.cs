using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DiploPortal.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class I10EngagementImports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "import_id",
                table: "engagements",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "engagement_imports",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    imported_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    imported_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    rows = table.Column<int>(type: "integer", nullable: false),
                    created = table.Column<int>(type: "integer", nullable: false),
                    skipped = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_engagement_imports", x => x.id);
                    table.CheckConstraint("ck_engagement_imports_counts", "rows >= 0 AND created >= 0 AND skipped >= 0 AND created + skipped <= rows");
                    table.CheckConstraint("ck_engagement_imports_sha256", "sha256 ~ '^[0-9a-f]{64}$'");
                });

            migrationBuilder.CreateIndex(
                name: "ix_engagements_import_id",
                table: "engagements",
                column: "import_id");

            migrationBuilder.CreateIndex(
                name: "ix_engagement_imports_sha256_imported_at",
                table: "engagement_imports",
                columns: new[] { "sha256", "imported_at" });

            migrationBuilder.AddForeignKey(
                name: "fk_engagements_engagement_imports_import_id",
                table: "engagements",
                column: "import_id",
                principalTable: "engagement_imports",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_engagements_engagement_imports_import_id",
                table: "engagements");

            migrationBuilder.DropTable(
                name: "engagement_imports");

            migrationBuilder.DropIndex(
                name: "ix_engagements_import_id",
                table: "engagements");

            migrationBuilder.DropColumn(
                name: "import_id",
                table: "engagements");
        }
    }
}
