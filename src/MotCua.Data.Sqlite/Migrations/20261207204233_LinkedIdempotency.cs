using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LinkedIdempotency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IdempotencyKey",
                table: "LinkedDossiers",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_LinkedDossiers_OwnerId_IdempotencyKey",
                table: "LinkedDossiers",
                columns: new[] { "OwnerId", "IdempotencyKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LinkedDossiers_OwnerId_IdempotencyKey",
                table: "LinkedDossiers");

            migrationBuilder.DropColumn(
                name: "IdempotencyKey",
                table: "LinkedDossiers");
        }
    }
}
