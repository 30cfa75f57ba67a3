using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class KioskReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ReviewAccepted",
                table: "KioskRatings",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewedAt",
                table: "KioskRatings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedBy",
                table: "KioskRatings",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReviewAccepted",
                table: "KioskRatings");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "KioskRatings");

            migrationBuilder.DropColumn(
                name: "ReviewedBy",
                table: "KioskRatings");
        }
    }
}
