using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Uwv.BezwaarBeroep.Data.Migrations
{
    /// <inheritdoc />
    public partial class OutboxUnsentIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_unsent",
                table: "outbox_messages",
                column: "Id",
                filter: "\"SentAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbox_messages_unsent",
                table: "outbox_messages");
        }
    }
}
