using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DocumentFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FileKey",
                table: "OfficialDocuments",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FileName",
                table: "OfficialDocuments",
                type: "TEXT",
                maxLength: 260,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FileSha256",
                table: "OfficialDocuments",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SignedAt",
                table: "OfficialDocuments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignedBy",
                table: "OfficialDocuments",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VerificationCode",
                table: "OfficialDocuments",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OfficialDocuments_VerificationCode",
                table: "OfficialDocuments",
                column: "VerificationCode",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OfficialDocuments_VerificationCode",
                table: "OfficialDocuments");

            migrationBuilder.DropColumn(
                name: "FileKey",
                table: "OfficialDocuments");

            migrationBuilder.DropColumn(
                name: "FileName",
                table: "OfficialDocuments");

            migrationBuilder.DropColumn(
                name: "FileSha256",
                table: "OfficialDocuments");

            migrationBuilder.DropColumn(
                name: "SignedAt",
                table: "OfficialDocuments");

            migrationBuilder.DropColumn(
                name: "SignedBy",
                table: "OfficialDocuments");

            migrationBuilder.DropColumn(
                name: "VerificationCode",
                table: "OfficialDocuments");
        }
    }
}
