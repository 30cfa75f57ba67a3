using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ExchangeQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PendingError",
                table: "DocumentExchanges",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingKey",
                table: "DocumentExchanges",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_DocumentExchanges_PendingKey",
                table: "DocumentExchanges",
                column: "PendingKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DocumentExchanges_PendingKey",
                table: "DocumentExchanges");

            migrationBuilder.DropColumn(
                name: "PendingError",
                table: "DocumentExchanges");

            migrationBuilder.DropColumn(
                name: "PendingKey",
                table: "DocumentExchanges");
        }
    }
}
