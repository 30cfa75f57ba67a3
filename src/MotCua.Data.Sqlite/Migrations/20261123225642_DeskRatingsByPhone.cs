using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DeskRatingsByPhone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ByPhone",
                table: "KioskRatings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ByPhone",
                table: "KioskRatings");
        }
    }
}
