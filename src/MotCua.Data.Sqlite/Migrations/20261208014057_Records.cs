using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Records : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FilePlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CopiedFromId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ApprovedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FilePlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FilePlans_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RetentionRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Years = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetentionRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FilePlanHeadings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FilePlanHeadings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FilePlanHeadings_FilePlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "FilePlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlannedFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HeadingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Notation = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RetentionYears = table.Column<int>(type: "INTEGER", nullable: true),
                    Access = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponsibleUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Responsible = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ProcedureCode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    DocumentTypeCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlannedFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlannedFiles_FilePlanHeadings_HeadingId",
                        column: x => x.HeadingId,
                        principalTable: "FilePlanHeadings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlannedFiles_FilePlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "FilePlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RecordFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganIdentifier = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Notation = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PlannedFileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UnplannedReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RetentionYears = table.Column<int>(type: "INTEGER", nullable: true),
                    Access = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Keywords = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Format = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ProcedureCode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    DocumentTypeCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DocumentCount = table.Column<int>(type: "INTEGER", nullable: false),
                    PageCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecordFiles_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RecordFiles_PlannedFiles_PlannedFileId",
                        column: x => x.PlannedFileId,
                        principalTable: "PlannedFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecordItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Notation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IssueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TypeName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    PageCount = table.Column<int>(type: "INTEGER", nullable: true),
                    Confidentiality = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FileKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FiledAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecordItems_RecordFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "RecordFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FilePlanHeadings_PlanId",
                table: "FilePlanHeadings",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_FilePlans_AgencyId_Year",
                table: "FilePlans",
                columns: new[] { "AgencyId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlannedFiles_HeadingId",
                table: "PlannedFiles",
                column: "HeadingId");

            migrationBuilder.CreateIndex(
                name: "IX_PlannedFiles_PlanId_Notation",
                table: "PlannedFiles",
                columns: new[] { "PlanId", "Notation" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlannedFiles_ProcedureCode",
                table: "PlannedFiles",
                column: "ProcedureCode");

            migrationBuilder.CreateIndex(
                name: "IX_RecordFiles_AgencyId_Code",
                table: "RecordFiles",
                columns: new[] { "AgencyId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RecordFiles_AgencyId_Status_Year",
                table: "RecordFiles",
                columns: new[] { "AgencyId", "Status", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordFiles_AgencyId_Year_ProcedureCode",
                table: "RecordFiles",
                columns: new[] { "AgencyId", "Year", "ProcedureCode" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordFiles_PlannedFileId",
                table: "RecordFiles",
                column: "PlannedFileId",
                unique: true,
                filter: "\"PlannedFileId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_RecordItems_FileId",
                table: "RecordItems",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_RecordItems_Source_SourceId",
                table: "RecordItems",
                columns: new[] { "Source", "SourceId" },
                unique: true,
                filter: "\"SourceId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_RetentionRules_Code",
                table: "RetentionRules",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RecordItems");

            migrationBuilder.DropTable(
                name: "RetentionRules");

            migrationBuilder.DropTable(
                name: "RecordFiles");

            migrationBuilder.DropTable(
                name: "PlannedFiles");

            migrationBuilder.DropTable(
                name: "FilePlanHeadings");

            migrationBuilder.DropTable(
                name: "FilePlans");
        }
    }
}
