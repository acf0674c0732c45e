using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Hospital.Domain.Data.Migrations;

/// <summary>
/// Dispensing (issue 7): who closed the undispensed rest of a prescription, when and why (the
/// patient declined it, or the 5 days of TT 26/2025 passed).
/// </summary>
[DbContext(typeof(HospitalDbContext))]
[Migration("20261122000020_DispensingClose")]
public sealed class DispensingClose : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>(name: "dispensing_closed_at", table: "prescriptions", nullable: true);
        migrationBuilder.AddColumn<string>(name: "dispensing_closed_by", table: "prescriptions", maxLength: 256, nullable: true);
        migrationBuilder.AddColumn<string>(name: "dispensing_close_reason", table: "prescriptions", maxLength: 500, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "dispensing_close_reason", table: "prescriptions");
        migrationBuilder.DropColumn(name: "dispensing_closed_by", table: "prescriptions");
        migrationBuilder.DropColumn(name: "dispensing_closed_at", table: "prescriptions");
    }
}
