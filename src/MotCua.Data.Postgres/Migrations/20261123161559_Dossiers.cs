using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Dossiers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DossierDayCounts",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    CompetentAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReceivingAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Metric = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierDayCounts", x => new { x.Day, x.CompetentAgencyId, x.ReceivingAgencyId, x.Metric });
                });

            migrationBuilder.CreateTable(
                name: "Dossiers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: true),
                    ProcedureId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcedureCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ProcedureName = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ProcedureVersion = table.Column<int>(type: "integer", nullable: false),
                    ProcessDefinitionId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReceivingAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    CompetentAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: true),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: true),
                    Applicant = table.Column<string>(type: "text", nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ApplicantNameFolded = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Request = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Delivery = table.Column<int>(type: "integer", nullable: false),
                    DeliveryAddress = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReceivedById = table.Column<Guid>(type: "uuid", nullable: true),
                    ReceivedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OriginalDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ApologyReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReturnedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PausedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PausedHours = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    StatusBeforeSupplement = table.Column<int>(type: "integer", nullable: true),
                    SupplementReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    StepIndex = table.Column<int>(type: "integer", nullable: false),
                    StepKind = table.Column<int>(type: "integer", nullable: true),
                    StepName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    StepRole = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    StepUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    StepAgencyId = table.Column<Guid>(type: "uuid", nullable: true),
                    StepStartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    StepDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AssigneeId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssigneeName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    LastAction = table.Column<int>(type: "integer", nullable: true),
                    TransferFromAgencyId = table.Column<Guid>(type: "uuid", nullable: true),
                    TransferReturnIndex = table.Column<int>(type: "integer", nullable: true),
                    TransferredById = table.Column<Guid>(type: "uuid", nullable: true),
                    ResultFileKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    ResultFileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    ResultValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosingReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReturnedTo = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    FinishedTimeliness = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Dossiers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Dossiers_Agencies_CompetentAgencyId",
                        column: x => x.CompetentAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Dossiers_Agencies_ReceivingAgencyId",
                        column: x => x.ReceivingAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Dossiers_Procedures_ProcedureId",
                        column: x => x.ProcedureId,
                        principalTable: "Procedures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProcessDefinitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcedureId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    IsCurrent = table.Column<bool>(type: "boolean", nullable: false),
                    TimeLimit = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    TimeLimitUnit = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Steps = table.Column<string>(type: "text", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessDefinitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcessDefinitions_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProcessDefinitions_Procedures_ProcedureId",
                        column: x => x.ProcedureId,
                        principalTable: "Procedures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DossierDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    Required = table.Column<bool>(type: "boolean", nullable: false),
                    Provided = table.Column<bool>(type: "boolean", nullable: false),
                    FileKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Size = table.Column<long>(type: "bigint", nullable: true),
                    IsSupplement = table.Column<bool>(type: "boolean", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DossierDocuments_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DossierEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Action = table.Column<int>(type: "integer", nullable: false),
                    FromStatus = table.Column<int>(type: "integer", nullable: false),
                    ToStatus = table.Column<int>(type: "integer", nullable: false),
                    StepIndex = table.Column<int>(type: "integer", nullable: false),
                    StepName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: true),
                    Comment = table.Column<string>(type: "character varying(4200)", maxLength: 4200, nullable: true),
                    FileKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    StepDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Timeliness = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DossierEvents_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DossierShipments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Window = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Waybill = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StatusText = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierShipments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DossierShipments_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DossierDayCounts_CompetentAgencyId_Day",
                table: "DossierDayCounts",
                columns: new[] { "CompetentAgencyId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_DossierDayCounts_ReceivingAgencyId_Day",
                table: "DossierDayCounts",
                columns: new[] { "ReceivingAgencyId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_DossierDocuments_DossierId",
                table: "DossierDocuments",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_DossierEvents_Action_At",
                table: "DossierEvents",
                columns: new[] { "Action", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_DossierEvents_DossierId_At",
                table: "DossierEvents",
                columns: new[] { "DossierId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_AssigneeId",
                table: "Dossiers",
                column: "AssigneeId");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Code",
                table: "Dossiers",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_CompetentAgencyId_ReceivedAt",
                table: "Dossiers",
                columns: new[] { "CompetentAgencyId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Open",
                table: "Dossiers",
                columns: new[] { "Status", "ReceivedAt", "DueAt", "CompetentAgencyId", "ReceivingAgencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_OwnerId_CreatedAt",
                table: "Dossiers",
                columns: new[] { "OwnerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_OwnerId_IdempotencyKey",
                table: "Dossiers",
                columns: new[] { "OwnerId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_ProcedureId",
                table: "Dossiers",
                column: "ProcedureId");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_ReceivingAgencyId_SubmittedAt",
                table: "Dossiers",
                columns: new[] { "ReceivingAgencyId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_StepAgencyId_StepRole_StepDueAt_Status_AssigneeId_~",
                table: "Dossiers",
                columns: new[] { "StepAgencyId", "StepRole", "StepDueAt", "Status", "AssigneeId", "StepUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_DossierShipments_DossierId",
                table: "DossierShipments",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_DossierShipments_Kind_Status",
                table: "DossierShipments",
                columns: new[] { "Kind", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ProcessDefinitions_AgencyId",
                table: "ProcessDefinitions",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessDefinitions_ProcedureId_AgencyId_Version",
                table: "ProcessDefinitions",
                columns: new[] { "ProcedureId", "AgencyId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DossierDayCounts");

            migrationBuilder.DropTable(
                name: "DossierDocuments");

            migrationBuilder.DropTable(
                name: "DossierEvents");

            migrationBuilder.DropTable(
                name: "DossierShipments");

            migrationBuilder.DropTable(
                name: "ProcessDefinitions");

            migrationBuilder.DropTable(
                name: "Dossiers");
        }
    }
}
