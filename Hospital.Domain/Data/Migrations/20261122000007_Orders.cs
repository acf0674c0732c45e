using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Hospital.Domain.Data.Migrations;

/// <summary>
/// EMR orders (issue 4): the sequence of request numbers (số phiếu chỉ định,
/// <see cref="IdentifierSequences.OrderRequest"/>). No table changes: the foundation (000005)
/// created service orders, results and order sets.
/// </summary>
[DbContext(typeof(HospitalDbContext))]
[Migration("20261122000007_Orders")]
public sealed class Orders : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // On a new database migration 000003 has already created it (it creates every sequence of
        // IdentifierSequences.All); on one migrated before this release it is missing.
        if (ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
            migrationBuilder.Sql($"CREATE SEQUENCE IF NOT EXISTS {IdentifierSequences.OrderRequest} AS bigint START 1");
        else
            migrationBuilder.Sql($"INSERT OR IGNORE INTO number_sequences (name, last_value) VALUES ('{IdentifierSequences.OrderRequest}', 0)");
    }

    /// <summary>
    /// Keeps the sequence: it may belong to 000003 (see <see cref="Up"/>), whose Down drops it, and
    /// an unused sequence left behind is harmless (Up creates it only if missing).
    /// </summary>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
    }
}
