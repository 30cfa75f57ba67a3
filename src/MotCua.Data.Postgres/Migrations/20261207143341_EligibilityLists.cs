using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EligibilityLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EligibilityLists",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyPath = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    Decision = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Codes = table.Column<string>(type: "text", nullable: false),
                    ImportedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReplacedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EligibilityLists", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EligibilityLists_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EligibilityLists_AgencyId",
                table: "EligibilityLists",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_EligibilityLists_Kind_AgencyId_ReplacedAt",
                table: "EligibilityLists",
                columns: new[] { "Kind", "AgencyId", "ReplacedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EligibilityLists");
        }
    }
}
