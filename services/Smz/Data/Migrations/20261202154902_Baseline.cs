using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Uwv.Smz.Data.Migrations
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "beoordelingen",
                columns: table => new
                {
                    BeoordelingId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    AoKlasse = table.Column<int>(type: "integer", nullable: false),
                    FmlSummary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    MedicalNotes = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Verzekeringsarts = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Arbeidsdeskundige = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AoPercentage = table.Column<int>(type: "integer", nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RequestId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_beoordelingen", x => x.BeoordelingId);
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
                name: "herbeoordelingsverzoeken",
                columns: table => new
                {
                    VerzoekId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaTeam = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PickedUpBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PickedUpAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    BeoordelingId = table.Column<Guid>(type: "uuid", nullable: true),
                    AoChanged = table.Column<bool>(type: "boolean", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_herbeoordelingsverzoeken", x => x.VerzoekId);
                });

            migrationBuilder.CreateTable(
                name: "herkeuringsaanvragen",
                columns: table => new
                {
                    AanvraagId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaTeam = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CallDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CalledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    UnansweredCalls = table.Column<int>(type: "integer", nullable: false),
                    RegisteredBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_herkeuringsaanvragen", x => x.AanvraagId);
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
                name: "reintegratie_owners",
                columns: table => new
                {
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaTeam = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Wga = table.Column<bool>(type: "boolean", nullable: false),
                    Owner = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    HandoverId = table.Column<Guid>(type: "uuid", nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RequestId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reintegratie_owners", x => x.ClientId);
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

            migrationBuilder.CreateTable(
                name: "wga_80_100_monitoring",
                columns: table => new
                {
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaTeam = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Since = table.Column<DateOnly>(type: "date", nullable: false),
                    LastContactOn = table.Column<DateOnly>(type: "date", nullable: true),
                    NextContactDueOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wga_80_100_monitoring", x => x.ClientId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_beoordelingen_ClientId",
                table: "beoordelingen",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_beoordelingen_RecordedBy_RequestId",
                table: "beoordelingen",
                columns: new[] { "RecordedBy", "RequestId" },
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
                name: "IX_herbeoordelingsverzoeken_AreaTeam_State",
                table: "herbeoordelingsverzoeken",
                columns: new[] { "AreaTeam", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_herbeoordelingsverzoeken_ClientId",
                table: "herbeoordelingsverzoeken",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_herkeuringsaanvragen_AreaTeam_CalledOn_CallDueOn",
                table: "herkeuringsaanvragen",
                columns: new[] { "AreaTeam", "CalledOn", "CallDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_herkeuringsaanvragen_ClientId",
                table: "herkeuringsaanvragen",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_herkeuringsaanvragen_RegisteredBy_RequestId",
                table: "herkeuringsaanvragen",
                columns: new[] { "RegisteredBy", "RequestId" },
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
                name: "IX_reintegratie_owners_DecidedBy_RequestId",
                table: "reintegratie_owners",
                columns: new[] { "DecidedBy", "RequestId" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_wga_80_100_monitoring_AreaTeam_NextContactDueOn",
                table: "wga_80_100_monitoring",
                columns: new[] { "AreaTeam", "NextContactDueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "beoordelingen");

            migrationBuilder.DropTable(
                name: "contacts");

            migrationBuilder.DropTable(
                name: "dossier_status_changes");

            migrationBuilder.DropTable(
                name: "dossiers");

            migrationBuilder.DropTable(
                name: "herbeoordelingsverzoeken");

            migrationBuilder.DropTable(
                name: "herkeuringsaanvragen");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "norm_deadlines");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "reintegratie_owners");

            migrationBuilder.DropTable(
                name: "terugbelverzoeken");

            migrationBuilder.DropTable(
                name: "wga_80_100_monitoring");
        }
    }
}
