using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Data.Postgres.Migrations
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
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LinkedInputFrom",
                table: "Dossiers",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LinkedInputName",
                table: "Dossiers",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LinkedStage",
                table: "Dossiers",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LinkedDossiers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    ServiceCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ServiceName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ReceivingAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: true),
                    ApplicantName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReturnTogether = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
