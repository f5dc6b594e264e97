using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Uwv.Handover.Data.Migrations
{
    /// <inheritdoc />
    public partial class HandoverIndexesReadByQueries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_handovers_DossierId",
                table: "handovers");

            migrationBuilder.DropIndex(
                name: "IX_handovers_State_DueAt",
                table: "handovers");

            migrationBuilder.CreateIndex(
                name: "IX_handovers_overdue",
                table: "handovers",
                column: "DueAt",
                filter: "\"State\" IN ('transferred', 'escalated')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_handovers_overdue",
                table: "handovers");

            migrationBuilder.CreateIndex(
                name: "IX_handovers_DossierId",
                table: "handovers",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_handovers_State_DueAt",
                table: "handovers",
                columns: new[] { "State", "DueAt" });
        }
    }
}
