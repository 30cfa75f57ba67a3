using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ResultDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DossierCode",
                table: "OfficialDocuments",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DossierId",
                table: "OfficialDocuments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ResultDocumentId",
                table: "Dossiers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResultNotation",
                table: "Dossiers",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OfficialDocuments_DossierId",
                table: "OfficialDocuments",
                column: "DossierId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OfficialDocuments_DossierId",
                table: "OfficialDocuments");

            migrationBuilder.DropColumn(
                name: "DossierCode",
                table: "OfficialDocuments");

            migrationBuilder.DropColumn(
                name: "DossierId",
                table: "OfficialDocuments");

            migrationBuilder.DropColumn(
                name: "ResultDocumentId",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ResultNotation",
                table: "Dossiers");
        }
    }
}
