using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Hospital.Domain.Data.Migrations;

/// <summary>
/// Reception (issue 3): patient master additions (guardian, old ID, merge, allergies, name-word
/// index), visits with their BHYT snapshot, queue tickets and counters, display boards, charges,
/// card checks, and the identifier sequences (real sequences on PostgreSQL, counter rows on SQLite).
/// </summary>
[DbContext(typeof(HospitalDbContext))]
[Migration("20261122000003_Reception")]
public sealed class Reception : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "old_id_number", table: "patients", maxLength: 12, nullable: true);
        migrationBuilder.AddColumn<string>(name: "guardian_name", table: "patients", maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<string>(name: "guardian_phone", table: "patients", maxLength: 20, nullable: true);
        migrationBuilder.AddColumn<string>(name: "guardian_relation", table: "patients", maxLength: 50, nullable: true);
        migrationBuilder.AddColumn<string>(name: "guardian_cccd", table: "patients", maxLength: 12, nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "updated_at", table: "patients", nullable: true);
        AddReferenceColumn(migrationBuilder, "patients", "merged_into_id", "fk_patients_patients_merged_into_id", "patients");
        migrationBuilder.CreateIndex(name: "ix_patients_merged_into_id", table: "patients", column: "merged_into_id");

        migrationBuilder.AddColumn<string>(name: "social_insurance_number", table: "bhyt_cards", maxLength: 10, nullable: false, defaultValue: "");
        migrationBuilder.AddColumn<string>(name: "area_code", table: "bhyt_cards", maxLength: 2, nullable: true);
        migrationBuilder.AddColumn<string>(name: "last_check_result", table: "bhyt_cards", maxLength: 10, nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "last_checked_at", table: "bhyt_cards", nullable: true);
        migrationBuilder.Sql("UPDATE bhyt_cards SET social_insurance_number = substr(number, 6, 10) WHERE length(number) = 15");
        migrationBuilder.CreateIndex(name: "ix_bhyt_cards_social_insurance_number", table: "bhyt_cards", column: "social_insurance_number");

        migrationBuilder.AddColumn<string>(name: "former_tier", table: "facility_settings", maxLength: 20, nullable: false, defaultValue: "Provincial");
        migrationBuilder.AddColumn<int>(name: "level_score", table: "facility_settings", nullable: true);

        AddReferenceColumn(migrationBuilder, "rooms", "exam_service_id", "fk_rooms_medical_services_exam_service_id", "medical_services");
        migrationBuilder.CreateIndex(name: "ix_rooms_exam_service_id", table: "rooms", column: "exam_service_id");

        migrationBuilder.CreateTable(
            name: "number_sequences",
            columns: table => new
            {
                name = table.Column<string>(maxLength: 50, nullable: false),
                last_value = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_number_sequences", x => x.name);
            });

        migrationBuilder.CreateTable(
            name: "queue_boards",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                name = table.Column<string>(maxLength: 200, nullable: false),
                room_codes = table.Column<string>(maxLength: 1000, nullable: false),
                token_hash = table.Column<string>(maxLength: 64, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                created_by = table.Column<string>(maxLength: 256, nullable: false),
                revoked_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_queue_boards", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "queue_counters",
            columns: table => new
            {
                room_id = table.Column<int>(nullable: false),
                service_date = table.Column<DateOnly>(nullable: false),
                last_number = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_queue_counters", x => new { x.room_id, x.service_date });
            });

        migrationBuilder.CreateTable(
            name: "patient_allergies",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                patient_id = table.Column<int>(nullable: false),
                substance = table.Column<string>(maxLength: 200, nullable: false),
                substance_key = table.Column<string>(maxLength: 200, nullable: false),
                reaction = table.Column<string>(maxLength: 500, nullable: true),
                severity = table.Column<int>(nullable: false),
                recorded_at = table.Column<DateTime>(nullable: false),
                recorded_by = table.Column<string>(maxLength: 256, nullable: false),
                voided_at = table.Column<DateTime>(nullable: true),
                voided_by = table.Column<string>(maxLength: 256, nullable: true),
                void_reason = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_patient_allergies", x => x.id);
                table.ForeignKey(
                    name: "fk_patient_allergies_patients_patient_id",
                    column: x => x.patient_id,
                    principalTable: "patients",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "patient_merges",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                survivor_id = table.Column<int>(nullable: false),
                merged_id = table.Column<int>(nullable: false),
                reason = table.Column<string>(maxLength: 500, nullable: false),
                merged_at = table.Column<DateTime>(nullable: false),
                merged_by = table.Column<string>(maxLength: 256, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_patient_merges", x => x.id);
                table.ForeignKey(
                    name: "fk_patient_merges_patients_merged_id",
                    column: x => x.merged_id,
                    principalTable: "patients",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_patient_merges_patients_survivor_id",
                    column: x => x.survivor_id,
                    principalTable: "patients",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "patient_name_keys",
            columns: table => new
            {
                key = table.Column<string>(maxLength: 200, nullable: false),
                patient_id = table.Column<int>(nullable: false),
                word_index = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_patient_name_keys", x => new { x.key, x.patient_id });
                table.ForeignKey(
                    name: "fk_patient_name_keys_patients_patient_id",
                    column: x => x.patient_id,
                    principalTable: "patients",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "visits",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                code = table.Column<string>(maxLength: 20, nullable: false),
                ma_lk = table.Column<string>(maxLength: 100, nullable: false),
                patient_id = table.Column<int>(nullable: false),
                kind = table.Column<int>(nullable: false),
                status = table.Column<int>(nullable: false),
                registered_at = table.Column<DateTime>(nullable: false),
                registered_by = table.Column<string>(maxLength: 256, nullable: false),
                visit_date = table.Column<DateOnly>(nullable: false),
                reason = table.Column<string>(maxLength: 500, nullable: true),
                emergency = table.Column<bool>(nullable: false),
                priority = table.Column<int>(nullable: false),
                department_id = table.Column<int>(nullable: false),
                room_id = table.Column<int>(nullable: false),
                bhyt_card_id = table.Column<int>(nullable: true),
                card_number = table.Column<string>(maxLength: 15, nullable: true),
                card_valid_from = table.Column<DateOnly>(nullable: true),
                card_valid_to = table.Column<DateOnly>(nullable: true),
                card_registered_facility_code = table.Column<string>(maxLength: 10, nullable: true),
                card_presentation = table.Column<int>(nullable: false),
                benefit_category_code = table.Column<string>(maxLength: 4, nullable: true),
                payable_share_percent = table.Column<decimal>(precision: 5, scale: 2, nullable: true),
                card_check = table.Column<int>(nullable: false),
                card_check_message = table.Column<string>(maxLength: 500, nullable: true),
                card_checked_at = table.Column<DateTime>(nullable: true),
                referral_from_facility_code = table.Column<string>(maxLength: 10, nullable: true),
                referral_number = table.Column<string>(maxLength: 50, nullable: true),
                referral_diagnosis_code = table.Column<string>(maxLength: 20, nullable: true),
                referral_diagnosis_text = table.Column<string>(maxLength: 500, nullable: true),
                referral_date = table.Column<DateOnly>(nullable: true),
                has_appointment_slip = table.Column<bool>(nullable: false),
                check_in_queued_at = table.Column<DateTime>(nullable: true),
                check_in_transaction_code = table.Column<string>(maxLength: 100, nullable: true),
                voided_at = table.Column<DateTime>(nullable: true),
                voided_by = table.Column<string>(maxLength: 256, nullable: true),
                void_reason = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_visits", x => x.id);
                table.ForeignKey(
                    name: "fk_visits_bhyt_cards_bhyt_card_id",
                    column: x => x.bhyt_card_id,
                    principalTable: "bhyt_cards",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_visits_departments_department_id",
                    column: x => x.department_id,
                    principalTable: "departments",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_visits_patients_patient_id",
                    column: x => x.patient_id,
                    principalTable: "patients",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_visits_rooms_room_id",
                    column: x => x.room_id,
                    principalTable: "rooms",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "bhyt_card_checks",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                patient_id = table.Column<int>(nullable: false),
                visit_id = table.Column<int>(nullable: true),
                card_number = table.Column<string>(maxLength: 15, nullable: false),
                requested_at = table.Column<DateTime>(nullable: false),
                requested_by = table.Column<string>(maxLength: 256, nullable: false),
                answered_at = table.Column<DateTime>(nullable: true),
                result_code = table.Column<string>(maxLength: 10, nullable: true),
                message = table.Column<string>(maxLength: 1000, nullable: true),
                raw_response = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_bhyt_card_checks", x => x.id);
                table.ForeignKey(
                    name: "fk_bhyt_card_checks_patient_patient_id",
                    column: x => x.patient_id,
                    principalTable: "patients",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_bhyt_card_checks_visit_visit_id",
                    column: x => x.visit_id,
                    principalTable: "visits",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "charges",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                visit_id = table.Column<int>(nullable: false),
                item_kind = table.Column<int>(nullable: false),
                service_id = table.Column<int>(nullable: true),
                drug_id = table.Column<int>(nullable: true),
                supply_id = table.Column<int>(nullable: true),
                item_code = table.Column<string>(maxLength: 50, nullable: false),
                item_name = table.Column<string>(maxLength: 1000, nullable: false),
                unit = table.Column<string>(maxLength: 50, nullable: false),
                cost_group = table.Column<int>(nullable: false),
                quantity = table.Column<decimal>(precision: 18, scale: 3, nullable: false),
                unit_price = table.Column<decimal>(precision: 18, scale: 3, nullable: false),
                bhyt_unit_price = table.Column<decimal>(precision: 18, scale: 3, nullable: true),
                bhyt_payable_ratio = table.Column<decimal>(precision: 5, scale: 2, nullable: false),
                department_id = table.Column<int>(nullable: true),
                ordered_by = table.Column<string>(maxLength: 256, nullable: false),
                ordering_staff_id = table.Column<int>(nullable: true),
                performing_staff_id = table.Column<int>(nullable: true),
                ordered_at = table.Column<DateTime>(nullable: false),
                performed_at = table.Column<DateTime>(nullable: true),
                voided_at = table.Column<DateTime>(nullable: true),
                voided_by = table.Column<string>(maxLength: 256, nullable: true),
                void_reason = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_charges", x => x.id);
                table.ForeignKey(
                    name: "fk_charges_department_department_id",
                    column: x => x.department_id,
                    principalTable: "departments",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_charges_drug_drug_id",
                    column: x => x.drug_id,
                    principalTable: "drugs",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_charges_medical_services_service_id",
                    column: x => x.service_id,
                    principalTable: "medical_services",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_charges_supplies_supply_id",
                    column: x => x.supply_id,
                    principalTable: "supplies",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_charges_visit_visit_id",
                    column: x => x.visit_id,
                    principalTable: "visits",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "queue_tickets",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                visit_id = table.Column<int>(nullable: false),
                room_id = table.Column<int>(nullable: false),
                service_date = table.Column<DateOnly>(nullable: false),
                number = table.Column<int>(nullable: false),
                priority = table.Column<int>(nullable: false),
                priority_rank = table.Column<int>(nullable: false),
                status = table.Column<int>(nullable: false),
                issued_at = table.Column<DateTime>(nullable: false),
                called_at = table.Column<DateTime>(nullable: true),
                called_by = table.Column<string>(maxLength: 256, nullable: true),
                call_count = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_queue_tickets", x => x.id);
                table.ForeignKey(
                    name: "fk_queue_tickets_rooms_room_id",
                    column: x => x.room_id,
                    principalTable: "rooms",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_queue_tickets_visit_visit_id",
                    column: x => x.visit_id,
                    principalTable: "visits",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "ix_bhyt_card_checks_patient_id",
            table: "bhyt_card_checks",
            column: "patient_id");

        migrationBuilder.CreateIndex(
            name: "ix_bhyt_card_checks_visit_id",
            table: "bhyt_card_checks",
            column: "visit_id");

        migrationBuilder.CreateIndex(
            name: "ix_charges_department_id",
            table: "charges",
            column: "department_id");

        migrationBuilder.CreateIndex(
            name: "ix_charges_drug_id",
            table: "charges",
            column: "drug_id");

        migrationBuilder.CreateIndex(
            name: "ix_charges_service_id",
            table: "charges",
            column: "service_id");

        migrationBuilder.CreateIndex(
            name: "ix_charges_supply_id",
            table: "charges",
            column: "supply_id");

        migrationBuilder.CreateIndex(
            name: "ix_charges_visit_id",
            table: "charges",
            column: "visit_id");

        migrationBuilder.CreateIndex(
            name: "ix_patient_allergies_patient_id",
            table: "patient_allergies",
            column: "patient_id");

        migrationBuilder.CreateIndex(
            name: "ix_patient_merges_merged_id",
            table: "patient_merges",
            column: "merged_id",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_patient_merges_survivor_id",
            table: "patient_merges",
            column: "survivor_id");

        migrationBuilder.CreateIndex(
            name: "ix_patient_name_keys_patient_id",
            table: "patient_name_keys",
            column: "patient_id");

        migrationBuilder.CreateIndex(
            name: "ix_queue_boards_token_hash",
            table: "queue_boards",
            column: "token_hash",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_queue_tickets_room_id_service_date_number",
            table: "queue_tickets",
            columns: new[] { "room_id", "service_date", "number" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_queue_tickets_room_id_service_date_status_priority_rank",
            table: "queue_tickets",
            columns: new[] { "room_id", "service_date", "status", "priority_rank" });

        migrationBuilder.CreateIndex(
            name: "ix_queue_tickets_visit_id",
            table: "queue_tickets",
            column: "visit_id");

        migrationBuilder.CreateIndex(
            name: "ix_visits_bhyt_card_id",
            table: "visits",
            column: "bhyt_card_id");

        migrationBuilder.CreateIndex(
            name: "ix_visits_code",
            table: "visits",
            column: "code",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_visits_department_id",
            table: "visits",
            column: "department_id");

        migrationBuilder.CreateIndex(
            name: "ix_visits_ma_lk",
            table: "visits",
            column: "ma_lk",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_visits_patient_id_registered_at",
            table: "visits",
            columns: new[] { "patient_id", "registered_at" });

        migrationBuilder.CreateIndex(
            name: "ix_visits_room_id",
            table: "visits",
            column: "room_id");

        migrationBuilder.CreateIndex(
            name: "ix_visits_visit_date_room_id",
            table: "visits",
            columns: new[] { "visit_date", "room_id" });

        foreach (var sequence in IdentifierSequences.All)
        {
            if (ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
                migrationBuilder.Sql($"CREATE SEQUENCE {sequence} AS bigint START 1");
            else
                migrationBuilder.Sql($"INSERT INTO number_sequences (name, last_value) VALUES ('{sequence}', 0)");
        }
    }

    /// <summary>
    /// A nullable integer column referencing another table's id. SQLite cannot add a foreign key
    /// to an existing table (EF would need a table rebuild), but it accepts the constraint inline
    /// in <c>ALTER TABLE … ADD COLUMN</c>, which keeps the rows and gives the same schema.
    /// </summary>
    private void AddReferenceColumn(MigrationBuilder migrationBuilder, string table, string column, string constraint, string principal)
    {
        if (ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            migrationBuilder.AddColumn<int>(name: column, table: table, nullable: true);
            migrationBuilder.AddForeignKey(name: constraint, table: table, column: column,
                principalTable: principal, principalColumn: "id", onDelete: ReferentialAction.Restrict);
        }
        else
            migrationBuilder.Sql($"ALTER TABLE {table} ADD COLUMN {column} INTEGER NULL CONSTRAINT {constraint} REFERENCES {principal} (id) ON DELETE RESTRICT");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
            foreach (var sequence in IdentifierSequences.All) migrationBuilder.Sql($"DROP SEQUENCE {sequence}");
        foreach (var table in new[] { "queue_tickets", "charges", "bhyt_card_checks", "visits", "patient_name_keys", "patient_merges", "patient_allergies", "queue_counters", "queue_boards", "number_sequences" })
            migrationBuilder.DropTable(name: table);
        if (ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
            migrationBuilder.DropForeignKey(name: "fk_rooms_medical_services_exam_service_id", table: "rooms");
        migrationBuilder.DropIndex(name: "ix_rooms_exam_service_id", table: "rooms");
        migrationBuilder.DropColumn(name: "exam_service_id", table: "rooms");
        migrationBuilder.DropColumn(name: "former_tier", table: "facility_settings");
        migrationBuilder.DropColumn(name: "level_score", table: "facility_settings");
        migrationBuilder.DropIndex(name: "ix_bhyt_cards_social_insurance_number", table: "bhyt_cards");
        foreach (var column in new[] { "social_insurance_number", "area_code", "last_check_result", "last_checked_at" })
            migrationBuilder.DropColumn(name: column, table: "bhyt_cards");
        if (ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
            migrationBuilder.DropForeignKey(name: "fk_patients_patients_merged_into_id", table: "patients");
        migrationBuilder.DropIndex(name: "ix_patients_merged_into_id", table: "patients");
        foreach (var column in new[] { "old_id_number", "guardian_name", "guardian_phone", "guardian_relation", "guardian_cccd", "updated_at", "merged_into_id" })
            migrationBuilder.DropColumn(name: column, table: "patients");
    }
}
