using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiploPortal.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImportExportAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_audit_entries_action",
                table: "audit_entries");

            migrationBuilder.AddCheckConstraint(
                name: "ck_audit_entries_action",
                table: "audit_entries",
                sql: "action IN ('Created', 'Updated', 'Deleted', 'SignedIn', 'SignInFailed', 'SignedOut', 'PermissionChanged', 'Exported', 'Imported')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_audit_entries_action",
                table: "audit_entries");

            migrationBuilder.AddCheckConstraint(
                name: "ck_audit_entries_action",
                table: "audit_entries",
                sql: "action IN ('Created', 'Updated', 'Deleted', 'SignedIn', 'SignInFailed', 'SignedOut', 'PermissionChanged')");
        }
    }
}
