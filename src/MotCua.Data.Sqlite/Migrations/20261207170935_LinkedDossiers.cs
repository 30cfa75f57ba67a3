using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LinkedDossiers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "LinkedDossierId",
                table: "Dossiers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LinkedInputFrom",
                table: "Dossiers",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LinkedInputName",
                table: "Dossiers",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LinkedStage",
                table: "Dossiers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LinkedDossiers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    ServiceCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ServiceName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ReceivingAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApplicantName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReturnTogether = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LinkedDossiers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LinkedDossiers_Agencies_ReceivingAgencyId",
                        column: x => x.ReceivingAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_LinkedDossierId",
                table: "Dossiers",
                column: "LinkedDossierId");

            migrationBuilder.CreateIndex(
                name: "IX_LinkedDossiers_Code",
                table: "LinkedDossiers",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LinkedDossiers_OwnerId_CreatedAt",
                table: "LinkedDossiers",
                columns: new[] { "OwnerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LinkedDossiers_ReceivingAgencyId",
                table: "LinkedDossiers",
                column: "ReceivingAgencyId");

            migrationBuilder.AddForeignKey(
                name: "FK_Dossiers_LinkedDossiers_LinkedDossierId",
                table: "Dossiers",
                column: "LinkedDossierId",
                principalTable: "LinkedDossiers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Dossiers_LinkedDossiers_LinkedDossierId",
                table: "Dossiers");

            migrationBuilder.DropTable(
                name: "LinkedDossiers");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_LinkedDossierId",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "LinkedDossierId",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "LinkedInputFrom",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "LinkedInputName",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "LinkedStage",
                table: "Dossiers");
        }
    }
}
