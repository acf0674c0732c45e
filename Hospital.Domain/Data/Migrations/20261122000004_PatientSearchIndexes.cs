using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Hospital.Domain.Data.Migrations;

/// <summary>
/// The search box looks up every typed number as an old 9-digit CMND too (an identifier the
/// CCCD QR carries), and a typed 4-digit year as a birth year; without these indexes each of
/// those searches read the whole patient table.
/// </summary>
[DbContext(typeof(HospitalDbContext))]
[Migration("20261122000004_PatientSearchIndexes")]
public sealed class PatientSearchIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex(name: "ix_patients_old_id_number", table: "patients", column: "old_id_number");
        migrationBuilder.CreateIndex(name: "ix_patients_birth_year", table: "patients", column: "birth_year");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "ix_patients_birth_year", table: "patients");
        migrationBuilder.DropIndex(name: "ix_patients_old_id_number", table: "patients");
    }
}
