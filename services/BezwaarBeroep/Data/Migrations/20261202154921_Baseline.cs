using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Uwv.BezwaarBeroep.Data.Migrations
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bezwaren",
                columns: table => new
                {
                    BezwaarId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaTeam = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DecisionDivision = table.Column<int>(type: "integer", nullable: false),
                    DecisionReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DecisionSentOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PostmarkDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Grounds = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    BezwaartermijnEndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FiledOnTime = table.Column<bool>(type: "boolean", nullable: false),
                    LateFilingExcused = table.Column<bool>(type: "boolean", nullable: false),
                    AdvisoryCommittee = table.Column<bool>(type: "boolean", nullable: false),
                    ContactDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ContactedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    VerdagingWeeks = table.Column<int>(type: "integer", nullable: false),
                    VerdagingAnnouncedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    UitstelWeeks = table.Column<int>(type: "integer", nullable: false),
                    OpschortingDays = table.Column<int>(type: "integer", nullable: false),
                    HerstelRequestedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    BeslistermijnEndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    HoorzittingPlannedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    HoorzittingHeldOn = table.Column<DateOnly>(type: "date", nullable: true),
                    HorenWaivedReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Kennelijk = table.Column<bool>(type: "boolean", nullable: false),
                    BeroepFiledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IngebrekestellingReceivedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DwangsomFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    RegisteredBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RequestId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bezwaren", x => x.BezwaarId);
                });

            migrationBuilder.CreateTable(
                name: "contacts",
                columns: table => new
                {
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Division = table.Column<int>(type: "integer", nullable: false),
                    AreaTeam = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reached = table.Column<bool>(type: "boolean", nullable: false),
                    ContactAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LoggedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contacts", x => x.ContactId);
                });

            migrationBuilder.CreateTable(
                name: "dossier_status_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromStatus = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ToStatus = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_status_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dossiers",
                columns: table => new
                {
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Division = table.Column<int>(type: "integer", nullable: false),
                    OwnerTeam = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OwnerEmployee = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RequestId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RequestedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LastMoveAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossiers", x => x.DossierId);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_messages", x => new { x.MessageId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "norm_deadlines",
                columns: table => new
                {
                    DeadlineId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Norm = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Division = table.Column<int>(type: "integer", nullable: false),
                    AreaTeam = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WarnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SetAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    WarnedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EscalatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_norm_deadlines", x => x.DeadlineId);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TraceParent = table.Column<string>(type: "text", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "terugbelverzoeken",
                columns: table => new
                {
                    TerugbelverzoekId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Division = table.Column<int>(type: "integer", nullable: false),
                    AreaTeam = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WwQuestion = table.Column<bool>(type: "boolean", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompletedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Reached = table.Column<bool>(type: "boolean", nullable: true),
                    RequestId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_terugbelverzoeken", x => x.TerugbelverzoekId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_bezwaren_AreaTeam_Status_BeslistermijnEndsOn",
                table: "bezwaren",
                columns: new[] { "AreaTeam", "Status", "BeslistermijnEndsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_bezwaren_ClientId",
                table: "bezwaren",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_bezwaren_RegisteredBy_RequestId",
                table: "bezwaren",
                columns: new[] { "RegisteredBy", "RequestId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contacts_ClientId",
                table: "contacts",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_contacts_LoggedBy_RequestId",
                table: "contacts",
                columns: new[] { "LoggedBy", "RequestId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dossier_status_changes_DossierId",
                table: "dossier_status_changes",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_ClientId",
                table: "dossiers",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_RequestedBy_RequestId",
                table: "dossiers",
                columns: new[] { "RequestedBy", "RequestId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_norm_deadlines_ClientId",
                table: "norm_deadlines",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_norm_deadlines_ResolvedAt_EscalatedAt_DueAt",
                table: "norm_deadlines",
                columns: new[] { "ResolvedAt", "EscalatedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_norm_deadlines_SubjectId_Norm",
                table: "norm_deadlines",
                columns: new[] { "SubjectId", "Norm" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_MessageId",
                table: "outbox_messages",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_SentAt",
                table: "outbox_messages",
                column: "SentAt");

            migrationBuilder.CreateIndex(
                name: "IX_terugbelverzoeken_AreaTeam_CompletedAt_DueAt",
                table: "terugbelverzoeken",
                columns: new[] { "AreaTeam", "CompletedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_terugbelverzoeken_ClientId",
                table: "terugbelverzoeken",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_terugbelverzoeken_RequestedBy_RequestId",
                table: "terugbelverzoeken",
                columns: new[] { "RequestedBy", "RequestId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bezwaren");

            migrationBuilder.DropTable(
                name: "contacts");

            migrationBuilder.DropTable(
                name: "dossier_status_changes");

            migrationBuilder.DropTable(
                name: "dossiers");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "norm_deadlines");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "terugbelverzoeken");
        }
    }
}
