using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DiploPortal.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class I11Feeds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "ix_feed_subscriptions_token_hash",
                table: "feed_subscriptions",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_feed_subscriptions_user_id",
                table: "feed_subscriptions",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "feed_subscriptions");
        }
    }
}
