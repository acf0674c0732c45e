using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Hospital.Domain.Data.Migrations;

/// <summary>
/// LIS (issue 5): the test catalog (tests, reference ranges, which tests a lab service is made
/// of, analysers' code maps), lab orders with their specimens and per-test status, and the
/// sequence of specimen barcodes (<see cref="IdentifierSequences.SpecimenBarcode"/>).
/// </summary>
[DbContext(typeof(HospitalDbContext))]
[Migration("20261122000011_Lab")]
public sealed class Lab : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // On a new database migration 000003 has already created it (it creates every sequence of
        // IdentifierSequences.All); on one migrated before this release it is missing.
        if (ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
            migrationBuilder.Sql($"CREATE SEQUENCE IF NOT EXISTS {IdentifierSequences.SpecimenBarcode} AS bigint START 1");
        else
            migrationBuilder.Sql($"INSERT OR IGNORE INTO number_sequences (name, last_value) VALUES ('{IdentifierSequences.SpecimenBarcode}', 0)");

        migrationBuilder.CreateTable(
            name: "lab_tests",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                code = table.Column<string>(maxLength: 30, nullable: false),
                name = table.Column<string>(maxLength: 300, nullable: false),
                short_name = table.Column<string>(maxLength: 30, nullable: true),
                section = table.Column<string>(maxLength: 100, nullable: true),
                specimen_type = table.Column<int>(nullable: false),
                unit = table.Column<string>(maxLength: 30, nullable: true),
                decimals = table.Column<int>(nullable: false),
                result_type = table.Column<int>(nullable: false),
                coded_values = table.Column<string>(maxLength: 500, nullable: true),
                loinc = table.Column<string>(maxLength: 20, nullable: true),
                position = table.Column<int>(nullable: false),
                is_active = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_lab_tests", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "analyser_test_codes",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                analyser = table.Column<string>(maxLength: 100, nullable: false),
                analyser_code = table.Column<string>(maxLength: 50, nullable: false),
                lab_test_id = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_analyser_test_codes", x => x.id);
                table.ForeignKey(
                    name: "fk_analyser_test_codes_lab_test_lab_test_id",
                    column: x => x.lab_test_id,
                    principalTable: "lab_tests",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "lab_reference_ranges",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                lab_test_id = table.Column<int>(nullable: false),
                sex = table.Column<int>(nullable: true),
                age_from_days = table.Column<int>(nullable: false),
                age_to_days = table.Column<int>(nullable: true),
                low = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                high = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                critical_low = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                critical_high = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                normal_text = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_lab_reference_ranges", x => x.id);
                table.ForeignKey(
                    name: "fk_lab_reference_ranges_lab_test_lab_test_id",
                    column: x => x.lab_test_id,
                    principalTable: "lab_tests",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "lab_service_tests",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                service_id = table.Column<int>(nullable: false),
                lab_test_id = table.Column<int>(nullable: false),
                position = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_lab_service_tests", x => x.id);
                table.ForeignKey(
                    name: "fk_lab_service_tests_lab_test_lab_test_id",
                    column: x => x.lab_test_id,
                    principalTable: "lab_tests",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_lab_service_tests_medical_services_service_id",
                    column: x => x.service_id,
                    principalTable: "medical_services",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "lab_orders",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                patient_id = table.Column<int>(nullable: false),
                visit_id = table.Column<int>(nullable: true),
                request_number = table.Column<string>(maxLength: 30, nullable: true),
                source = table.Column<int>(nullable: false),
                priority = table.Column<int>(nullable: false),
                ordered_at = table.Column<DateTime>(nullable: false),
                ordered_by = table.Column<string>(maxLength: 256, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_lab_orders", x => x.id);
                table.ForeignKey(
                    name: "fk_lab_orders_patient_patient_id",
                    column: x => x.patient_id,
                    principalTable: "patients",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_lab_orders_visit_visit_id",
                    column: x => x.visit_id,
                    principalTable: "visits",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "specimens",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                lab_order_id = table.Column<long>(nullable: false),
                patient_id = table.Column<int>(nullable: false),
                barcode = table.Column<string>(maxLength: 30, nullable: false),
                specimen_type = table.Column<int>(nullable: false),
                collected_at = table.Column<DateTime>(nullable: true),
                collected_by = table.Column<string>(maxLength: 256, nullable: true),
                received_at = table.Column<DateTime>(nullable: true),
                received_by = table.Column<string>(maxLength: 256, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_specimens", x => x.id);
                table.ForeignKey(
                    name: "fk_specimens_lab_orders_lab_order_id",
                    column: x => x.lab_order_id,
                    principalTable: "lab_orders",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_specimens_patient_patient_id",
                    column: x => x.patient_id,
                    principalTable: "patients",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "lab_order_tests",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                lab_order_id = table.Column<long>(nullable: false),
                specimen_id = table.Column<long>(nullable: false),
                lab_test_id = table.Column<int>(nullable: false),
                test_code = table.Column<string>(maxLength: 30, nullable: false),
                service_order_id = table.Column<long>(nullable: true),
                status = table.Column<int>(nullable: false),
                status_changed_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_lab_order_tests", x => x.id);
                table.ForeignKey(
                    name: "fk_lab_order_tests_lab_orders_lab_order_id",
                    column: x => x.lab_order_id,
                    principalTable: "lab_orders",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_lab_order_tests_lab_test_lab_test_id",
                    column: x => x.lab_test_id,
                    principalTable: "lab_tests",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_lab_order_tests_service_orders_service_order_id",
                    column: x => x.service_order_id,
                    principalTable: "service_orders",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_lab_order_tests_specimen_specimen_id",
                    column: x => x.specimen_id,
                    principalTable: "specimens",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "ix_analyser_test_codes_analyser_analyser_code",
            table: "analyser_test_codes",
            columns: new[] { "analyser", "analyser_code" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_analyser_test_codes_lab_test_id",
            table: "analyser_test_codes",
            column: "lab_test_id");

        migrationBuilder.CreateIndex(
            name: "ix_lab_order_tests_lab_order_id",
            table: "lab_order_tests",
            column: "lab_order_id");

        migrationBuilder.CreateIndex(
            name: "ix_lab_order_tests_lab_test_id_status",
            table: "lab_order_tests",
            columns: new[] { "lab_test_id", "status" });

        migrationBuilder.CreateIndex(
            name: "ix_lab_order_tests_service_order_id",
            table: "lab_order_tests",
            column: "service_order_id");

        migrationBuilder.CreateIndex(
            name: "ix_lab_order_tests_specimen_id",
            table: "lab_order_tests",
            column: "specimen_id");

        migrationBuilder.CreateIndex(
            name: "ix_lab_orders_patient_id_ordered_at",
            table: "lab_orders",
            columns: new[] { "patient_id", "ordered_at" });

        migrationBuilder.CreateIndex(
            name: "ix_lab_orders_request_number",
            table: "lab_orders",
            column: "request_number",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_lab_orders_visit_id",
            table: "lab_orders",
            column: "visit_id");

        migrationBuilder.CreateIndex(
            name: "ix_lab_reference_ranges_lab_test_id",
            table: "lab_reference_ranges",
            column: "lab_test_id");

        migrationBuilder.CreateIndex(
            name: "ix_lab_service_tests_lab_test_id",
            table: "lab_service_tests",
            column: "lab_test_id");

        migrationBuilder.CreateIndex(
            name: "ix_lab_service_tests_service_id_lab_test_id",
            table: "lab_service_tests",
            columns: new[] { "service_id", "lab_test_id" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_lab_tests_code",
            table: "lab_tests",
            column: "code",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_specimens_barcode",
            table: "specimens",
            column: "barcode",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_specimens_lab_order_id",
            table: "specimens",
            column: "lab_order_id");

        migrationBuilder.CreateIndex(
            name: "ix_specimens_patient_id",
            table: "specimens",
            column: "patient_id");

    }

    /// <summary>Drops the tables; keeps the sequence, which may belong to 000003 (as in 000007).</summary>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "lab_order_tests", "specimens", "lab_orders", "lab_service_tests", "lab_reference_ranges", "analyser_test_codes", "lab_tests" })
            migrationBuilder.DropTable(name: table);
    }
}
