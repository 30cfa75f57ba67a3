using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Ratings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RatingInvitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RatingInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RatingInvitations_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SatisfactionRatings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DossierCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProcedureCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReceivingAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompetentAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeScore = table.Column<int>(type: "INTEGER", nullable: true),
                    GuidanceScore = table.Column<int>(type: "INTEGER", nullable: true),
                    AttitudeScore = table.Column<int>(type: "INTEGER", nullable: true),
                    Visits = table.Column<int>(type: "INTEGER", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SatisfactionRatings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SatisfactionRatings_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RatedOfficers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RatingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RatedOfficers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RatedOfficers_SatisfactionRatings_RatingId",
                        column: x => x.RatingId,
                        principalTable: "SatisfactionRatings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RatedOfficers_RatingId",
                table: "RatedOfficers",
                column: "RatingId");

            migrationBuilder.CreateIndex(
                name: "IX_RatedOfficers_UserId_RatingId",
                table: "RatedOfficers",
                columns: new[] { "UserId", "RatingId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RatingInvitations_DossierId",
                table: "RatingInvitations",
                column: "DossierId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RatingInvitations_Token",
                table: "RatingInvitations",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SatisfactionRatings_CompetentAgencyId_RatedAt",
                table: "SatisfactionRatings",
                columns: new[] { "CompetentAgencyId", "RatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SatisfactionRatings_DossierId",
                table: "SatisfactionRatings",
                column: "DossierId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SatisfactionRatings_ReceivingAgencyId_RatedAt",
                table: "SatisfactionRatings",
                columns: new[] { "ReceivingAgencyId", "RatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RatedOfficers");

            migrationBuilder.DropTable(
                name: "RatingInvitations");

            migrationBuilder.DropTable(
                name: "SatisfactionRatings");
        }
    }
}
