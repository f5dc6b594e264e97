using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Uwv.Handover.Data.Migrations
{
    /// <inheritdoc />
    public partial class HandoverHistoryAndCasusoverleg : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CasusoverlegAt",
                table: "handovers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CasusoverlegBy",
                table: "handovers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CasusoverlegOutcome",
                table: "handovers",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "handover_history",
                columns: table => new
                {
                    HandoverId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    What = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Cause = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Reached = table.Column<bool>(type: "boolean", nullable: false),
                    Colleague = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_handover_history", x => new { x.HandoverId, x.Version, x.Seq });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "handover_history");

            migrationBuilder.DropColumn(
                name: "CasusoverlegAt",
                table: "handovers");

            migrationBuilder.DropColumn(
                name: "CasusoverlegBy",
                table: "handovers");

            migrationBuilder.DropColumn(
                name: "CasusoverlegOutcome",
                table: "handovers");
        }
    }
}
