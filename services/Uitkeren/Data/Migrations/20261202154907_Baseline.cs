using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Uwv.Uitkeren.Data.Migrations
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "inkomsten_signalen",
                columns: table => new
                {
                    SignaalId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    IncomeCents = table.Column<long>(type: "bigint", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RequestId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AreaTeam = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReviewNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    ReplacesSignaalId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReplacedBySignaalId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inkomsten_signalen", x => x.SignaalId);
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

            migrationBuilder.CreateTable(
                name: "terugvorderingen",
                columns: table => new
                {
                    TerugvorderingId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaTeam = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UitkeringId = table.Column<Guid>(type: "uuid", nullable: true),
                    SourceId = table.Column<Guid>(type: "uuid", nullable: true),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_terugvorderingen", x => x.TerugvorderingId);
                });

            migrationBuilder.CreateTable(
                name: "uitkeringen",
                columns: table => new
                {
                    UitkeringId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaTeam = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    MonthlyAmountCents = table.Column<long>(type: "bigint", nullable: false),
                    GrantedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GrantedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RequestId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_uitkeringen", x => x.UitkeringId);
                });

            migrationBuilder.CreateTable(
                name: "verrekeningen",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SignaalId = table.Column<Guid>(type: "uuid", nullable: false),
                    UitkeringId = table.Column<Guid>(type: "uuid", nullable: false),
                    DeductedCents = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_verrekeningen", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "voorschotten",
                columns: table => new
                {
                    VoorschotId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaTeam = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    MonthlyAmountCents = table.Column<long>(type: "bigint", nullable: false),
                    WiaAanvraagOn = table.Column<DateOnly>(type: "date", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    UnansweredCalls = table.Column<int>(type: "integer", nullable: false),
                    EmailSentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SettledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RequestId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RequestedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voorschotten", x => x.VoorschotId);
                });

            migrationBuilder.CreateTable(
                name: "wia_claim_decisions",
                columns: table => new
                {
                    BeoordelingId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wia_claim_decisions", x => x.BeoordelingId);
                });

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
                name: "IX_inkomsten_signalen_AreaTeam_Status_RecordedAt",
                table: "inkomsten_signalen",
                columns: new[] { "AreaTeam", "Status", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_inkomsten_signalen_ClientId_Period_Revision",
                table: "inkomsten_signalen",
                columns: new[] { "ClientId", "Period", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inkomsten_signalen_RecordedBy_RequestId",
                table: "inkomsten_signalen",
                columns: new[] { "RecordedBy", "RequestId" },
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

            migrationBuilder.CreateIndex(
                name: "IX_terugvorderingen_ClientId",
                table: "terugvorderingen",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_terugvorderingen_RecordedBy_RequestId",
                table: "terugvorderingen",
                columns: new[] { "RecordedBy", "RequestId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_terugvorderingen_SourceId",
                table: "terugvorderingen",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_uitkeringen_ClientId",
                table: "uitkeringen",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_uitkeringen_GrantedBy_RequestId",
                table: "uitkeringen",
                columns: new[] { "GrantedBy", "RequestId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_verrekeningen_SignaalId",
                table: "verrekeningen",
                column: "SignaalId");

            migrationBuilder.CreateIndex(
                name: "IX_voorschotten_ClientId",
                table: "voorschotten",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_voorschotten_RequestedBy_RequestId",
                table: "voorschotten",
                columns: new[] { "RequestedBy", "RequestId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_wia_claim_decisions_ClientId",
                table: "wia_claim_decisions",
                column: "ClientId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contacts");

            migrationBuilder.DropTable(
                name: "dossier_status_changes");

            migrationBuilder.DropTable(
                name: "dossiers");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "inkomsten_signalen");

            migrationBuilder.DropTable(
                name: "norm_deadlines");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "terugbelverzoeken");

            migrationBuilder.DropTable(
                name: "terugvorderingen");

            migrationBuilder.DropTable(
                name: "uitkeringen");

            migrationBuilder.DropTable(
                name: "verrekeningen");

            migrationBuilder.DropTable(
                name: "voorschotten");

            migrationBuilder.DropTable(
                name: "wia_claim_decisions");
        }
    }
}
