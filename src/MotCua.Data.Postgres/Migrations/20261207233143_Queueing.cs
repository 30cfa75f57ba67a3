using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Queueing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "TicketId",
                table: "Dossiers",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CounterSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    DeskId = table.Column<Guid>(type: "uuid", nullable: false),
                    DeskNumber = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CounterSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CounterSessions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CounterSessions_Desks_DeskId",
                        column: x => x.DeskId,
                        principalTable: "Desks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QueueBoardChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    TicketId = table.Column<Guid>(type: "uuid", nullable: false),
                    Change = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    DeskNumber = table.Column<int>(type: "integer", nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QueueBoardChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QueueCentreTargets",
                columns: table => new
                {
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    Percent = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QueueCentreTargets", x => x.AgencyId);
                    table.ForeignKey(
                        name: "FK_QueueCentreTargets_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QueueDevices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    KeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QueueDevices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QueueDevices_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QueueServices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    ReturnsResults = table.Column<bool>(type: "boolean", nullable: false),
                    FieldIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    DeskIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    SlotCapacity = table.Column<int>(type: "integer", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    IssueFrom = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    IssueUntil = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QueueServices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QueueServices_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QueueBookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Token = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Start = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Seat = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CitizenId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TicketId = table.Column<Guid>(type: "uuid", nullable: true),
                    RedeemedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReminderSent = table.Column<bool>(type: "boolean", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QueueBookings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QueueBookings_QueueServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "QueueServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QueueTickets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    IssuedServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RankAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EligibleFrom = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    BookingId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    TargetDeskId = table.Column<Guid>(type: "uuid", nullable: true),
                    DeskId = table.Column<Guid>(type: "uuid", nullable: true),
                    DeskNumber = table.Column<int>(type: "integer", nullable: true),
                    OfficerId = table.Column<Guid>(type: "uuid", nullable: true),
                    OfficerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FirstCalledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CalledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CallCount = table.Column<int>(type: "integer", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CitizenId = table.Column<Guid>(type: "uuid", nullable: true),
                    TurnNearSent = table.Column<bool>(type: "boolean", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Rating = table.Column<int>(type: "integer", nullable: true),
                    RatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QueueTickets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QueueTickets_QueueServices_IssuedServiceId",
                        column: x => x.IssuedServiceId,
                        principalTable: "QueueServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QueueTickets_QueueServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "QueueServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_TicketId",
                table: "Dossiers",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_CounterSessions_AgencyId_Day",
                table: "CounterSessions",
                columns: new[] { "AgencyId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_CounterSessions_DeskId",
                table: "CounterSessions",
                column: "DeskId",
                unique: true,
                filter: "\"EndedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CounterSessions_UserId",
                table: "CounterSessions",
                column: "UserId",
                unique: true,
                filter: "\"EndedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_QueueBoardChanges_AgencyId_At",
                table: "QueueBoardChanges",
                columns: new[] { "AgencyId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_QueueBoardChanges_At",
                table: "QueueBoardChanges",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_QueueBookings_AgencyId_Day",
                table: "QueueBookings",
                columns: new[] { "AgencyId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_QueueBookings_Code",
                table: "QueueBookings",
                column: "Code");

            migrationBuilder.CreateIndex(
                name: "IX_QueueBookings_Phone_StartsAt",
                table: "QueueBookings",
                columns: new[] { "Phone", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_QueueBookings_ServiceId_StartsAt_Seat",
                table: "QueueBookings",
                columns: new[] { "ServiceId", "StartsAt", "Seat" },
                unique: true,
                filter: "\"Status\" <> 2");

            migrationBuilder.CreateIndex(
                name: "IX_QueueBookings_Token",
                table: "QueueBookings",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QueueDevices_AgencyId",
                table: "QueueDevices",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_QueueServices_AgencyId_Prefix",
                table: "QueueServices",
                columns: new[] { "AgencyId", "Prefix" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QueueTickets_AgencyId_Day_Status",
                table: "QueueTickets",
                columns: new[] { "AgencyId", "Day", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_QueueTickets_DossierId",
                table: "QueueTickets",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_QueueTickets_IssuedServiceId_Day_Sequence",
                table: "QueueTickets",
                columns: new[] { "IssuedServiceId", "Day", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QueueTickets_ServiceId_Status_RankAt",
                table: "QueueTickets",
                columns: new[] { "ServiceId", "Status", "RankAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CounterSessions");

            migrationBuilder.DropTable(
                name: "QueueBoardChanges");

            migrationBuilder.DropTable(
                name: "QueueBookings");

            migrationBuilder.DropTable(
                name: "QueueCentreTargets");

            migrationBuilder.DropTable(
                name: "QueueDevices");

            migrationBuilder.DropTable(
                name: "QueueTickets");

            migrationBuilder.DropTable(
                name: "QueueServices");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_TicketId",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "TicketId",
                table: "Dossiers");
        }
    }
}
