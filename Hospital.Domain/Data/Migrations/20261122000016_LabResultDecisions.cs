using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Hospital.Domain.Data.Migrations;

/// <summary>
/// Who last validated, rejected or sent a lab result for a rerun, and when (issue 5 item 11): the
/// validation screen's rerun history shows it next to the reason.
/// </summary>
[DbContext(typeof(HospitalDbContext))]
[Migration("20261122000016_LabResultDecisions")]
public sealed class LabResultDecisions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>(name: "status_changed_at", table: "lab_results", nullable: true);
        migrationBuilder.AddColumn<string>(name: "status_changed_by", table: "lab_results", maxLength: 256, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "status_changed_by", table: "lab_results");
        migrationBuilder.DropColumn(name: "status_changed_at", table: "lab_results");
    }
}
