using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Data.Postgres.Migrations
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
                type: "numeric(9,2)",
                precision: 9,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "FastTrackId",
                table: "Dossiers",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FastTrackName",
                table: "Dossiers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FastTracks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyPath = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Basis = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Days = table.Column<int>(type: "integer", nullable: false),
                    Hours = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    FieldIds = table.Column<string>(type: "text", nullable: false),
                    ProcedureCodes = table.Column<string>(type: "text", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeactivatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeactivatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
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
