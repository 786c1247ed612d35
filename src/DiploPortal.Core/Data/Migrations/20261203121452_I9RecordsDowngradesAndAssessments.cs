using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DiploPortal.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class I9RecordsDowngradesAndAssessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_assessments_engagements_engagement_id",
                table: "assessments");

            migrationBuilder.DropForeignKey(
                name: "fk_assessments_exercises_exercise_id",
                table: "assessments");

            migrationBuilder.DropForeignKey(
                name: "fk_assessments_missions_mission_id",
                table: "assessments");

            migrationBuilder.DropCheckConstraint(
                name: "ck_audit_entries_action",
                table: "audit_entries");

            migrationBuilder.AddCheckConstraint(
                name: "ck_audit_entries_action",
                table: "audit_entries",
                sql: "action IN ('Created', 'Updated', 'Deleted', 'SignedIn', 'SignInFailed', 'SignedOut', 'PermissionChanged', 'Exported', 'Imported', 'Downgraded')");

            migrationBuilder.AddForeignKey(
                name: "fk_assessments_engagements_engagement_id",
                table: "assessments",
                column: "engagement_id",
                principalTable: "engagements",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_assessments_exercises_exercise_id",
                table: "assessments",
                column: "exercise_id",
                principalTable: "exercises",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_assessments_missions_mission_id",
                table: "assessments",
                column: "mission_id",
                principalTable: "missions",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_assessments_engagements_engagement_id",
                table: "assessments");

            migrationBuilder.DropForeignKey(
                name: "fk_assessments_exercises_exercise_id",
                table: "assessments");

            migrationBuilder.DropForeignKey(
                name: "fk_assessments_missions_mission_id",
                table: "assessments");

            migrationBuilder.DropCheckConstraint(
                name: "ck_audit_entries_action",
                table: "audit_entries");

            migrationBuilder.AddCheckConstraint(
                name: "ck_audit_entries_action",
                table: "audit_entries",
                sql: "action IN ('Created', 'Updated', 'Deleted', 'SignedIn', 'SignInFailed', 'SignedOut', 'PermissionChanged', 'Exported', 'Imported')");

            migrationBuilder.AddForeignKey(
                name: "fk_assessments_engagements_engagement_id",
                table: "assessments",
                column: "engagement_id",
                principalTable: "engagements",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_assessments_exercises_exercise_id",
                table: "assessments",
                column: "exercise_id",
                principalTable: "exercises",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_assessments_missions_mission_id",
                table: "assessments",
                column: "mission_id",
                principalTable: "missions",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
