using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Uwv.Handover.Data.Migrations
{
    /// <inheritdoc />
    public partial class PendingKpiIncrements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "kpi_counter_increments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    Team = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FromDivision = table.Column<int>(type: "integer", nullable: false),
                    ToDivision = table.Column<int>(type: "integer", nullable: false),
                    Metric = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kpi_counter_increments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "kpi_gauge_increments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Team = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Division = table.Column<int>(type: "integer", nullable: false),
                    Metric = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kpi_gauge_increments", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kpi_counter_increments");

            migrationBuilder.DropTable(
                name: "kpi_gauge_increments");
        }
    }
}
