using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Data.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewedAt",
                table: "KioskRatings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedBy",
                table: "KioskRatings",
                type: "TEXT",
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
