using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Uwv.Klantbeeld.Audit.Migrations
{
    /// <inheritdoc />
    public partial class RefusedRegistrationsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_refused_registrations",
                table: "audit_entries",
                columns: new[] { "Subject", "At" },
                filter: "\"Method\" = 'RegisterClient' AND \"Outcome\" = 'already_exists'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_audit_entries_refused_registrations",
                table: "audit_entries");
        }
    }
}
