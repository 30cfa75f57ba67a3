using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RatedOfficerCopies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CompetentAgencyId",
                table: "RatedOfficers",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<int>(
                name: "Level",
                table: "RatedOfficers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "RatedAt",
                table: "RatedOfficers",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<Guid>(
                name: "ReceivingAgencyId",
                table: "RatedOfficers",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Ratings given before this version: copy their level, time and agencies to their officers.
            migrationBuilder.Sql("""
                UPDATE "RatedOfficers" SET "Level" = r."Level", "RatedAt" = r."RatedAt", "ReceivingAgencyId" = r."ReceivingAgencyId", "CompetentAgencyId" = r."CompetentAgencyId"
                FROM "SatisfactionRatings" AS r WHERE r."Id" = "RatedOfficers"."RatingId"
                """);

            migrationBuilder.CreateIndex(
                name: "IX_RatedOfficers_CompetentAgencyId_RatedAt",
                table: "RatedOfficers",
                columns: new[] { "CompetentAgencyId", "RatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RatedOfficers_ReceivingAgencyId_RatedAt",
                table: "RatedOfficers",
                columns: new[] { "ReceivingAgencyId", "RatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RatedOfficers_CompetentAgencyId_RatedAt",
                table: "RatedOfficers");

            migrationBuilder.DropIndex(
                name: "IX_RatedOfficers_ReceivingAgencyId_RatedAt",
                table: "RatedOfficers");

            migrationBuilder.DropColumn(
                name: "CompetentAgencyId",
                table: "RatedOfficers");

            migrationBuilder.DropColumn(
                name: "Level",
                table: "RatedOfficers");

            migrationBuilder.DropColumn(
                name: "RatedAt",
                table: "RatedOfficers");

            migrationBuilder.DropColumn(
                name: "ReceivingAgencyId",
                table: "RatedOfficers");
        }
    }
}
