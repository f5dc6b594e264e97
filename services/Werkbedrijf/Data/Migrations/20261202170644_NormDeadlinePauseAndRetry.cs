using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Uwv.Werkbedrijf.Data.Migrations
{
    /// <inheritdoc />
    public partial class NormDeadlinePauseAndRetry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FailedAttempts",
                table: "norm_deadlines",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RetryAt",
                table: "norm_deadlines",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SuspendedAt",
                table: "norm_deadlines",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FailedAttempts",
                table: "norm_deadlines");

            migrationBuilder.DropColumn(
                name: "RetryAt",
                table: "norm_deadlines");

            migrationBuilder.DropColumn(
                name: "SuspendedAt",
                table: "norm_deadlines");
        }
    }
}
