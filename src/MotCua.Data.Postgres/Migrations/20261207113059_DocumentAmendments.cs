using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DocumentAmendments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DocumentExchanges_PackageId_Recipient_Direction",
                table: "DocumentExchanges");

            migrationBuilder.AddColumn<string>(
                name: "Amendment",
                table: "OfficialDocuments",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AmendmentReason",
                table: "OfficialDocuments",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AmendsId",
                table: "OfficialDocuments",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Business",
                table: "DocumentExchanges",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "New");

            migrationBuilder.AddColumn<string>(
                name: "Fingerprint",
                table: "DocumentExchanges",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_OfficialDocuments_AmendsId",
                table: "OfficialDocuments",
                column: "AmendsId");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentExchanges_PackageId_Recipient_Direction_Business_Fi~",
                table: "DocumentExchanges",
                columns: new[] { "PackageId", "Recipient", "Direction", "Business", "Fingerprint" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OfficialDocuments_AmendsId",
                table: "OfficialDocuments");

            migrationBuilder.DropIndex(
                name: "IX_DocumentExchanges_PackageId_Recipient_Direction_Business_Fi~",
                table: "DocumentExchanges");

            migrationBuilder.DropColumn(
                name: "Amendment",
                table: "OfficialDocuments");

            migrationBuilder.DropColumn(
                name: "AmendmentReason",
                table: "OfficialDocuments");

            migrationBuilder.DropColumn(
                name: "AmendsId",
                table: "OfficialDocuments");

            migrationBuilder.DropColumn(
                name: "Business",
                table: "DocumentExchanges");

            migrationBuilder.DropColumn(
                name: "Fingerprint",
                table: "DocumentExchanges");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentExchanges_PackageId_Recipient_Direction",
                table: "DocumentExchanges",
                columns: new[] { "PackageId", "Recipient", "Direction" },
                unique: true);
        }
    }
}
