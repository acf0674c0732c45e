using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Hospital.Domain.Data.Migrations;

/// <summary>
/// LIS results (issue 5 items 8–11): analysers and their byte journal, received messages (the
/// inbox that makes a resent message land once), results with their history, the unmatched
/// results queue, QC results and targets, auto-verification rules and critical value alerts.
/// </summary>
[DbContext(typeof(HospitalDbContext))]
[Migration("20261122000013_LabResults")]
public sealed class LabResults : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "analyser_journal",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                analyser = table.Column<string>(maxLength: 100, nullable: false),
                at = table.Column<DateTime>(nullable: false),
                direction = table.Column<int>(nullable: false),
                data = table.Column<byte[]>(nullable: false),
                note = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_analyser_journal", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "analyser_messages",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                analyser = table.Column<string>(maxLength: 100, nullable: false),
                protocol = table.Column<int>(nullable: false),
                received_at = table.Column<DateTime>(nullable: false),
                control_id = table.Column<string>(maxLength: 100, nullable: true),
                content_sha256 = table.Column<string>(maxLength: 64, nullable: false),
                text = table.Column<string>(nullable: false),
                kind = table.Column<int>(nullable: false),
                result_count = table.Column<int>(nullable: false),
                unmatched_count = table.Column<int>(nullable: false),
                qc_count = table.Column<int>(nullable: false),
                error = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_analyser_messages", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "analysers",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                name = table.Column<string>(maxLength: 100, nullable: false),
                model = table.Column<string>(maxLength: 100, nullable: true),
                section = table.Column<string>(maxLength: 100, nullable: true),
                protocol = table.Column<int>(nullable: false),
                transport = table.Column<int>(nullable: false),
                device = table.Column<string>(maxLength: 200, nullable: true),
                host = table.Column<string>(maxLength: 200, nullable: true),
                port = table.Column<int>(nullable: true),
                baud = table.Column<int>(nullable: false),
                data_bits = table.Column<int>(nullable: false),
                parity = table.Column<string>(maxLength: 10, nullable: false),
                stop_bits = table.Column<int>(nullable: false),
                flow_control = table.Column<string>(maxLength: 10, nullable: false),
                direction = table.Column<int>(nullable: false),
                broadcast = table.Column<bool>(nullable: false),
                naked_astm = table.Column<bool>(nullable: false),
                is_active = table.Column<bool>(nullable: false),
                from_configuration = table.Column<bool>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
                updated_by = table.Column<string>(maxLength: 256, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_analysers", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "lab_autoverification_rules",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                lab_test_id = table.Column<int>(nullable: false),
                auto_verify = table.Column<bool>(nullable: false),
                delta_limit_percent = table.Column<decimal>(precision: 9, scale: 2, nullable: true),
                delta_window_days = table.Column<int>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
                updated_by = table.Column<string>(maxLength: 256, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_lab_autoverification_rules", x => x.id);
                table.ForeignKey(
                    name: "fk_lab_autoverification_rules_lab_test_lab_test_id",
                    column: x => x.lab_test_id,
                    principalTable: "lab_tests",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "lab_qc_results",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                analyser = table.Column<string>(maxLength: 100, nullable: false),
                control_id = table.Column<string>(maxLength: 50, nullable: false),
                analyser_test_code = table.Column<string>(maxLength: 50, nullable: false),
                lab_test_id = table.Column<int>(nullable: true),
                value = table.Column<string>(maxLength: 200, nullable: false),
                numeric_value = table.Column<decimal>(precision: 18, scale: 6, nullable: true),
                unit = table.Column<string>(maxLength: 30, nullable: true),
                instrument_at = table.Column<DateTime>(nullable: true),
                received_at = table.Column<DateTime>(nullable: false),
                analyser_message_id = table.Column<long>(nullable: true),
                violations = table.Column<string>(maxLength: 100, nullable: true),
                run_rejected = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_lab_qc_results", x => x.id);
                table.ForeignKey(
                    name: "fk_lab_qc_results_analyser_messages_analyser_message_id",
                    column: x => x.analyser_message_id,
                    principalTable: "analyser_messages",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_lab_qc_results_lab_tests_lab_test_id",
                    column: x => x.lab_test_id,
                    principalTable: "lab_tests",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "lab_qc_targets",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                analyser = table.Column<string>(maxLength: 100, nullable: false),
                control_id = table.Column<string>(maxLength: 50, nullable: false),
                lab_test_id = table.Column<int>(nullable: false),
                level = table.Column<string>(maxLength: 50, nullable: true),
                mean = table.Column<decimal>(precision: 18, scale: 6, nullable: false),
                sd = table.Column<decimal>(precision: 18, scale: 6, nullable: false),
                is_active = table.Column<bool>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                created_by = table.Column<string>(maxLength: 256, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_lab_qc_targets", x => x.id);
                table.ForeignKey(
                    name: "fk_lab_qc_targets_lab_tests_lab_test_id",
                    column: x => x.lab_test_id,
                    principalTable: "lab_tests",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "lab_results",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                lab_order_test_id = table.Column<long>(nullable: false),
                specimen_id = table.Column<long>(nullable: false),
                patient_id = table.Column<int>(nullable: false),
                lab_test_id = table.Column<int>(nullable: false),
                test_code = table.Column<string>(maxLength: 30, nullable: false),
                value = table.Column<string>(maxLength: 200, nullable: false),
                numeric_value = table.Column<decimal>(precision: 18, scale: 6, nullable: true),
                unit = table.Column<string>(maxLength: 30, nullable: true),
                reference_range = table.Column<string>(maxLength: 200, nullable: true),
                flag = table.Column<int>(nullable: false),
                analyser_flags = table.Column<string>(maxLength: 30, nullable: true),
                analyser = table.Column<string>(maxLength: 100, nullable: true),
                analyser_test_code = table.Column<string>(maxLength: 50, nullable: true),
                instrument_at = table.Column<DateTime>(nullable: true),
                received_at = table.Column<DateTime>(nullable: false),
                analyser_message_id = table.Column<long>(nullable: true),
                status = table.Column<int>(nullable: false),
                superseded_at = table.Column<DateTime>(nullable: true),
                previous_value = table.Column<decimal>(precision: 18, scale: 6, nullable: true),
                previous_at = table.Column<DateTime>(nullable: true),
                delta_breached = table.Column<bool>(nullable: false),
                auto_verified = table.Column<bool>(nullable: false),
                validated_at = table.Column<DateTime>(nullable: true),
                validated_by = table.Column<string>(maxLength: 256, nullable: true),
                status_reason = table.Column<string>(maxLength: 500, nullable: true),
                released_at = table.Column<DateTime>(nullable: true),
                comment = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_lab_results", x => x.id);
                table.ForeignKey(
                    name: "fk_lab_results_analyser_messages_analyser_message_id",
                    column: x => x.analyser_message_id,
                    principalTable: "analyser_messages",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_lab_results_lab_order_tests_lab_order_test_id",
                    column: x => x.lab_order_test_id,
                    principalTable: "lab_order_tests",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_lab_results_lab_test_lab_test_id",
                    column: x => x.lab_test_id,
                    principalTable: "lab_tests",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_lab_results_specimen_specimen_id",
                    column: x => x.specimen_id,
                    principalTable: "specimens",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "lab_critical_alerts",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                lab_result_id = table.Column<long>(nullable: false),
                patient_id = table.Column<int>(nullable: false),
                visit_id = table.Column<int>(nullable: true),
                service_order_id = table.Column<long>(nullable: true),
                notify_user = table.Column<string>(maxLength: 256, nullable: true),
                test_code = table.Column<string>(maxLength: 30, nullable: false),
                test_name = table.Column<string>(maxLength: 300, nullable: false),
                value = table.Column<string>(maxLength: 200, nullable: false),
                unit = table.Column<string>(maxLength: 30, nullable: true),
                flag = table.Column<int>(nullable: false),
                raised_at = table.Column<DateTime>(nullable: false),
                raised_by = table.Column<string>(maxLength: 256, nullable: false),
                acknowledged_at = table.Column<DateTime>(nullable: true),
                acknowledged_by = table.Column<string>(maxLength: 256, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_lab_critical_alerts", x => x.id);
                table.ForeignKey(
                    name: "fk_lab_critical_alerts_lab_results_lab_result_id",
                    column: x => x.lab_result_id,
                    principalTable: "lab_results",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_lab_critical_alerts_visit_visit_id",
                    column: x => x.visit_id,
                    principalTable: "visits",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "lab_unmatched_results",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                analyser = table.Column<string>(maxLength: 100, nullable: false),
                barcode = table.Column<string>(maxLength: 50, nullable: false),
                analyser_test_code = table.Column<string>(maxLength: 50, nullable: false),
                value = table.Column<string>(maxLength: 200, nullable: false),
                unit = table.Column<string>(maxLength: 30, nullable: true),
                analyser_flags = table.Column<string>(maxLength: 30, nullable: true),
                instrument_at = table.Column<DateTime>(nullable: true),
                received_at = table.Column<DateTime>(nullable: false),
                reason = table.Column<int>(nullable: false),
                analyser_message_id = table.Column<long>(nullable: true),
                resolved_at = table.Column<DateTime>(nullable: true),
                resolved_by = table.Column<string>(maxLength: 256, nullable: true),
                resolution = table.Column<int>(nullable: true),
                resolution_note = table.Column<string>(maxLength: 500, nullable: true),
                assigned_lab_result_id = table.Column<long>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_lab_unmatched_results", x => x.id);
                table.ForeignKey(
                    name: "fk_lab_unmatched_results_analyser_messages_analyser_message_id",
                    column: x => x.analyser_message_id,
                    principalTable: "analyser_messages",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_lab_unmatched_results_lab_results_assigned_lab_result_id",
                    column: x => x.assigned_lab_result_id,
                    principalTable: "lab_results",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "ix_analyser_journal_analyser_at",
            table: "analyser_journal",
            columns: new[] { "analyser", "at" });

        migrationBuilder.CreateIndex(
            name: "ix_analyser_messages_analyser_content_sha256",
            table: "analyser_messages",
            columns: new[] { "analyser", "content_sha256" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_analyser_messages_received_at",
            table: "analyser_messages",
            column: "received_at");

        migrationBuilder.CreateIndex(
            name: "ix_analysers_name",
            table: "analysers",
            column: "name",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_lab_autoverification_rules_lab_test_id",
            table: "lab_autoverification_rules",
            column: "lab_test_id",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_lab_critical_alerts_lab_result_id",
            table: "lab_critical_alerts",
            column: "lab_result_id");

        migrationBuilder.CreateIndex(
            name: "ix_lab_critical_alerts_notify_user_acknowledged_at",
            table: "lab_critical_alerts",
            columns: new[] { "notify_user", "acknowledged_at" });

        migrationBuilder.CreateIndex(
            name: "ix_lab_critical_alerts_patient_id",
            table: "lab_critical_alerts",
            column: "patient_id");

        migrationBuilder.CreateIndex(
            name: "ix_lab_critical_alerts_visit_id",
            table: "lab_critical_alerts",
            column: "visit_id");

        migrationBuilder.CreateIndex(
            name: "ix_lab_qc_results_analyser_control_id_lab_test_id_received_at",
            table: "lab_qc_results",
            columns: new[] { "analyser", "control_id", "lab_test_id", "received_at" });

        migrationBuilder.CreateIndex(
            name: "ix_lab_qc_results_analyser_message_id",
            table: "lab_qc_results",
            column: "analyser_message_id");

        migrationBuilder.CreateIndex(
            name: "ix_lab_qc_results_lab_test_id",
            table: "lab_qc_results",
            column: "lab_test_id");

        migrationBuilder.CreateIndex(
            name: "ix_lab_qc_targets_analyser_control_id_lab_test_id",
            table: "lab_qc_targets",
            columns: new[] { "analyser", "control_id", "lab_test_id" });

        migrationBuilder.CreateIndex(
            name: "ix_lab_qc_targets_lab_test_id",
            table: "lab_qc_targets",
            column: "lab_test_id");

        migrationBuilder.CreateIndex(
            name: "ix_lab_results_analyser_message_id",
            table: "lab_results",
            column: "analyser_message_id");

        migrationBuilder.CreateIndex(
            name: "ix_lab_results_lab_order_test_id_superseded_at",
            table: "lab_results",
            columns: new[] { "lab_order_test_id", "superseded_at" });

        migrationBuilder.CreateIndex(
            name: "ix_lab_results_lab_test_id",
            table: "lab_results",
            column: "lab_test_id");

        migrationBuilder.CreateIndex(
            name: "ix_lab_results_patient_id_lab_test_id_validated_at",
            table: "lab_results",
            columns: new[] { "patient_id", "lab_test_id", "validated_at" });

        migrationBuilder.CreateIndex(
            name: "ix_lab_results_specimen_id",
            table: "lab_results",
            column: "specimen_id");

        migrationBuilder.CreateIndex(
            name: "ix_lab_results_status_received_at",
            table: "lab_results",
            columns: new[] { "status", "received_at" });

        migrationBuilder.CreateIndex(
            name: "ix_lab_unmatched_results_analyser_message_id",
            table: "lab_unmatched_results",
            column: "analyser_message_id");

        migrationBuilder.CreateIndex(
            name: "ix_lab_unmatched_results_assigned_lab_result_id",
            table: "lab_unmatched_results",
            column: "assigned_lab_result_id");

        migrationBuilder.CreateIndex(
            name: "ix_lab_unmatched_results_barcode",
            table: "lab_unmatched_results",
            column: "barcode");

        migrationBuilder.CreateIndex(
            name: "ix_lab_unmatched_results_resolved_at_received_at",
            table: "lab_unmatched_results",
            columns: new[] { "resolved_at", "received_at" });

    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "lab_unmatched_results");
        migrationBuilder.DropTable(name: "lab_critical_alerts");
        migrationBuilder.DropTable(name: "lab_results");
        migrationBuilder.DropTable(name: "lab_qc_targets");
        migrationBuilder.DropTable(name: "lab_qc_results");
        migrationBuilder.DropTable(name: "lab_autoverification_rules");
        migrationBuilder.DropTable(name: "analysers");
        migrationBuilder.DropTable(name: "analyser_messages");
        migrationBuilder.DropTable(name: "analyser_journal");
    }
}
