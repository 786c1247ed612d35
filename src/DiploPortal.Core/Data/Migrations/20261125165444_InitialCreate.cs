using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DiploPortal.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:btree_gist", ",,");

            migrationBuilder.CreateTable(
                name: "alliances",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    acronym = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    founding_treaty = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    founded_on = table.Column<DateOnly>(type: "date", nullable: false),
                    dissolved_on = table.Column<DateOnly>(type: "date", nullable: true),
                    headquarters = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alliances", x => x.id);
                    table.CheckConstraint("ck_alliances_acronym", "btrim(acronym) <> ''");
                    table.CheckConstraint("ck_alliances_dissolved", "dissolved_on IS NULL OR dissolved_on >= founded_on");
                    table.CheckConstraint("ck_alliances_kind", "kind IN ('CollectiveDefence', 'DefencePact', 'StrategicPartnership', 'Coalition', 'IntelligenceSharing', 'RegionalSecurityOrganisation')");
                });

            migrationBuilder.CreateTable(
                name: "nations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    iso2 = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    iso3 = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    numeric_code = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: true),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    official_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    region = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    sub_region = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    capital = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    existed_from = table.Column<DateOnly>(type: "date", nullable: true),
                    existed_until = table.Column<DateOnly>(type: "date", nullable: true),
                    successors = table.Column<List<string>>(type: "text[]", nullable: false),
                    source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nations", x => x.id);
                    table.CheckConstraint("ck_nations_code", "code ~ '^[A-Z]{3,4}$'");
                    table.CheckConstraint("ck_nations_existed", "existed_until IS NULL OR existed_from IS NULL OR existed_until >= existed_from");
                    table.CheckConstraint("ck_nations_iso2", "iso2 ~ '^[A-Z]{2}$'");
                    table.CheckConstraint("ck_nations_iso3", "iso3 ~ '^[A-Z]{3}$'");
                    table.CheckConstraint("ck_nations_name", "btrim(name) <> ''");
                });

            migrationBuilder.CreateTable(
                name: "alliance_memberships",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    alliance_id = table.Column<int>(type: "integer", nullable: false),
                    nation_id = table.Column<int>(type: "integer", nullable: false),
                    role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    joined_on = table.Column<DateOnly>(type: "date", nullable: false),
                    left_on = table.Column<DateOnly>(type: "date", nullable: true),
                    suspended_from = table.Column<DateOnly>(type: "date", nullable: true),
                    suspended_until = table.Column<DateOnly>(type: "date", nullable: true),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alliance_memberships", x => x.id);
                    table.CheckConstraint("ck_alliance_memberships_left", "left_on IS NULL OR left_on > joined_on");
                    table.CheckConstraint("ck_alliance_memberships_role", "role IN ('FoundingMember', 'Member', 'Partner', 'Observer')");
                    table.CheckConstraint("ck_alliance_memberships_suspended_from", "suspended_from IS NULL OR suspended_from >= joined_on");
                    table.CheckConstraint("ck_alliance_memberships_suspended_until", "suspended_until IS NULL OR (suspended_from IS NOT NULL AND suspended_until > suspended_from)");
                    table.ForeignKey(
                        name: "fk_alliance_memberships_alliances_alliance_id",
                        column: x => x.alliance_id,
                        principalTable: "alliances",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_alliance_memberships_nations_nation_id",
                        column: x => x.nation_id,
                        principalTable: "nations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "attaches",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    full_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    rank = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    service = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    post = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    sending_nation_id = table.Column<int>(type: "integer", nullable: false),
                    host_nation_id = table.Column<int>(type: "integer", nullable: false),
                    posted_from = table.Column<DateOnly>(type: "date", nullable: false),
                    posted_until = table.Column<DateOnly>(type: "date", nullable: true),
                    classification = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    releasable_to_nations = table.Column<List<string>>(type: "text[]", nullable: false, defaultValueSql: "'{}'::text[]"),
                    releasable_to_alliances = table.Column<List<string>>(type: "text[]", nullable: false, defaultValueSql: "'{}'::text[]"),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attaches", x => x.id);
                    table.CheckConstraint("ck_attaches_classification", "classification IN ('Unclassified', 'Restricted', 'Confidential', 'Secret')");
                    table.CheckConstraint("ck_attaches_full_name", "btrim(full_name) <> ''");
                    table.CheckConstraint("ck_attaches_nations", "sending_nation_id <> host_nation_id");
                    table.CheckConstraint("ck_attaches_post", "post IN ('Defence', 'Army', 'Naval', 'Air', 'Assistant')");
                    table.CheckConstraint("ck_attaches_posting", "posted_until IS NULL OR posted_until >= posted_from");
                    table.CheckConstraint("ck_attaches_service", "service IN ('Army', 'Navy', 'AirForce', 'Marines', 'Joint')");
                    table.ForeignKey(
                        name: "fk_attaches_nations_host_nation_id",
                        column: x => x.host_nation_id,
                        principalTable: "nations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_attaches_nations_sending_nation_id",
                        column: x => x.sending_nation_id,
                        principalTable: "nations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "engagements",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "date", nullable: false),
                    host_nation_id = table.Column<int>(type: "integer", nullable: true),
                    location = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    summary = table.Column<string>(type: "text", nullable: false),
                    outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    outcome_notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    classification = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    releasable_to_nations = table.Column<List<string>>(type: "text[]", nullable: false, defaultValueSql: "'{}'::text[]"),
                    releasable_to_alliances = table.Column<List<string>>(type: "text[]", nullable: false, defaultValueSql: "'{}'::text[]"),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_engagements", x => x.id);
                    table.CheckConstraint("ck_engagements_channel", "channel IN ('FaceToFace', 'Teleconference', 'SecureDigitalPlatform', 'Hotline', 'Correspondence')");
                    table.CheckConstraint("ck_engagements_classification", "classification IN ('Unclassified', 'Restricted', 'Confidential', 'Secret')");
                    table.CheckConstraint("ck_engagements_kind", "kind IN ('BilateralDialogue', 'MultilateralNegotiation', 'StaffTalks', 'SeniorLeaderVisit', 'PortVisit', 'Conference', 'CrisisHotlineCall')");
                    table.CheckConstraint("ck_engagements_outcome", "outcome IN ('Pending', 'Positive', 'Neutral', 'Negative', 'Inconclusive')");
                    table.CheckConstraint("ck_engagements_title", "btrim(title) <> ''");
                    table.ForeignKey(
                        name: "fk_engagements_nations_host_nation_id",
                        column: x => x.host_nation_id,
                        principalTable: "nations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "exercises",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    series_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    host_nation_id = table.Column<int>(type: "integer", nullable: false),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    lead_nation_id = table.Column<int>(type: "integer", nullable: true),
                    lead_alliance_id = table.Column<int>(type: "integer", nullable: true),
                    objectives = table.Column<string>(type: "text", nullable: true),
                    scenario = table.Column<string>(type: "text", nullable: true),
                    classification = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    releasable_to_nations = table.Column<List<string>>(type: "text[]", nullable: false, defaultValueSql: "'{}'::text[]"),
                    releasable_to_alliances = table.Column<List<string>>(type: "text[]", nullable: false, defaultValueSql: "'{}'::text[]"),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exercises", x => x.id);
                    table.CheckConstraint("ck_exercises_classification", "classification IN ('Unclassified', 'Restricted', 'Confidential', 'Secret')");
                    table.CheckConstraint("ck_exercises_dates", "ends_on >= starts_on");
                    table.CheckConstraint("ck_exercises_kind", "kind IN ('LiveFire', 'CommandPost', 'Field', 'Naval', 'Air', 'Amphibious', 'Cyber', 'Humanitarian', 'Peacekeeping', 'SearchAndRescue')");
                    table.CheckConstraint("ck_exercises_lead", "num_nonnulls(lead_nation_id, lead_alliance_id) <= 1");
                    table.CheckConstraint("ck_exercises_name", "btrim(name) <> ''");
                    table.CheckConstraint("ck_exercises_status", "status IN ('Proposed', 'Planning', 'Approved', 'InExecution', 'Completed', 'Cancelled')");
                    table.ForeignKey(
                        name: "fk_exercises_alliances_lead_alliance_id",
                        column: x => x.lead_alliance_id,
                        principalTable: "alliances",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_exercises_nations_host_nation_id",
                        column: x => x.host_nation_id,
                        principalTable: "nations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_exercises_nations_lead_nation_id",
                        column: x => x.lead_nation_id,
                        principalTable: "nations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "missions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    crisis = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    affected_nation_id = table.Column<int>(type: "integer", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: true),
                    people_assisted = table.Column<int>(type: "integer", nullable: false),
                    summary = table.Column<string>(type: "text", nullable: false),
                    classification = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    releasable_to_nations = table.Column<List<string>>(type: "text[]", nullable: false, defaultValueSql: "'{}'::text[]"),
                    releasable_to_alliances = table.Column<List<string>>(type: "text[]", nullable: false, defaultValueSql: "'{}'::text[]"),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_missions", x => x.id);
                    table.CheckConstraint("ck_missions_classification", "classification IN ('Unclassified', 'Restricted', 'Confidential', 'Secret')");
                    table.CheckConstraint("ck_missions_crisis", "crisis IN ('Earthquake', 'Tsunami', 'Flood', 'Cyclone', 'Epidemic', 'Conflict', 'Famine')");
                    table.CheckConstraint("ck_missions_dates", "ends_on IS NULL OR ends_on >= starts_on");
                    table.CheckConstraint("ck_missions_kind", "kind IN ('DisasterRelief', 'MedicalAid', 'LogisticalSupport')");
                    table.CheckConstraint("ck_missions_name", "btrim(name) <> ''");
                    table.CheckConstraint("ck_missions_people_assisted", "people_assisted >= 0");
                    table.ForeignKey(
                        name: "fk_missions_nations_affected_nation_id",
                        column: x => x.affected_nation_id,
                        principalTable: "nations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "attache_reports",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    attache_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    filed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    classification = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    releasable_to_nations = table.Column<List<string>>(type: "text[]", nullable: false, defaultValueSql: "'{}'::text[]"),
                    releasable_to_alliances = table.Column<List<string>>(type: "text[]", nullable: false, defaultValueSql: "'{}'::text[]"),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attache_reports", x => x.id);
                    table.CheckConstraint("ck_attache_reports_classification", "classification IN ('Unclassified', 'Restricted', 'Confidential', 'Secret')");
                    table.CheckConstraint("ck_attache_reports_kind", "kind IN ('Assessment', 'Insight', 'VisitReport', 'IntelligenceSummary')");
                    table.CheckConstraint("ck_attache_reports_title", "btrim(title) <> ''");
                    table.ForeignKey(
                        name: "fk_attache_reports_attaches_attache_id",
                        column: x => x.attache_id,
                        principalTable: "attaches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "engagement_attaches",
                columns: table => new
                {
                    engagement_id = table.Column<int>(type: "integer", nullable: false),
                    attache_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_engagement_attaches", x => new { x.engagement_id, x.attache_id });
                    table.ForeignKey(
                        name: "fk_engagement_attaches_attaches_attache_id",
                        column: x => x.attache_id,
                        principalTable: "attaches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_engagement_attaches_engagements_engagement_id",
                        column: x => x.engagement_id,
                        principalTable: "engagements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "engagement_follow_ups",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    engagement_id = table.Column<int>(type: "integer", nullable: false),
                    action = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    owner = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_engagement_follow_ups", x => x.id);
                    table.CheckConstraint("ck_engagement_follow_ups_action", "btrim(action) <> ''");
                    table.CheckConstraint("ck_engagement_follow_ups_status", "status IN ('Open', 'InProgress', 'Done', 'Dropped')");
                    table.ForeignKey(
                        name: "fk_engagement_follow_ups_engagements_engagement_id",
                        column: x => x.engagement_id,
                        principalTable: "engagements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "engagement_participants",
                columns: table => new
                {
                    engagement_id = table.Column<int>(type: "integer", nullable: false),
                    nation_id = table.Column<int>(type: "integer", nullable: false),
                    is_lead = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_engagement_participants", x => new { x.engagement_id, x.nation_id });
                    table.ForeignKey(
                        name: "fk_engagement_participants_engagements_engagement_id",
                        column: x => x.engagement_id,
                        principalTable: "engagements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_engagement_participants_nations_nation_id",
                        column: x => x.nation_id,
                        principalTable: "nations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "exercise_liaisons",
                columns: table => new
                {
                    exercise_id = table.Column<int>(type: "integer", nullable: false),
                    attache_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exercise_liaisons", x => new { x.exercise_id, x.attache_id });
                    table.ForeignKey(
                        name: "fk_exercise_liaisons_attaches_attache_id",
                        column: x => x.attache_id,
                        principalTable: "attaches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_exercise_liaisons_exercises_exercise_id",
                        column: x => x.exercise_id,
                        principalTable: "exercises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exercise_milestones",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    exercise_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    planned_on = table.Column<DateOnly>(type: "date", nullable: false),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exercise_milestones", x => x.id);
                    table.CheckConstraint("ck_exercise_milestones_kind", "kind IN ('ConceptDevelopment', 'InitialPlanningConference', 'MainPlanningConference', 'FinalPlanningConference', 'Execution', 'AfterActionReview')");
                    table.ForeignKey(
                        name: "fk_exercise_milestones_exercises_exercise_id",
                        column: x => x.exercise_id,
                        principalTable: "exercises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exercise_observations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    exercise_id = table.Column<int>(type: "integer", nullable: false),
                    observation = table.Column<string>(type: "text", nullable: false),
                    lesson = table.Column<string>(type: "text", nullable: true),
                    recorded_on = table.Column<DateOnly>(type: "date", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exercise_observations", x => x.id);
                    table.CheckConstraint("ck_exercise_observations_observation", "btrim(observation) <> ''");
                    table.ForeignKey(
                        name: "fk_exercise_observations_exercises_exercise_id",
                        column: x => x.exercise_id,
                        principalTable: "exercises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exercise_participants",
                columns: table => new
                {
                    exercise_id = table.Column<int>(type: "integer", nullable: false),
                    nation_id = table.Column<int>(type: "integer", nullable: false),
                    role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    personnel = table.Column<int>(type: "integer", nullable: false),
                    units = table.Column<int>(type: "integer", nullable: false),
                    ships = table.Column<int>(type: "integer", nullable: false),
                    aircraft = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exercise_participants", x => new { x.exercise_id, x.nation_id });
                    table.CheckConstraint("ck_exercise_participants_forces", "personnel >= 0 AND units >= 0 AND ships >= 0 AND aircraft >= 0");
                    table.CheckConstraint("ck_exercise_participants_role", "role IN ('Host', 'Participant', 'Observer')");
                    table.ForeignKey(
                        name: "fk_exercise_participants_exercises_exercise_id",
                        column: x => x.exercise_id,
                        principalTable: "exercises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_exercise_participants_nations_nation_id",
                        column: x => x.nation_id,
                        principalTable: "nations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "assessments",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    engagement_id = table.Column<int>(type: "integer", nullable: true),
                    exercise_id = table.Column<int>(type: "integer", nullable: true),
                    mission_id = table.Column<int>(type: "integer", nullable: true),
                    assessed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    assessed_by = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    evidence = table.Column<string>(type: "text", nullable: false),
                    classification = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    releasable_to_nations = table.Column<List<string>>(type: "text[]", nullable: false, defaultValueSql: "'{}'::text[]"),
                    releasable_to_alliances = table.Column<List<string>>(type: "text[]", nullable: false, defaultValueSql: "'{}'::text[]"),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessments", x => x.id);
                    table.CheckConstraint("ck_assessments_assessed_by", "btrim(assessed_by) <> ''");
                    table.CheckConstraint("ck_assessments_classification", "classification IN ('Unclassified', 'Restricted', 'Confidential', 'Secret')");
                    table.CheckConstraint("ck_assessments_subject", "num_nonnulls(engagement_id, exercise_id, mission_id) = 1");
                    table.ForeignKey(
                        name: "fk_assessments_engagements_engagement_id",
                        column: x => x.engagement_id,
                        principalTable: "engagements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_assessments_exercises_exercise_id",
                        column: x => x.exercise_id,
                        principalTable: "exercises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_assessments_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mission_contributions",
                columns: table => new
                {
                    mission_id = table.Column<int>(type: "integer", nullable: false),
                    nation_id = table.Column<int>(type: "integer", nullable: false),
                    personnel = table.Column<int>(type: "integer", nullable: false),
                    aircraft = table.Column<int>(type: "integer", nullable: false),
                    ships = table.Column<int>(type: "integer", nullable: false),
                    medical_teams = table.Column<int>(type: "integer", nullable: false),
                    supplies_tonnes = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mission_contributions", x => new { x.mission_id, x.nation_id });
                    table.CheckConstraint("ck_mission_contributions_amounts", "personnel >= 0 AND aircraft >= 0 AND ships >= 0 AND medical_teams >= 0 AND supplies_tonnes >= 0");
                    table.ForeignKey(
                        name: "fk_mission_contributions_missions_mission_id",
                        column: x => x.mission_id,
                        principalTable: "missions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_mission_contributions_nations_nation_id",
                        column: x => x.nation_id,
                        principalTable: "nations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "indicator_scores",
                columns: table => new
                {
                    assessment_id = table.Column<int>(type: "integer", nullable: false),
                    indicator = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    score = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicator_scores", x => new { x.assessment_id, x.indicator });
                    table.CheckConstraint("ck_indicator_scores_indicator", "indicator IN ('TensionReduction', 'Communication', 'AllianceStrength', 'Interoperability', 'Goodwill')");
                    table.CheckConstraint("ck_indicator_scores_score", "score BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "fk_indicator_scores_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_alliance_memberships_alliance_id_nation_id_joined_on",
                table: "alliance_memberships",
                columns: new[] { "alliance_id", "nation_id", "joined_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_alliance_memberships_nation_id",
                table: "alliance_memberships",
                column: "nation_id");

            migrationBuilder.CreateIndex(
                name: "ix_alliances_acronym",
                table: "alliances",
                column: "acronym",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_assessments_classification",
                table: "assessments",
                column: "classification");

            migrationBuilder.CreateIndex(
                name: "ix_assessments_engagement_id",
                table: "assessments",
                column: "engagement_id");

            migrationBuilder.CreateIndex(
                name: "ix_assessments_exercise_id",
                table: "assessments",
                column: "exercise_id");

            migrationBuilder.CreateIndex(
                name: "ix_assessments_mission_id",
                table: "assessments",
                column: "mission_id");

            migrationBuilder.CreateIndex(
                name: "ix_attache_reports_attache_id_filed_on",
                table: "attache_reports",
                columns: new[] { "attache_id", "filed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_attache_reports_classification",
                table: "attache_reports",
                column: "classification");

            migrationBuilder.CreateIndex(
                name: "ix_attaches_classification",
                table: "attaches",
                column: "classification");

            migrationBuilder.CreateIndex(
                name: "ix_attaches_host_nation_id",
                table: "attaches",
                column: "host_nation_id");

            migrationBuilder.CreateIndex(
                name: "ix_attaches_sending_nation_id",
                table: "attaches",
                column: "sending_nation_id");

            migrationBuilder.CreateIndex(
                name: "ix_engagement_attaches_attache_id",
                table: "engagement_attaches",
                column: "attache_id");

            migrationBuilder.CreateIndex(
                name: "ix_engagement_follow_ups_engagement_id",
                table: "engagement_follow_ups",
                column: "engagement_id");

            migrationBuilder.CreateIndex(
                name: "ix_engagement_participants_nation_id_engagement_id",
                table: "engagement_participants",
                columns: new[] { "nation_id", "engagement_id" });

            migrationBuilder.CreateIndex(
                name: "ix_engagements_classification",
                table: "engagements",
                column: "classification");

            migrationBuilder.CreateIndex(
                name: "ix_engagements_host_nation_id",
                table: "engagements",
                column: "host_nation_id");

            migrationBuilder.CreateIndex(
                name: "ix_engagements_occurred_on_id",
                table: "engagements",
                columns: new[] { "occurred_on", "id" },
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ix_exercise_liaisons_attache_id",
                table: "exercise_liaisons",
                column: "attache_id");

            migrationBuilder.CreateIndex(
                name: "ix_exercise_milestones_exercise_id_kind",
                table: "exercise_milestones",
                columns: new[] { "exercise_id", "kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_exercise_observations_exercise_id",
                table: "exercise_observations",
                column: "exercise_id");

            migrationBuilder.CreateIndex(
                name: "ix_exercise_participants_nation_id",
                table: "exercise_participants",
                column: "nation_id");

            migrationBuilder.CreateIndex(
                name: "ix_exercises_classification",
                table: "exercises",
                column: "classification");

            migrationBuilder.CreateIndex(
                name: "ix_exercises_host_nation_id",
                table: "exercises",
                column: "host_nation_id");

            migrationBuilder.CreateIndex(
                name: "ix_exercises_lead_alliance_id",
                table: "exercises",
                column: "lead_alliance_id");

            migrationBuilder.CreateIndex(
                name: "ix_exercises_lead_nation_id",
                table: "exercises",
                column: "lead_nation_id");

            migrationBuilder.CreateIndex(
                name: "ix_exercises_starts_on_id",
                table: "exercises",
                columns: new[] { "starts_on", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_mission_contributions_nation_id",
                table: "mission_contributions",
                column: "nation_id");

            migrationBuilder.CreateIndex(
                name: "ix_missions_affected_nation_id",
                table: "missions",
                column: "affected_nation_id");

            migrationBuilder.CreateIndex(
                name: "ix_missions_classification",
                table: "missions",
                column: "classification");

            migrationBuilder.CreateIndex(
                name: "ix_missions_starts_on_id",
                table: "missions",
                columns: new[] { "starts_on", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_nations_code",
                table: "nations",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_nations_iso2",
                table: "nations",
                column: "iso2",
                unique: true,
                filter: "existed_until IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_nations_iso3",
                table: "nations",
                column: "iso3",
                unique: true,
                filter: "existed_until IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_nations_name",
                table: "nations",
                column: "name");

            // EF Core cannot express an exclusion constraint: one nation's periods in one alliance must not overlap.
            migrationBuilder.Sql(
                "ALTER TABLE alliance_memberships ADD CONSTRAINT ex_alliance_memberships_no_overlap " +
                "EXCLUDE USING gist (alliance_id WITH =, nation_id WITH =, daterange(joined_on, left_on) WITH &&);");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alliance_memberships");

            migrationBuilder.DropTable(
                name: "attache_reports");

            migrationBuilder.DropTable(
                name: "engagement_attaches");

            migrationBuilder.DropTable(
                name: "engagement_follow_ups");

            migrationBuilder.DropTable(
                name: "engagement_participants");

            migrationBuilder.DropTable(
                name: "exercise_liaisons");

            migrationBuilder.DropTable(
                name: "exercise_milestones");

            migrationBuilder.DropTable(
                name: "exercise_observations");

            migrationBuilder.DropTable(
                name: "exercise_participants");

            migrationBuilder.DropTable(
                name: "indicator_scores");

            migrationBuilder.DropTable(
                name: "mission_contributions");

            migrationBuilder.DropTable(
                name: "attaches");

            migrationBuilder.DropTable(
                name: "assessments");

            migrationBuilder.DropTable(
                name: "engagements");

            migrationBuilder.DropTable(
                name: "exercises");

            migrationBuilder.DropTable(
                name: "missions");

            migrationBuilder.DropTable(
                name: "alliances");

            migrationBuilder.DropTable(
                name: "nations");
        }
    }
}
