using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FastTracks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "FastTrackHours",
                table: "Dossiers",
                type: "TEXT",
                precision: 9,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "FastTrackId",
                table: "Dossiers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FastTrackName",
                table: "Dossiers",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FastTracks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyPath = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Days = table.Column<int>(type: "INTEGER", nullable: false),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    FieldIds = table.Column<string>(type: "TEXT", nullable: false),
                    ProcedureCodes = table.Column<string>(type: "TEXT", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeactivatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeactivatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FastTracks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FastTracks_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_FastTrackId",
                table: "Dossiers",
                column: "FastTrackId");

            migrationBuilder.CreateIndex(
                name: "IX_FastTracks_Active_AgencyPath",
                table: "FastTracks",
                columns: new[] { "Active", "AgencyPath" });

            migrationBuilder.CreateIndex(
                name: "IX_FastTracks_AgencyId",
                table: "FastTracks",
                column: "AgencyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FastTracks");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_FastTrackId",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "FastTrackHours",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "FastTrackId",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "FastTrackName",
                table: "Dossiers");
        }
    }
}
