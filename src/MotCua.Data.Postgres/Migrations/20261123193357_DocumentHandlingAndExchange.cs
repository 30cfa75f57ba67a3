using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DocumentHandlingAndExchange : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CopyKind",
                table: "OfficialDocuments",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Deadline",
                table: "OfficialDocuments",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ExchangeId",
                table: "OfficialDocuments",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FinishedAt",
                table: "OfficialDocuments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "HandlerId",
                table: "OfficialDocuments",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandlerName",
                table: "OfficialDocuments",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "HandlerUnitId",
                table: "OfficialDocuments",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Instruction",
                table: "OfficialDocuments",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "LeaderId",
                table: "OfficialDocuments",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeaderName",
                table: "OfficialDocuments",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "OriginalId",
                table: "OfficialDocuments",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "OfficialDocuments",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewedAt",
                table: "OfficialDocuments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedBy",
                table: "OfficialDocuments",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedSha256",
                table: "OfficialDocuments",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SenderIdentifier",
                table: "OfficialDocuments",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DocumentExchanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Direction = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PackageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sender = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SenderName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Recipient = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RecipientName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    StatusAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentExchanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentExchanges_OfficialDocuments_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "OfficialDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExchangeStatuses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ExchangeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Staff = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeliveredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeliveryError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExchangeStatuses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExchangeStatuses_DocumentExchanges_ExchangeId",
                        column: x => x.ExchangeId,
                        principalTable: "DocumentExchanges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OfficialDocuments_HandlerId",
                table: "OfficialDocuments",
                column: "HandlerId");

            migrationBuilder.CreateIndex(
                name: "IX_OfficialDocuments_HandlerUnitId",
                table: "OfficialDocuments",
                column: "HandlerUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_OfficialDocuments_OriginalId",
                table: "OfficialDocuments",
                column: "OriginalId");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentExchanges_DocumentId",
                table: "DocumentExchanges",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentExchanges_PackageId_Recipient_Direction",
                table: "DocumentExchanges",
                columns: new[] { "PackageId", "Recipient", "Direction" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeStatuses_ExchangeId",
                table: "ExchangeStatuses",
                column: "ExchangeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExchangeStatuses");

            migrationBuilder.DropTable(
                name: "DocumentExchanges");

            migrationBuilder.DropIndex(
                name: "IX_OfficialDocuments_HandlerId",
                table: "OfficialDocuments");

            migrationBuilder.DropIndex(
                name: "IX_OfficialDocuments_HandlerUnitId",
                table: "OfficialDocuments");

            migrationBuilder.DropIndex(
                name: "IX_OfficialDocuments_OriginalId",
                table: "OfficialDocuments");

            migrationBuilder.DropColumn(
                name: "CopyKind",
                table: "OfficialDocuments");

            migrationBuilder.DropColumn(
                name: "Deadline",
                table: "OfficialDocuments");

            migrationBuilder.DropColumn(
                name: "ExchangeId",
                table: "OfficialDocuments");

            migrationBuilder.DropColumn(
                name: "FinishedAt",
                table: "OfficialDocuments");

            migrationBuilder.DropColumn(
                name: "HandlerId",
                table: "OfficialDocuments");

            migrationBuilder.DropColumn(
                name: "HandlerName",
                table: "OfficialDocuments");

            migrationBuilder.DropColumn(
                name: "HandlerUnitId",
                table: "OfficialDocuments");

            migrationBuilder.DropColumn(
                name: "Instruction",
                table: "OfficialDocuments");

            migrationBuilder.DropColumn(
                name: "LeaderId",
                table: "OfficialDocuments");

            migrationBuilder.DropColumn(
                name: "LeaderName",
                table: "OfficialDocuments");

            migrationBuilder.DropColumn(
                name: "OriginalId",
                table: "OfficialDocuments");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "OfficialDocuments");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "OfficialDocuments");

            migrationBuilder.DropColumn(
                name: "ReviewedBy",
                table: "OfficialDocuments");

            migrationBuilder.DropColumn(
                name: "ReviewedSha256",
                table: "OfficialDocuments");

            migrationBuilder.DropColumn(
                name: "SenderIdentifier",
                table: "OfficialDocuments");
        }
    }
}
