using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Hospital.Domain.Data.Migrations;

/// <summary>
/// Pharmacy (issue 7): stores, drug lots, the immutable stock ledger with its running balances
/// (never below zero, enforced by the database too), receipts, transfers, write-offs, counts and
/// dispensations; the drug catalogue's dosage form, packing, tender and storage columns.
/// </summary>
[DbContext(typeof(HospitalDbContext))]
[Migration("20261122000018_Pharmacy")]
public sealed class Pharmacy : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // Migration 000003 creates every sequence of IdentifierSequences.All on a new database; one migrated earlier lacks it.
        if (ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
            migrationBuilder.Sql($"CREATE SEQUENCE IF NOT EXISTS {IdentifierSequences.PharmacyDocument} AS bigint START 1");
        else
            migrationBuilder.Sql($"INSERT OR IGNORE INTO number_sequences (name, last_value) VALUES ('{IdentifierSequences.PharmacyDocument}', 0)");

        migrationBuilder.AddColumn<string>(name: "dosage_form", table: "drugs", maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<string>(name: "packing", table: "drugs", maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<string>(name: "storage", table: "drugs", maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<string>(name: "tender_decision", table: "drugs", maxLength: 50, nullable: true);
        migrationBuilder.AddColumn<int>(name: "tender_group", table: "drugs", nullable: true);
        migrationBuilder.AddColumn<int>(name: "tender_package", table: "drugs", nullable: true);
        migrationBuilder.AddColumn<int>(name: "tender_year", table: "drugs", nullable: true);
        migrationBuilder.AddColumn<int>(name: "dispensing_status", table: "prescriptions", nullable: false, defaultValue: 0);
        migrationBuilder.CreateIndex(name: "ix_prescriptions_dispensing_status_signed_at", table: "prescriptions", columns: ["dispensing_status", "signed_at"]);

        migrationBuilder.CreateTable(
            name: "stores",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                kind = table.Column<int>(nullable: false),
                department_id = table.Column<int>(nullable: true),
                code = table.Column<string>(maxLength: 50, nullable: false),
                name = table.Column<string>(maxLength: 500, nullable: false),
                search_key = table.Column<string>(maxLength: 2000, nullable: false),
                valid_from = table.Column<DateOnly>(nullable: true),
                valid_to = table.Column<DateOnly>(nullable: true),
                is_active = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_stores", x => x.id);
                table.ForeignKey(
                    name: "fk_stores_departments_department_id",
                    column: x => x.department_id,
                    principalTable: "departments",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "drug_lots",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                drug_id = table.Column<int>(nullable: false),
                lot_number = table.Column<string>(maxLength: 50, nullable: false),
                expiry = table.Column<DateOnly>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                recalled_at = table.Column<DateTime>(nullable: true),
                recalled_by = table.Column<string>(maxLength: 256, nullable: true),
                recall_reason = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_drug_lots", x => x.id);
                table.ForeignKey(
                    name: "fk_drug_lots_drugs_drug_id",
                    column: x => x.drug_id,
                    principalTable: "drugs",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "stock_counts",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                number = table.Column<string>(maxLength: 30, nullable: false),
                store_id = table.Column<int>(nullable: false),
                status = table.Column<int>(nullable: false),
                started_at = table.Column<DateTime>(nullable: false),
                started_by = table.Column<string>(maxLength: 256, nullable: false),
                posted_at = table.Column<DateTime>(nullable: true),
                posted_by = table.Column<string>(maxLength: 256, nullable: true),
                note = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_stock_counts", x => x.id);
                table.ForeignKey(
                    name: "fk_stock_counts_stores_store_id",
                    column: x => x.store_id,
                    principalTable: "stores",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "stock_receipts",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                number = table.Column<string>(maxLength: 30, nullable: false),
                store_id = table.Column<int>(nullable: false),
                supplier = table.Column<string>(maxLength: 300, nullable: false),
                invoice_number = table.Column<string>(maxLength: 50, nullable: false),
                invoice_date = table.Column<DateOnly>(nullable: false),
                received_at = table.Column<DateTime>(nullable: false),
                received_by = table.Column<string>(maxLength: 256, nullable: false),
                note = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_stock_receipts", x => x.id);
                table.ForeignKey(
                    name: "fk_stock_receipts_stores_store_id",
                    column: x => x.store_id,
                    principalTable: "stores",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "stock_transfers",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                number = table.Column<string>(maxLength: 30, nullable: false),
                from_store_id = table.Column<int>(nullable: false),
                to_store_id = table.Column<int>(nullable: false),
                status = table.Column<int>(nullable: false),
                requested_at = table.Column<DateTime>(nullable: false),
                requested_by = table.Column<string>(maxLength: 256, nullable: false),
                approved_at = table.Column<DateTime>(nullable: true),
                approved_by = table.Column<string>(maxLength: 256, nullable: true),
                received_at = table.Column<DateTime>(nullable: true),
                received_by = table.Column<string>(maxLength: 256, nullable: true),
                refused_at = table.Column<DateTime>(nullable: true),
                refused_by = table.Column<string>(maxLength: 256, nullable: true),
                note = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_stock_transfers", x => x.id);
                table.ForeignKey(
                    name: "fk_stock_transfers_stores_from_store_id",
                    column: x => x.from_store_id,
                    principalTable: "stores",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_stock_transfers_stores_to_store_id",
                    column: x => x.to_store_id,
                    principalTable: "stores",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "stock_write_offs",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                number = table.Column<string>(maxLength: 30, nullable: false),
                store_id = table.Column<int>(nullable: false),
                kind = table.Column<int>(nullable: false),
                reason = table.Column<string>(maxLength: 500, nullable: false),
                recorded_at = table.Column<DateTime>(nullable: false),
                recorded_by = table.Column<string>(maxLength: 256, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_stock_write_offs", x => x.id);
                table.ForeignKey(
                    name: "fk_stock_write_offs_stores_store_id",
                    column: x => x.store_id,
                    principalTable: "stores",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "store_drug_levels",
            columns: table => new
            {
                store_id = table.Column<int>(nullable: false),
                drug_id = table.Column<int>(nullable: false),
                minimum_stock = table.Column<decimal>(precision: 18, scale: 3, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_store_drug_levels", x => new { x.store_id, x.drug_id });
                table.ForeignKey(
                    name: "fk_store_drug_levels_drugs_drug_id",
                    column: x => x.drug_id,
                    principalTable: "drugs",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_store_drug_levels_stores_store_id",
                    column: x => x.store_id,
                    principalTable: "stores",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "stock_balances",
            columns: table => new
            {
                store_id = table.Column<int>(nullable: false),
                lot_id = table.Column<int>(nullable: false),
                drug_id = table.Column<int>(nullable: false),
                on_hand = table.Column<decimal>(precision: 18, scale: 3, nullable: false),
                unit_cost = table.Column<decimal>(precision: 18, scale: 3, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_stock_balances", x => new { x.store_id, x.lot_id });
                table.CheckConstraint("ck_stock_balances_on_hand", "on_hand >= 0");
                table.ForeignKey(
                    name: "fk_stock_balances_drug_lots_lot_id",
                    column: x => x.lot_id,
                    principalTable: "drug_lots",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_stock_balances_drugs_drug_id",
                    column: x => x.drug_id,
                    principalTable: "drugs",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_stock_balances_stores_store_id",
                    column: x => x.store_id,
                    principalTable: "stores",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "stock_movements",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                store_id = table.Column<int>(nullable: false),
                lot_id = table.Column<int>(nullable: false),
                drug_id = table.Column<int>(nullable: false),
                kind = table.Column<int>(nullable: false),
                quantity = table.Column<decimal>(precision: 18, scale: 3, nullable: false),
                unit_cost = table.Column<decimal>(precision: 18, scale: 3, nullable: false),
                occurred_at = table.Column<DateTime>(nullable: false),
                recorded_by = table.Column<string>(maxLength: 256, nullable: false),
                document = table.Column<int>(nullable: false),
                document_id = table.Column<int>(nullable: false),
                document_line_id = table.Column<int>(nullable: true),
                reason = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_stock_movements", x => x.id);
                table.ForeignKey(
                    name: "fk_stock_movements_drug_lots_lot_id",
                    column: x => x.lot_id,
                    principalTable: "drug_lots",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_stock_movements_drugs_drug_id",
                    column: x => x.drug_id,
                    principalTable: "drugs",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_stock_movements_stores_store_id",
                    column: x => x.store_id,
                    principalTable: "stores",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "stock_count_lines",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                count_id = table.Column<int>(nullable: false),
                lot_id = table.Column<int>(nullable: false),
                drug_id = table.Column<int>(nullable: false),
                book_quantity = table.Column<decimal>(precision: 18, scale: 3, nullable: false),
                counted_quantity = table.Column<decimal>(precision: 18, scale: 3, nullable: true),
                reason = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_stock_count_lines", x => x.id);
                table.ForeignKey(
                    name: "fk_stock_count_lines_drug_lots_lot_id",
                    column: x => x.lot_id,
                    principalTable: "drug_lots",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_stock_count_lines_drugs_drug_id",
                    column: x => x.drug_id,
                    principalTable: "drugs",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_stock_count_lines_stock_counts_count_id",
                    column: x => x.count_id,
                    principalTable: "stock_counts",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "stock_transfer_lines",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                transfer_id = table.Column<int>(nullable: false),
                drug_id = table.Column<int>(nullable: false),
                requested_quantity = table.Column<decimal>(precision: 18, scale: 3, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_stock_transfer_lines", x => x.id);
                table.ForeignKey(
                    name: "fk_stock_transfer_lines_drugs_drug_id",
                    column: x => x.drug_id,
                    principalTable: "drugs",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_stock_transfer_lines_stock_transfers_transfer_id",
                    column: x => x.transfer_id,
                    principalTable: "stock_transfers",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "dispensations",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                number = table.Column<string>(maxLength: 30, nullable: false),
                prescription_id = table.Column<int>(nullable: false),
                store_id = table.Column<int>(nullable: false),
                dispensed_at = table.Column<DateTime>(nullable: false),
                dispensed_by = table.Column<string>(maxLength: 256, nullable: false),
                receiver_name = table.Column<string>(maxLength: 200, nullable: true),
                receiver_id_number = table.Column<string>(maxLength: 20, nullable: true),
                note = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_dispensations", x => x.id);
                table.ForeignKey(
                    name: "fk_dispensations_prescriptions_prescription_id",
                    column: x => x.prescription_id,
                    principalTable: "prescriptions",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_dispensations_stores_store_id",
                    column: x => x.store_id,
                    principalTable: "stores",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "ix_dispensations_number",
            table: "dispensations",
            column: "number",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_dispensations_prescription_id",
            table: "dispensations",
            column: "prescription_id");

        migrationBuilder.CreateIndex(
            name: "ix_dispensations_store_id_dispensed_at",
            table: "dispensations",
            columns: new[] { "store_id", "dispensed_at" });

        migrationBuilder.CreateIndex(
            name: "ix_drug_lots_drug_id_lot_number",
            table: "drug_lots",
            columns: new[] { "drug_id", "lot_number" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_stock_balances_drug_id_store_id",
            table: "stock_balances",
            columns: new[] { "drug_id", "store_id" });

        migrationBuilder.CreateIndex(
            name: "ix_stock_balances_lot_id",
            table: "stock_balances",
            column: "lot_id");

        migrationBuilder.CreateIndex(
            name: "ix_stock_count_lines_count_id_lot_id",
            table: "stock_count_lines",
            columns: new[] { "count_id", "lot_id" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_stock_count_lines_drug_id",
            table: "stock_count_lines",
            column: "drug_id");

        migrationBuilder.CreateIndex(
            name: "ix_stock_count_lines_lot_id",
            table: "stock_count_lines",
            column: "lot_id");

        migrationBuilder.CreateIndex(
            name: "ix_stock_counts_number",
            table: "stock_counts",
            column: "number",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_stock_counts_store_id_status",
            table: "stock_counts",
            columns: new[] { "store_id", "status" });

        migrationBuilder.CreateIndex(
            name: "ix_stock_movements_document_document_id",
            table: "stock_movements",
            columns: new[] { "document", "document_id" });

        migrationBuilder.CreateIndex(
            name: "ix_stock_movements_drug_id_occurred_at",
            table: "stock_movements",
            columns: new[] { "drug_id", "occurred_at" });

        migrationBuilder.CreateIndex(
            name: "ix_stock_movements_lot_id_store_id",
            table: "stock_movements",
            columns: new[] { "lot_id", "store_id" });

        migrationBuilder.CreateIndex(
            name: "ix_stock_movements_store_id_occurred_at",
            table: "stock_movements",
            columns: new[] { "store_id", "occurred_at" });

        migrationBuilder.CreateIndex(
            name: "ix_stock_receipts_number",
            table: "stock_receipts",
            column: "number",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_stock_receipts_store_id_received_at",
            table: "stock_receipts",
            columns: new[] { "store_id", "received_at" });

        migrationBuilder.CreateIndex(
            name: "ix_stock_transfer_lines_drug_id",
            table: "stock_transfer_lines",
            column: "drug_id");

        migrationBuilder.CreateIndex(
            name: "ix_stock_transfer_lines_transfer_id",
            table: "stock_transfer_lines",
            column: "transfer_id");

        migrationBuilder.CreateIndex(
            name: "ix_stock_transfers_from_store_id",
            table: "stock_transfers",
            column: "from_store_id");

        migrationBuilder.CreateIndex(
            name: "ix_stock_transfers_number",
            table: "stock_transfers",
            column: "number",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_stock_transfers_status_requested_at",
            table: "stock_transfers",
            columns: new[] { "status", "requested_at" });

        migrationBuilder.CreateIndex(
            name: "ix_stock_transfers_to_store_id",
            table: "stock_transfers",
            column: "to_store_id");

        migrationBuilder.CreateIndex(
            name: "ix_stock_write_offs_number",
            table: "stock_write_offs",
            column: "number",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_stock_write_offs_store_id_recorded_at",
            table: "stock_write_offs",
            columns: new[] { "store_id", "recorded_at" });

        migrationBuilder.CreateIndex(
            name: "ix_store_drug_levels_drug_id",
            table: "store_drug_levels",
            column: "drug_id");

        migrationBuilder.CreateIndex(
            name: "ix_stores_code",
            table: "stores",
            column: "code",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_stores_department_id",
            table: "stores",
            column: "department_id");

        migrationBuilder.CreateIndex(
            name: "ix_stores_search_key",
            table: "stores",
            column: "search_key");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "dispensations");
        migrationBuilder.DropTable(name: "stock_transfer_lines");
        migrationBuilder.DropTable(name: "stock_count_lines");
        migrationBuilder.DropTable(name: "stock_movements");
        migrationBuilder.DropTable(name: "stock_balances");
        migrationBuilder.DropTable(name: "store_drug_levels");
        migrationBuilder.DropTable(name: "stock_write_offs");
        migrationBuilder.DropTable(name: "stock_transfers");
        migrationBuilder.DropTable(name: "stock_receipts");
        migrationBuilder.DropTable(name: "stock_counts");
        migrationBuilder.DropTable(name: "drug_lots");
        migrationBuilder.DropTable(name: "stores");
        migrationBuilder.DropIndex(name: "ix_prescriptions_dispensing_status_signed_at", table: "prescriptions");
        migrationBuilder.DropColumn(name: "dispensing_status", table: "prescriptions");
        migrationBuilder.DropColumn(name: "dosage_form", table: "drugs");
        migrationBuilder.DropColumn(name: "packing", table: "drugs");
        migrationBuilder.DropColumn(name: "storage", table: "drugs");
        migrationBuilder.DropColumn(name: "tender_decision", table: "drugs");
        migrationBuilder.DropColumn(name: "tender_group", table: "drugs");
        migrationBuilder.DropColumn(name: "tender_package", table: "drugs");
        migrationBuilder.DropColumn(name: "tender_year", table: "drugs");
    }
}
