using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Hospital.Domain.Data.Migrations;

/// <summary>
/// Billing and BHYT claims (issue 6): the cashier's transactions with receipt books and shifts,
/// and claim versions with their line money and every portal submission.
/// </summary>
[DbContext(typeof(HospitalDbContext))]
[Migration("20261122000017_Billing")]
public sealed class Billing : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "cashier_shifts",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                cashier = table.Column<string>(maxLength: 256, nullable: false),
                opened_at = table.Column<DateTime>(nullable: false),
                closed_at = table.Column<DateTime>(nullable: true),
                cash_counted = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                note = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_cashier_shifts", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "receipt_books",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                series = table.Column<string>(maxLength: 20, nullable: false),
                name = table.Column<string>(maxLength: 200, nullable: false),
                first_number = table.Column<int>(nullable: false),
                last_number = table.Column<int>(nullable: false),
                next_number = table.Column<int>(nullable: false),
                assigned_to = table.Column<string>(maxLength: 256, nullable: true),
                is_active = table.Column<bool>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_receipt_books", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "claims",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                visit_id = table.Column<int>(nullable: false),
                ma_lk = table.Column<string>(maxLength: 100, nullable: false),
                version = table.Column<int>(nullable: false),
                status = table.Column<int>(nullable: false),
                built_at = table.Column<DateTime>(nullable: false),
                built_by = table.Column<string>(maxLength: 256, nullable: false),
                end_date = table.Column<DateOnly>(nullable: false),
                department_id = table.Column<int>(nullable: true),
                doctor_staff_id = table.Column<int>(nullable: true),
                benefit_category_code = table.Column<string>(maxLength: 4, nullable: true),
                patient_id = table.Column<int>(nullable: false),
                settlement_period = table.Column<int>(nullable: false),
                total_cost = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                insurance_cost = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                insurance_pays = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                co_payment = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                patient_out_of_scope = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                other_sources = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                muc_huong = table.Column<decimal>(precision: 5, scale: 2, nullable: false),
                errors_json = table.Column<string>(nullable: false),
                signed_xml = table.Column<Byte[]>(nullable: true),
                sent_at = table.Column<DateTime>(nullable: true),
                sent_by = table.Column<string>(maxLength: 256, nullable: true),
                answered_at = table.Column<DateTime>(nullable: true),
                portal_result_code = table.Column<string>(maxLength: 20, nullable: true),
                portal_message = table.Column<string>(maxLength: 2000, nullable: true),
                transaction_code = table.Column<string>(maxLength: 100, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_claims", x => x.id);
                table.ForeignKey(
                    name: "fk_claims_visit_visit_id",
                    column: x => x.visit_id,
                    principalTable: "visits",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "payments",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                visit_id = table.Column<int>(nullable: false),
                kind = table.Column<int>(nullable: false),
                method = table.Column<int>(nullable: false),
                status = table.Column<int>(nullable: false),
                amount = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                transfer_reference = table.Column<string>(maxLength: 25, nullable: true),
                receipt_book_id = table.Column<int>(nullable: true),
                receipt_series = table.Column<string>(maxLength: 20, nullable: true),
                receipt_number = table.Column<int>(nullable: true),
                shift_id = table.Column<long>(nullable: true),
                created_by = table.Column<string>(maxLength: 256, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                confirmed_by = table.Column<string>(maxLength: 256, nullable: true),
                completed_at = table.Column<DateTime>(nullable: true),
                note = table.Column<string>(maxLength: 500, nullable: true),
                void_requested_by = table.Column<string>(maxLength: 256, nullable: true),
                void_requested_at = table.Column<DateTime>(nullable: true),
                void_reason = table.Column<string>(maxLength: 500, nullable: true),
                voided_by = table.Column<string>(maxLength: 256, nullable: true),
                voided_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_payments", x => x.id);
                table.ForeignKey(
                    name: "fk_payments_cashier_shifts_shift_id",
                    column: x => x.shift_id,
                    principalTable: "cashier_shifts",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_payments_receipt_book_receipt_book_id",
                    column: x => x.receipt_book_id,
                    principalTable: "receipt_books",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_payments_visit_visit_id",
                    column: x => x.visit_id,
                    principalTable: "visits",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "claim_lines",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                claim_id = table.Column<long>(nullable: false),
                table = table.Column<int>(nullable: false),
                stt = table.Column<int>(nullable: false),
                item_code = table.Column<string>(maxLength: 255, nullable: false),
                cost_group = table.Column<int>(nullable: false),
                department_code = table.Column<string>(maxLength: 50, nullable: false),
                quantity = table.Column<decimal>(precision: 18, scale: 3, nullable: false),
                thanh_tien_bv = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                thanh_tien_bh = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                bhtt = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                bncct = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                bntt = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                nguon_khac = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_claim_lines", x => x.id);
                table.ForeignKey(
                    name: "fk_claim_lines_claims_claim_id",
                    column: x => x.claim_id,
                    principalTable: "claims",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "claim_submissions",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                claim_id = table.Column<long>(nullable: false),
                attempted_at = table.Column<DateTime>(nullable: false),
                result_code = table.Column<string>(maxLength: 20, nullable: true),
                transaction_code = table.Column<string>(maxLength: 100, nullable: true),
                received_at = table.Column<string>(maxLength: 20, nullable: true),
                message = table.Column<string>(maxLength: 2000, nullable: true),
                raw_reply = table.Column<string>(nullable: true),
                error = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_claim_submissions", x => x.id);
                table.ForeignKey(
                    name: "fk_claim_submissions_claims_claim_id",
                    column: x => x.claim_id,
                    principalTable: "claims",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "ix_cashier_shifts_cashier_opened_at",
            table: "cashier_shifts",
            columns: new[] { "cashier", "opened_at" });

        migrationBuilder.CreateIndex(
            name: "ix_claim_lines_claim_id",
            table: "claim_lines",
            column: "claim_id");

        migrationBuilder.CreateIndex(
            name: "ix_claim_submissions_claim_id",
            table: "claim_submissions",
            column: "claim_id");

        migrationBuilder.CreateIndex(
            name: "ix_claims_ma_lk",
            table: "claims",
            column: "ma_lk");

        migrationBuilder.CreateIndex(
            name: "ix_claims_patient_id_end_date",
            table: "claims",
            columns: new[] { "patient_id", "end_date" });

        migrationBuilder.CreateIndex(
            name: "ix_claims_status_end_date",
            table: "claims",
            columns: new[] { "status", "end_date" });

        migrationBuilder.CreateIndex(
            name: "ix_claims_visit_id_version",
            table: "claims",
            columns: new[] { "visit_id", "version" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_payments_created_by_created_at",
            table: "payments",
            columns: new[] { "created_by", "created_at" });

        migrationBuilder.CreateIndex(
            name: "ix_payments_receipt_book_id",
            table: "payments",
            column: "receipt_book_id");

        migrationBuilder.CreateIndex(
            name: "ix_payments_receipt_series_receipt_number",
            table: "payments",
            columns: new[] { "receipt_series", "receipt_number" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_payments_shift_id",
            table: "payments",
            column: "shift_id");

        migrationBuilder.CreateIndex(
            name: "ix_payments_transfer_reference",
            table: "payments",
            column: "transfer_reference",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_payments_visit_id",
            table: "payments",
            column: "visit_id");

        migrationBuilder.CreateIndex(
            name: "ix_receipt_books_series",
            table: "receipt_books",
            column: "series",
            unique: true);

    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "claim_submissions", "claim_lines", "payments", "claims", "receipt_books", "cashier_shifts" })
            migrationBuilder.DropTable(name: table);
    }
}
