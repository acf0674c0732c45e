using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Hospital.Domain.Data.Migrations;

/// <summary>Issue 7: every attempt to send a prescription to the national e-prescription system, with request and reply.</summary>
[DbContext(typeof(HospitalDbContext))]
[Migration("20261122000022_PrescriptionSubmissions")]
public sealed class PrescriptionSubmissions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "prescription_submissions",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                prescription_id = table.Column<int>(nullable: false),
                attempted_at = table.Column<DateTime>(nullable: false),
                accepted = table.Column<bool>(nullable: false),
                http_status = table.Column<int>(nullable: true),
                request = table.Column<string>(nullable: true),
                raw_reply = table.Column<string>(nullable: true),
                message = table.Column<string>(maxLength: 2000, nullable: true),
                error = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_prescription_submissions", x => x.id);
                table.ForeignKey(
                    name: "fk_prescription_submissions_prescriptions_prescription_id",
                    column: x => x.prescription_id,
                    principalTable: "prescriptions",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(
            name: "ix_prescription_submissions_prescription_id",
            table: "prescription_submissions",
            column: "prescription_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "prescription_submissions");
    }
}
