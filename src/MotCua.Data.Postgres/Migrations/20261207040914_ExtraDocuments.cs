using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ExtraDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Extra",
                table: "DossierDocuments",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // The default only fills the rows already there: the model has none, as a database made from it.
            migrationBuilder.AlterColumn<bool>(
                name: "Extra",
                table: "DossierDocuments",
                type: "boolean",
                nullable: false,
                oldClrType: typeof(bool),
                oldType: "boolean",
                oldDefaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Extra",
                table: "DossierDocuments");
        }
    }
}
