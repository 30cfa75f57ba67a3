using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AgencyTargets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AgencyTargets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyPath = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    Metric = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Percent = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false),
                    SetBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SetAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgencyTargets_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TargetEvaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TargetId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Metric = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Target = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false),
                    Actual = table.Column<double>(type: "double precision", nullable: true),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    Met = table.Column<bool>(type: "boolean", nullable: false),
                    EvaluatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TargetEvaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TargetEvaluations_AgencyTargets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "AgencyTargets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgencyTargets_AgencyId_Metric",
                table: "AgencyTargets",
                columns: new[] { "AgencyId", "Metric" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TargetEvaluations_AgencyId_Month",
                table: "TargetEvaluations",
                columns: new[] { "AgencyId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_TargetEvaluations_TargetId_Month",
                table: "TargetEvaluations",
                columns: new[] { "TargetId", "Month" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TargetEvaluations");

            migrationBuilder.DropTable(
                name: "AgencyTargets");
        }
    }
}
