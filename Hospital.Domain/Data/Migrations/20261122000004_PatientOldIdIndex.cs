using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Hospital.Domain.Data.Migrations;

/// <summary>
/// The search box looks up every typed number as an old 9-digit CMND too (an identifier the
/// CCCD QR carries); without this index that branch read the whole patient table on each search.
/// </summary>
[DbContext(typeof(HospitalDbContext))]
[Migration("20261122000004_PatientOldIdIndex")]
public sealed class PatientOldIdIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex(name: "ix_patients_old_id_number", table: "patients", column: "old_id_number");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex(name: "ix_patients_old_id_number", table: "patients");
}
