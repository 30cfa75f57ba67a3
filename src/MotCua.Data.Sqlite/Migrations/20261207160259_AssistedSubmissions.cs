using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AssistedSubmissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AssistConsent",
                table: "Dossiers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AssistPointAgencyId",
                table: "Dossiers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AssistedById",
                table: "Dossiers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssistedByName",
                table: "Dossiers",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AssistConsentCodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    HelperId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProcedureCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UsedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssistConsentCodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssistConsentCodes_AspNetUsers_HelperId",
                        column: x => x.HelperId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_AssistedById_SubmittedAt",
                table: "Dossiers",
                columns: new[] { "AssistedById", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AssistConsentCodes_HelperId",
                table: "AssistConsentCodes",
                column: "HelperId");

            migrationBuilder.CreateIndex(
                name: "IX_AssistConsentCodes_Phone_CreatedAt",
                table: "AssistConsentCodes",
                columns: new[] { "Phone", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssistConsentCodes");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_AssistedById_SubmittedAt",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "AssistConsent",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "AssistPointAgencyId",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "AssistedById",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "AssistedByName",
                table: "Dossiers");
        }
    }
}
