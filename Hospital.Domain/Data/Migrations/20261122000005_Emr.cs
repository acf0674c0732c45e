using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Hospital.Domain.Data.Migrations;

/// <summary>
/// EMR (issue 4): the exam record with its vitals and addenda, service orders and their released
/// results, order sets, prescriptions and their lines, and signed clinical documents; the ICD-10
/// main-diagnosis flags and the drugs' controlled class.
/// </summary>
[DbContext(typeof(HospitalDbContext))]
[Migration("20261122000005_Emr")]
public sealed class Emr : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "control_class", table: "drugs", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<int>(name: "primary_use", table: "icd10_codes", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<int>(name: "sex_restriction", table: "icd10_codes", nullable: true);

        migrationBuilder.CreateTable(
            name: "order_sets",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                code = table.Column<string>(maxLength: 30, nullable: false),
                name = table.Column<string>(maxLength: 500, nullable: false),
                search_key = table.Column<string>(maxLength: 2000, nullable: false),
                valid_from = table.Column<DateOnly>(nullable: true),
                valid_to = table.Column<DateOnly>(nullable: true),
                is_active = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_order_sets", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "order_set_items",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                order_set_id = table.Column<int>(nullable: false),
                service_id = table.Column<int>(nullable: false),
                position = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_order_set_items", x => x.id);
                table.ForeignKey(
                    name: "fk_order_set_items_medical_services_service_id",
                    column: x => x.service_id,
                    principalTable: "medical_services",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_order_set_items_order_sets_order_set_id",
                    column: x => x.order_set_id,
                    principalTable: "order_sets",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "clinical_documents",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                visit_id = table.Column<int>(nullable: false),
                patient_id = table.Column<int>(nullable: false),
                kind = table.Column<int>(nullable: false),
                source_id = table.Column<long>(nullable: false),
                version = table.Column<int>(nullable: false),
                previous_version_id = table.Column<long>(nullable: true),
                correction_reason = table.Column<string>(maxLength: 500, nullable: true),
                title = table.Column<string>(maxLength: 300, nullable: false),
                content = table.Column<byte[]>(nullable: false),
                content_sha256 = table.Column<string>(maxLength: 64, nullable: false),
                signed_by_user_id = table.Column<string>(maxLength: 450, nullable: false),
                signed_by_name = table.Column<string>(maxLength: 256, nullable: false),
                certificate_subject = table.Column<string>(maxLength: 500, nullable: false),
                certificate_thumbprint = table.Column<string>(maxLength: 64, nullable: false),
                signed_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_clinical_documents", x => x.id);
                table.ForeignKey(
                    name: "fk_clinical_documents_clinical_documents_previous_version_id",
                    column: x => x.previous_version_id,
                    principalTable: "clinical_documents",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_clinical_documents_patient_patient_id",
                    column: x => x.patient_id,
                    principalTable: "patients",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_clinical_documents_visit_visit_id",
                    column: x => x.visit_id,
                    principalTable: "visits",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "exam_records",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                visit_id = table.Column<int>(nullable: false),
                patient_id = table.Column<int>(nullable: false),
                status = table.Column<int>(nullable: false),
                started_by = table.Column<string>(maxLength: 256, nullable: false),
                started_at = table.Column<DateTime>(nullable: false),
                doctor_staff_id = table.Column<int>(nullable: true),
                reason = table.Column<string>(maxLength: 1000, nullable: true),
                present_illness = table.Column<string>(maxLength: 4000, nullable: true),
                past_history = table.Column<string>(maxLength: 4000, nullable: true),
                family_history = table.Column<string>(maxLength: 4000, nullable: true),
                exam_general = table.Column<string>(maxLength: 4000, nullable: true),
                exam_cardiovascular = table.Column<string>(maxLength: 4000, nullable: true),
                exam_respiratory = table.Column<string>(maxLength: 4000, nullable: true),
                exam_digestive = table.Column<string>(maxLength: 4000, nullable: true),
                exam_renal_urinary = table.Column<string>(maxLength: 4000, nullable: true),
                exam_neurological = table.Column<string>(maxLength: 4000, nullable: true),
                exam_musculoskeletal = table.Column<string>(maxLength: 4000, nullable: true),
                exam_ent = table.Column<string>(maxLength: 4000, nullable: true),
                exam_other = table.Column<string>(maxLength: 4000, nullable: true),
                primary_diagnosis_code = table.Column<string>(maxLength: 10, nullable: true),
                primary_diagnosis_text = table.Column<string>(maxLength: 1000, nullable: true),
                secondary_diagnosis_codes = table.Column<string>(maxLength: 200, nullable: true),
                secondary_diagnosis_text = table.Column<string>(maxLength: 2000, nullable: true),
                conclusion = table.Column<string>(maxLength: 4000, nullable: true),
                treatment_plan = table.Column<string>(maxLength: 4000, nullable: true),
                outcome_code = table.Column<int>(nullable: true),
                disposition = table.Column<int>(nullable: false),
                follow_up_date = table.Column<DateOnly>(nullable: true),
                follow_up_note = table.Column<string>(maxLength: 500, nullable: true),
                refer_to_facility_code = table.Column<string>(maxLength: 10, nullable: true),
                refer_to_facility_name = table.Column<string>(maxLength: 300, nullable: true),
                referral_reason_code = table.Column<int>(nullable: true),
                referral_clinical_summary = table.Column<string>(maxLength: 4000, nullable: true),
                referral_treatment_given = table.Column<string>(maxLength: 4000, nullable: true),
                referral_condition_at_transfer = table.Column<string>(maxLength: 1000, nullable: true),
                referral_transport = table.Column<string>(maxLength: 300, nullable: true),
                draft_saved_at = table.Column<DateTime>(nullable: true),
                draft_saved_by = table.Column<string>(maxLength: 256, nullable: true),
                revision = table.Column<int>(nullable: false),
                concluded_at = table.Column<DateTime>(nullable: true),
                concluded_by = table.Column<string>(maxLength: 256, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_exam_records", x => x.id);
                table.ForeignKey(
                    name: "fk_exam_records_patient_patient_id",
                    column: x => x.patient_id,
                    principalTable: "patients",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_exam_records_staff_doctor_staff_id",
                    column: x => x.doctor_staff_id,
                    principalTable: "staff",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_exam_records_visit_visit_id",
                    column: x => x.visit_id,
                    principalTable: "visits",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "prescriptions",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                visit_id = table.Column<int>(nullable: false),
                patient_id = table.Column<int>(nullable: false),
                form = table.Column<int>(nullable: false),
                status = table.Column<int>(nullable: false),
                national_code = table.Column<string>(maxLength: 14, nullable: true),
                national_status = table.Column<int>(nullable: false),
                national_sent_at = table.Column<DateTime>(nullable: true),
                national_message = table.Column<string>(maxLength: 1000, nullable: true),
                replaces_prescription_id = table.Column<int>(nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                created_by = table.Column<string>(maxLength: 256, nullable: false),
                doctor_staff_id = table.Column<int>(nullable: true),
                signed_at = table.Column<DateTime>(nullable: true),
                signed_by = table.Column<string>(maxLength: 256, nullable: true),
                diagnosis_codes = table.Column<string>(maxLength: 200, nullable: true),
                diagnosis_text = table.Column<string>(maxLength: 2000, nullable: true),
                advice = table.Column<string>(maxLength: 2000, nullable: true),
                round = table.Column<int>(nullable: true),
                start_date = table.Column<DateOnly>(nullable: true),
                end_date = table.Column<DateOnly>(nullable: true),
                age_months = table.Column<int>(nullable: true),
                weight_kg = table.Column<decimal>(precision: 6, scale: 2, nullable: true),
                guardian_name = table.Column<string>(maxLength: 200, nullable: true),
                guardian_phone = table.Column<string>(maxLength: 20, nullable: true),
                guardian_address = table.Column<string>(maxLength: 500, nullable: true),
                follow_up_days = table.Column<int>(nullable: true),
                voided_at = table.Column<DateTime>(nullable: true),
                voided_by = table.Column<string>(maxLength: 256, nullable: true),
                void_reason = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_prescriptions", x => x.id);
                table.ForeignKey(
                    name: "fk_prescriptions_patient_patient_id",
                    column: x => x.patient_id,
                    principalTable: "patients",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_prescriptions_prescriptions_replaces_prescription_id",
                    column: x => x.replaces_prescription_id,
                    principalTable: "prescriptions",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_prescriptions_staff_doctor_staff_id",
                    column: x => x.doctor_staff_id,
                    principalTable: "staff",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_prescriptions_visit_visit_id",
                    column: x => x.visit_id,
                    principalTable: "visits",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "vital_signs",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                visit_id = table.Column<int>(nullable: false),
                patient_id = table.Column<int>(nullable: false),
                measured_at = table.Column<DateTime>(nullable: false),
                recorded_by = table.Column<string>(maxLength: 256, nullable: false),
                pulse = table.Column<int>(nullable: true),
                temperature_c = table.Column<decimal>(precision: 4, scale: 1, nullable: true),
                systolic_mm_hg = table.Column<int>(nullable: true),
                diastolic_mm_hg = table.Column<int>(nullable: true),
                respiratory_rate = table.Column<int>(nullable: true),
                sp_o2_percent = table.Column<int>(nullable: true),
                height_cm = table.Column<decimal>(precision: 5, scale: 1, nullable: true),
                weight_kg = table.Column<decimal>(precision: 6, scale: 2, nullable: true),
                bmi = table.Column<decimal>(precision: 5, scale: 1, nullable: true),
                voided_at = table.Column<DateTime>(nullable: true),
                voided_by = table.Column<string>(maxLength: 256, nullable: true),
                void_reason = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_vital_signs", x => x.id);
                table.ForeignKey(
                    name: "fk_vital_signs_patient_patient_id",
                    column: x => x.patient_id,
                    principalTable: "patients",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_vital_signs_visit_visit_id",
                    column: x => x.visit_id,
                    principalTable: "visits",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "service_orders",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                request_number = table.Column<string>(maxLength: 30, nullable: false),
                visit_id = table.Column<int>(nullable: false),
                patient_id = table.Column<int>(nullable: false),
                service_id = table.Column<int>(nullable: false),
                service_code = table.Column<string>(maxLength: 50, nullable: false),
                service_name = table.Column<string>(maxLength: 1000, nullable: false),
                kind = table.Column<int>(nullable: false),
                priority = table.Column<int>(nullable: false),
                status = table.Column<int>(nullable: false),
                order_set_id = table.Column<int>(nullable: true),
                clinical_note = table.Column<string>(maxLength: 1000, nullable: true),
                ordered_at = table.Column<DateTime>(nullable: false),
                ordered_by = table.Column<string>(maxLength: 256, nullable: false),
                ordering_staff_id = table.Column<int>(nullable: true),
                charge_id = table.Column<long>(nullable: true),
                performed_at = table.Column<DateTime>(nullable: true),
                performed_by = table.Column<string>(maxLength: 256, nullable: true),
                performing_staff_id = table.Column<int>(nullable: true),
                result_text = table.Column<string>(maxLength: 8000, nullable: true),
                result_conclusion = table.Column<string>(maxLength: 2000, nullable: true),
                voided_at = table.Column<DateTime>(nullable: true),
                voided_by = table.Column<string>(maxLength: 256, nullable: true),
                void_reason = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_service_orders", x => x.id);
                table.ForeignKey(
                    name: "fk_service_orders_charges_charge_id",
                    column: x => x.charge_id,
                    principalTable: "charges",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_service_orders_medical_services_service_id",
                    column: x => x.service_id,
                    principalTable: "medical_services",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_service_orders_order_sets_order_set_id",
                    column: x => x.order_set_id,
                    principalTable: "order_sets",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_service_orders_patient_patient_id",
                    column: x => x.patient_id,
                    principalTable: "patients",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_service_orders_staff_ordering_staff_id",
                    column: x => x.ordering_staff_id,
                    principalTable: "staff",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_service_orders_staff_performing_staff_id",
                    column: x => x.performing_staff_id,
                    principalTable: "staff",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_service_orders_visit_visit_id",
                    column: x => x.visit_id,
                    principalTable: "visits",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "exam_addenda",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                exam_record_id = table.Column<int>(nullable: false),
                text = table.Column<string>(maxLength: 4000, nullable: false),
                reason = table.Column<string>(maxLength: 500, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                created_by = table.Column<string>(maxLength: 256, nullable: false),
                document_id = table.Column<long>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_exam_addenda", x => x.id);
                table.ForeignKey(
                    name: "fk_exam_addenda_clinical_documents_document_id",
                    column: x => x.document_id,
                    principalTable: "clinical_documents",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_exam_addenda_exam_record_exam_record_id",
                    column: x => x.exam_record_id,
                    principalTable: "exam_records",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "prescription_lines",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                prescription_id = table.Column<int>(nullable: false),
                position = table.Column<int>(nullable: false),
                drug_id = table.Column<int>(nullable: false),
                drug_code = table.Column<string>(maxLength: 50, nullable: false),
                drug_name = table.Column<string>(maxLength: 500, nullable: false),
                active_ingredient = table.Column<string>(maxLength: 500, nullable: false),
                strength = table.Column<string>(maxLength: 200, nullable: true),
                unit = table.Column<string>(maxLength: 50, nullable: false),
                route = table.Column<string>(maxLength: 100, nullable: true),
                dose_per_time = table.Column<decimal>(precision: 10, scale: 3, nullable: false),
                times_per_day = table.Column<int>(nullable: false),
                days = table.Column<int>(nullable: false),
                quantity = table.Column<decimal>(precision: 18, scale: 3, nullable: false),
                timing = table.Column<string>(maxLength: 200, nullable: true),
                usage = table.Column<string>(maxLength: 500, nullable: true),
                allergy_override_reason = table.Column<string>(maxLength: 500, nullable: true),
                charge_id = table.Column<long>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_prescription_lines", x => x.id);
                table.ForeignKey(
                    name: "fk_prescription_lines_charges_charge_id",
                    column: x => x.charge_id,
                    principalTable: "charges",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_prescription_lines_drugs_drug_id",
                    column: x => x.drug_id,
                    principalTable: "drugs",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_prescription_lines_prescriptions_prescription_id",
                    column: x => x.prescription_id,
                    principalTable: "prescriptions",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "service_results",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                service_order_id = table.Column<long>(nullable: false),
                patient_id = table.Column<int>(nullable: false),
                test_code = table.Column<string>(maxLength: 50, nullable: false),
                test_name = table.Column<string>(maxLength: 300, nullable: false),
                value = table.Column<string>(maxLength: 1000, nullable: false),
                unit = table.Column<string>(maxLength: 50, nullable: true),
                reference_range = table.Column<string>(maxLength: 100, nullable: true),
                flag = table.Column<int>(nullable: false),
                resulted_at = table.Column<DateTime>(nullable: false),
                released_at = table.Column<DateTime>(nullable: false),
                released_by = table.Column<string>(maxLength: 256, nullable: false),
                source = table.Column<string>(maxLength: 100, nullable: true),
                superseded_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_service_results", x => x.id);
                table.ForeignKey(
                    name: "fk_service_results_patient_patient_id",
                    column: x => x.patient_id,
                    principalTable: "patients",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_service_results_service_orders_service_order_id",
                    column: x => x.service_order_id,
                    principalTable: "service_orders",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "ix_clinical_documents_kind_source_id_version",
            table: "clinical_documents",
            columns: new[] { "kind", "source_id", "version" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_clinical_documents_patient_id_signed_at",
            table: "clinical_documents",
            columns: new[] { "patient_id", "signed_at" });

        migrationBuilder.CreateIndex(
            name: "ix_clinical_documents_previous_version_id",
            table: "clinical_documents",
            column: "previous_version_id");

        migrationBuilder.CreateIndex(
            name: "ix_clinical_documents_visit_id",
            table: "clinical_documents",
            column: "visit_id");

        migrationBuilder.CreateIndex(
            name: "ix_exam_addenda_document_id",
            table: "exam_addenda",
            column: "document_id");

        migrationBuilder.CreateIndex(
            name: "ix_exam_addenda_exam_record_id",
            table: "exam_addenda",
            column: "exam_record_id");

        migrationBuilder.CreateIndex(
            name: "ix_exam_records_doctor_staff_id",
            table: "exam_records",
            column: "doctor_staff_id");

        migrationBuilder.CreateIndex(
            name: "ix_exam_records_patient_id",
            table: "exam_records",
            column: "patient_id");

        migrationBuilder.CreateIndex(
            name: "ix_exam_records_visit_id",
            table: "exam_records",
            column: "visit_id",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_order_set_items_order_set_id_service_id",
            table: "order_set_items",
            columns: new[] { "order_set_id", "service_id" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_order_set_items_service_id",
            table: "order_set_items",
            column: "service_id");

        migrationBuilder.CreateIndex(
            name: "ix_order_sets_code",
            table: "order_sets",
            column: "code",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_order_sets_search_key",
            table: "order_sets",
            column: "search_key");

        migrationBuilder.CreateIndex(
            name: "ix_prescription_lines_charge_id",
            table: "prescription_lines",
            column: "charge_id");

        migrationBuilder.CreateIndex(
            name: "ix_prescription_lines_drug_id",
            table: "prescription_lines",
            column: "drug_id");

        migrationBuilder.CreateIndex(
            name: "ix_prescription_lines_prescription_id",
            table: "prescription_lines",
            column: "prescription_id");

        migrationBuilder.CreateIndex(
            name: "ix_prescriptions_doctor_staff_id",
            table: "prescriptions",
            column: "doctor_staff_id");

        migrationBuilder.CreateIndex(
            name: "ix_prescriptions_national_code",
            table: "prescriptions",
            column: "national_code",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_prescriptions_patient_id",
            table: "prescriptions",
            column: "patient_id");

        migrationBuilder.CreateIndex(
            name: "ix_prescriptions_replaces_prescription_id",
            table: "prescriptions",
            column: "replaces_prescription_id");

        migrationBuilder.CreateIndex(
            name: "ix_prescriptions_status_signed_at",
            table: "prescriptions",
            columns: new[] { "status", "signed_at" });

        migrationBuilder.CreateIndex(
            name: "ix_prescriptions_visit_id",
            table: "prescriptions",
            column: "visit_id");

        migrationBuilder.CreateIndex(
            name: "ix_service_orders_charge_id",
            table: "service_orders",
            column: "charge_id");

        migrationBuilder.CreateIndex(
            name: "ix_service_orders_kind_status",
            table: "service_orders",
            columns: new[] { "kind", "status" });

        migrationBuilder.CreateIndex(
            name: "ix_service_orders_order_set_id",
            table: "service_orders",
            column: "order_set_id");

        migrationBuilder.CreateIndex(
            name: "ix_service_orders_ordering_staff_id",
            table: "service_orders",
            column: "ordering_staff_id");

        migrationBuilder.CreateIndex(
            name: "ix_service_orders_patient_id_ordered_at",
            table: "service_orders",
            columns: new[] { "patient_id", "ordered_at" });

        migrationBuilder.CreateIndex(
            name: "ix_service_orders_performing_staff_id",
            table: "service_orders",
            column: "performing_staff_id");

        migrationBuilder.CreateIndex(
            name: "ix_service_orders_request_number",
            table: "service_orders",
            column: "request_number");

        migrationBuilder.CreateIndex(
            name: "ix_service_orders_service_id",
            table: "service_orders",
            column: "service_id");

        migrationBuilder.CreateIndex(
            name: "ix_service_orders_visit_id",
            table: "service_orders",
            column: "visit_id");

        migrationBuilder.CreateIndex(
            name: "ix_service_results_patient_id_test_code_resulted_at",
            table: "service_results",
            columns: new[] { "patient_id", "test_code", "resulted_at" });

        migrationBuilder.CreateIndex(
            name: "ix_service_results_service_order_id",
            table: "service_results",
            column: "service_order_id");

        migrationBuilder.CreateIndex(
            name: "ix_vital_signs_patient_id_measured_at",
            table: "vital_signs",
            columns: new[] { "patient_id", "measured_at" });

        migrationBuilder.CreateIndex(
            name: "ix_vital_signs_visit_id",
            table: "vital_signs",
            column: "visit_id");

    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "service_results");
        migrationBuilder.DropTable(name: "prescription_lines");
        migrationBuilder.DropTable(name: "exam_addenda");
        migrationBuilder.DropTable(name: "service_orders");
        migrationBuilder.DropTable(name: "vital_signs");
        migrationBuilder.DropTable(name: "prescriptions");
        migrationBuilder.DropTable(name: "exam_records");
        migrationBuilder.DropTable(name: "clinical_documents");
        migrationBuilder.DropTable(name: "order_set_items");
        migrationBuilder.DropTable(name: "order_sets");
        migrationBuilder.DropColumn(name: "sex_restriction", table: "icd10_codes");
        migrationBuilder.DropColumn(name: "primary_use", table: "icd10_codes");
        migrationBuilder.DropColumn(name: "control_class", table: "drugs");
    }
}
