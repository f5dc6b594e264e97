using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Uwv.Handover.Data.Migrations
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "client_teams",
                columns: table => new
                {
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Team = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_client_teams", x => x.ClientId);
                });

            migrationBuilder.CreateTable(
                name: "dossier_moves",
                columns: table => new
                {
                    MoveId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineageId = table.Column<Guid>(type: "uuid", nullable: false),
                    HandoverId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromDivision = table.Column<int>(type: "integer", nullable: false),
                    ToDivision = table.Column<int>(type: "integer", nullable: false),
                    Movement = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_moves", x => x.MoveId);
                });

            migrationBuilder.CreateTable(
                name: "dossier_ownership",
                columns: table => new
                {
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineageId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Division = table.Column<int>(type: "integer", nullable: false),
                    Team = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    Since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_ownership", x => x.DossierId);
                });

            migrationBuilder.CreateTable(
                name: "handover_commands",
                columns: table => new
                {
                    RequestedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    HandoverId = table.Column<Guid>(type: "uuid", nullable: false),
                    Command = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_handover_commands", x => new { x.RequestedBy, x.RequestId });
                });

            migrationBuilder.CreateTable(
                name: "handover_deadlines",
                columns: table => new
                {
                    DeadlineId = table.Column<Guid>(type: "uuid", nullable: false),
                    HandoverId = table.Column<Guid>(type: "uuid", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_handover_deadlines", x => x.DeadlineId);
                });

            migrationBuilder.CreateTable(
                name: "handovers",
                columns: table => new
                {
                    HandoverId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineageId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromDivision = table.Column<int>(type: "integer", nullable: false),
                    ToDivision = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    OpenQuestions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RequestedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Team = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RequestId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    NazorgJson = table.Column<string>(type: "text", nullable: false),
                    WarmHandoverRequired = table.Column<bool>(type: "boolean", nullable: false),
                    ReceivingColleague = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    WarmHandoverConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TransferredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NextEscalationAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EscalationLevel = table.Column<int>(type: "integer", nullable: false),
                    Casusoverleg = table.Column<bool>(type: "boolean", nullable: false),
                    ReturnReasonCategory = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CancelReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_handovers", x => x.HandoverId);
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
                name: "kpi_counters",
                columns: table => new
                {
                    Team = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Shard = table.Column<short>(type: "smallint", nullable: false),
                    Period = table.Column<int>(type: "integer", nullable: false),
                    FromDivision = table.Column<int>(type: "integer", nullable: false),
                    ToDivision = table.Column<int>(type: "integer", nullable: false),
                    Metric = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kpi_counters", x => new { x.Period, x.Team, x.FromDivision, x.ToDivision, x.Metric, x.Shard });
                });

            migrationBuilder.CreateTable(
                name: "kpi_gauges",
                columns: table => new
                {
                    Team = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Shard = table.Column<short>(type: "smallint", nullable: false),
                    Division = table.Column<int>(type: "integer", nullable: false),
                    Metric = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kpi_gauges", x => new { x.Team, x.Division, x.Metric, x.Shard });
                });

            migrationBuilder.CreateTable(
                name: "kpi_lineages",
                columns: table => new
                {
                    LineageId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kpi_lineages", x => x.LineageId);
                });

            migrationBuilder.CreateTable(
                name: "kpi_norm_deadlines",
                columns: table => new
                {
                    DeadlineId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kpi_norm_deadlines", x => x.DeadlineId);
                });

            migrationBuilder.CreateTable(
                name: "kpi_verzoeken",
                columns: table => new
                {
                    VerzoekId = table.Column<Guid>(type: "uuid", nullable: false),
                    Team = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kpi_verzoeken", x => x.VerzoekId);
                });

            migrationBuilder.CreateTable(
                name: "kpi_wga_clients",
                columns: table => new
                {
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Team = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NeedsOwner = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kpi_wga_clients", x => x.ClientId);
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
                name: "signalen",
                columns: table => new
                {
                    SignaalId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Team = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Factor = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RequestId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EndReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ConsentWithdrawn = table.Column<bool>(type: "boolean", nullable: false),
                    EndRequestId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signalen", x => x.SignaalId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dossier_moves_LineageId",
                table: "dossier_moves",
                column: "LineageId");

            migrationBuilder.CreateIndex(
                name: "IX_dossier_ownership_ClientId",
                table: "dossier_ownership",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_dossier_ownership_LineageId_Active",
                table: "dossier_ownership",
                columns: new[] { "LineageId", "Active" });

            migrationBuilder.CreateIndex(
                name: "IX_handover_deadlines_FiredAt_ResolvedAt_DueAt",
                table: "handover_deadlines",
                columns: new[] { "FiredAt", "ResolvedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_handover_deadlines_HandoverId",
                table: "handover_deadlines",
                column: "HandoverId");

            migrationBuilder.CreateIndex(
                name: "IX_handovers_ClientId",
                table: "handovers",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_handovers_DossierId",
                table: "handovers",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_handovers_LineageId",
                table: "handovers",
                column: "LineageId");

            migrationBuilder.CreateIndex(
                name: "IX_handovers_RequestedBy_RequestId",
                table: "handovers",
                columns: new[] { "RequestedBy", "RequestId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_handovers_State_DueAt",
                table: "handovers",
                columns: new[] { "State", "DueAt" });

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
                name: "IX_signalen_ClientId",
                table: "signalen",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_signalen_EndedBy_EndRequestId",
                table: "signalen",
                columns: new[] { "EndedBy", "EndRequestId" });

            migrationBuilder.CreateIndex(
                name: "IX_signalen_RecordedBy_RequestId",
                table: "signalen",
                columns: new[] { "RecordedBy", "RequestId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "client_teams");

            migrationBuilder.DropTable(
                name: "dossier_moves");

            migrationBuilder.DropTable(
                name: "dossier_ownership");

            migrationBuilder.DropTable(
                name: "handover_commands");

            migrationBuilder.DropTable(
                name: "handover_deadlines");

            migrationBuilder.DropTable(
                name: "handovers");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "kpi_counters");

            migrationBuilder.DropTable(
                name: "kpi_gauges");

            migrationBuilder.DropTable(
                name: "kpi_lineages");

            migrationBuilder.DropTable(
                name: "kpi_norm_deadlines");

            migrationBuilder.DropTable(
                name: "kpi_verzoeken");

            migrationBuilder.DropTable(
                name: "kpi_wga_clients");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "signalen");
        }
    }
}
