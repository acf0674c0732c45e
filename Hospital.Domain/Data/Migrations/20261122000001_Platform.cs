using Hospital.Domain.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Hospital.Domain.Data.Migrations;

/// <summary>
/// The platform schema: identity, API keys, facility and reference catalogs, patients with BHYT
/// cards, audit trail, outbox. Provider-neutral: column types come from each provider's type
/// mapping of the CLR type, identity columns carry both providers' annotations.
/// </summary>
[DbContext(typeof(HospitalDbContext))]
[Migration("20261122000001_Platform")]
public sealed class Platform : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "api_keys",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                name = table.Column<string>(maxLength: 200, nullable: false),
                prefix = table.Column<string>(maxLength: 16, nullable: false),
                key_hash = table.Column<string>(maxLength: 64, nullable: false),
                roles = table.Column<string>(maxLength: 500, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                created_by = table.Column<string>(maxLength: 256, nullable: false),
                expires_at = table.Column<DateTime>(nullable: true),
                revoked_at = table.Column<DateTime>(nullable: true),
                revoked_by = table.Column<string>(maxLength: 256, nullable: true),
                last_used_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_api_keys", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "audit_entries",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                at = table.Column<DateTime>(nullable: false),
                user_id = table.Column<string>(maxLength: 450, nullable: true),
                user_name = table.Column<string>(maxLength: 256, nullable: false),
                action = table.Column<string>(maxLength: 20, nullable: false),
                entity = table.Column<string>(maxLength: 100, nullable: false),
                entity_key = table.Column<string>(maxLength: 100, nullable: false),
                changes = table.Column<string>(nullable: true),
                previous_hash = table.Column<string>(maxLength: 64, nullable: false),
                hash = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_audit_entries", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "bhyt_beneficiary_groups",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                benefit_level = table.Column<int>(nullable: false),
                code = table.Column<string>(maxLength: 2, nullable: false),
                name = table.Column<string>(maxLength: 1000, nullable: false),
                search_key = table.Column<string>(maxLength: 2000, nullable: false),
                valid_from = table.Column<DateOnly>(nullable: true),
                valid_to = table.Column<DateOnly>(nullable: true),
                is_active = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_bhyt_beneficiary_groups", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "communes",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                province_code = table.Column<string>(maxLength: 2, nullable: false),
                kind = table.Column<string>(maxLength: 20, nullable: false),
                code = table.Column<string>(maxLength: 5, nullable: false),
                name = table.Column<string>(maxLength: 500, nullable: false),
                search_key = table.Column<string>(maxLength: 2000, nullable: false),
                valid_from = table.Column<DateOnly>(nullable: true),
                valid_to = table.Column<DateOnly>(nullable: true),
                is_active = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_communes", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "departments",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                bhyt_code = table.Column<string>(maxLength: 50, nullable: false),
                kind = table.Column<string>(maxLength: 20, nullable: false),
                code = table.Column<string>(maxLength: 20, nullable: false),
                name = table.Column<string>(maxLength: 500, nullable: false),
                search_key = table.Column<string>(maxLength: 2000, nullable: false),
                valid_from = table.Column<DateOnly>(nullable: true),
                valid_to = table.Column<DateOnly>(nullable: true),
                is_active = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_departments", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "drugs",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                active_ingredient = table.Column<string>(maxLength: 500, nullable: false),
                strength = table.Column<string>(maxLength: 200, nullable: true),
                route_code = table.Column<string>(maxLength: 10, nullable: true),
                route = table.Column<string>(maxLength: 100, nullable: true),
                unit = table.Column<string>(maxLength: 50, nullable: false),
                registration_no = table.Column<string>(maxLength: 100, nullable: true),
                manufacturer = table.Column<string>(maxLength: 300, nullable: true),
                cost_group = table.Column<int>(nullable: false),
                price = table.Column<decimal>(precision: 18, scale: 3, nullable: false),
                bhyt_payment_rate = table.Column<int>(nullable: false),
                covered_by_bhyt = table.Column<bool>(nullable: false),
                code = table.Column<string>(maxLength: 50, nullable: false),
                name = table.Column<string>(maxLength: 500, nullable: false),
                search_key = table.Column<string>(maxLength: 2000, nullable: false),
                valid_from = table.Column<DateOnly>(nullable: true),
                valid_to = table.Column<DateOnly>(nullable: true),
                is_active = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_drugs", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "ethnicities",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                other_names = table.Column<string>(maxLength: 500, nullable: true),
                code = table.Column<string>(maxLength: 3, nullable: false),
                name = table.Column<string>(maxLength: 500, nullable: false),
                search_key = table.Column<string>(maxLength: 2000, nullable: false),
                valid_from = table.Column<DateOnly>(nullable: true),
                valid_to = table.Column<DateOnly>(nullable: true),
                is_active = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_ethnicities", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "facility_settings",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                facility_code = table.Column<string>(maxLength: 10, nullable: false),
                name = table.Column<string>(maxLength: 300, nullable: false),
                address = table.Column<string>(maxLength: 500, nullable: false),
                province_code = table.Column<string>(maxLength: 2, nullable: false),
                level = table.Column<string>(maxLength: 20, nullable: false),
                phone = table.Column<string>(maxLength: 30, nullable: true),
                tax_code = table.Column<string>(maxLength: 20, nullable: true),
                parent_authority = table.Column<string>(maxLength: 300, nullable: true),
                updated_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_facility_settings", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "icd10_codes",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                name_en = table.Column<string>(maxLength: 500, nullable: true),
                chapter = table.Column<string>(maxLength: 10, nullable: true),
                group_code = table.Column<string>(maxLength: 10, nullable: true),
                code = table.Column<string>(maxLength: 10, nullable: false),
                name = table.Column<string>(maxLength: 500, nullable: false),
                search_key = table.Column<string>(maxLength: 2000, nullable: false),
                valid_from = table.Column<DateOnly>(nullable: true),
                valid_to = table.Column<DateOnly>(nullable: true),
                is_active = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_icd10_codes", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "occupations",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                level = table.Column<int>(nullable: false),
                parent_code = table.Column<string>(maxLength: 5, nullable: true),
                code = table.Column<string>(maxLength: 5, nullable: false),
                name = table.Column<string>(maxLength: 500, nullable: false),
                search_key = table.Column<string>(maxLength: 2000, nullable: false),
                valid_from = table.Column<DateOnly>(nullable: true),
                valid_to = table.Column<DateOnly>(nullable: true),
                is_active = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_occupations", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "outbox_messages",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                type = table.Column<string>(maxLength: 100, nullable: false),
                reference = table.Column<string>(maxLength: 100, nullable: true),
                payload = table.Column<string>(nullable: false),
                state = table.Column<string>(maxLength: 20, nullable: false),
                attempts = table.Column<int>(nullable: false),
                max_attempts = table.Column<int>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                next_attempt_at = table.Column<DateTime>(nullable: false),
                sent_at = table.Column<DateTime>(nullable: true),
                last_error = table.Column<string>(maxLength: 2000, nullable: true),
                locked_by = table.Column<string>(maxLength: 100, nullable: true),
                locked_until = table.Column<DateTime>(nullable: true),
                handled_by = table.Column<string>(maxLength: 256, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_outbox_messages", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "patients",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                code = table.Column<string>(maxLength: 20, nullable: false),
                full_name = table.Column<string>(maxLength: 200, nullable: false),
                search_key = table.Column<string>(maxLength: 200, nullable: false),
                date_of_birth = table.Column<DateOnly>(nullable: true),
                birth_year = table.Column<int>(nullable: false),
                sex = table.Column<int>(nullable: false),
                ethnicity_code = table.Column<string>(maxLength: 3, nullable: true),
                nationality_code = table.Column<string>(maxLength: 3, nullable: true),
                occupation_code = table.Column<string>(maxLength: 5, nullable: true),
                cccd = table.Column<string>(maxLength: 12, nullable: true),
                phone = table.Column<string>(maxLength: 20, nullable: true),
                province_code = table.Column<string>(maxLength: 2, nullable: true),
                commune_code = table.Column<string>(maxLength: 5, nullable: true),
                address_line = table.Column<string>(maxLength: 300, nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                created_by = table.Column<string>(maxLength: 256, nullable: false),
                voided_at = table.Column<DateTime>(nullable: true),
                voided_by = table.Column<string>(maxLength: 256, nullable: true),
                void_reason = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_patients", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "provinces",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                code = table.Column<string>(maxLength: 2, nullable: false),
                name = table.Column<string>(maxLength: 500, nullable: false),
                search_key = table.Column<string>(maxLength: 2000, nullable: false),
                valid_from = table.Column<DateOnly>(nullable: true),
                valid_to = table.Column<DateOnly>(nullable: true),
                is_active = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_provinces", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "roles",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                name = table.Column<string>(maxLength: 256, nullable: true),
                normalized_name = table.Column<string>(maxLength: 256, nullable: true),
                concurrency_stamp = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_roles", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "supplies",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                unit = table.Column<string>(maxLength: 50, nullable: false),
                cost_group = table.Column<int>(nullable: false),
                price = table.Column<decimal>(precision: 18, scale: 3, nullable: false),
                bhyt_code = table.Column<string>(maxLength: 255, nullable: true),
                covered_by_bhyt = table.Column<bool>(nullable: false),
                code = table.Column<string>(maxLength: 50, nullable: false),
                name = table.Column<string>(maxLength: 500, nullable: false),
                search_key = table.Column<string>(maxLength: 2000, nullable: false),
                valid_from = table.Column<DateOnly>(nullable: true),
                valid_to = table.Column<DateOnly>(nullable: true),
                is_active = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_supplies", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "users",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                full_name = table.Column<string>(maxLength: 200, nullable: false),
                search_key = table.Column<string>(maxLength: 200, nullable: false),
                is_active = table.Column<bool>(nullable: false),
                staff_id = table.Column<int>(nullable: true),
                preferred_culture = table.Column<string>(maxLength: 10, nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                last_sign_in_at = table.Column<DateTime>(nullable: true),
                user_name = table.Column<string>(maxLength: 256, nullable: true),
                normalized_user_name = table.Column<string>(maxLength: 256, nullable: true),
                email = table.Column<string>(maxLength: 256, nullable: true),
                normalized_email = table.Column<string>(maxLength: 256, nullable: true),
                email_confirmed = table.Column<bool>(nullable: false),
                password_hash = table.Column<string>(nullable: true),
                security_stamp = table.Column<string>(nullable: true),
                concurrency_stamp = table.Column<string>(nullable: true),
                phone_number = table.Column<string>(nullable: true),
                phone_number_confirmed = table.Column<bool>(nullable: false),
                two_factor_enabled = table.Column<bool>(nullable: false),
                lockout_end = table.Column<DateTimeOffset>(nullable: true),
                lockout_enabled = table.Column<bool>(nullable: false),
                access_failed_count = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_users", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "medical_services",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                cost_group = table.Column<int>(nullable: false),
                unit = table.Column<string>(maxLength: 50, nullable: false),
                price = table.Column<decimal>(precision: 18, scale: 3, nullable: false),
                bhyt_price = table.Column<decimal>(precision: 18, scale: 3, nullable: true),
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
                table.PrimaryKey("pk_medical_services", x => x.id);
                table.ForeignKey(
                    name: "fk_medical_services_departments_department_id",
                    column: x => x.department_id,
                    principalTable: "departments",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "rooms",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                department_id = table.Column<int>(nullable: false),
                kind = table.Column<string>(maxLength: 20, nullable: false),
                capacity = table.Column<int>(nullable: true),
                code = table.Column<string>(maxLength: 20, nullable: false),
                name = table.Column<string>(maxLength: 500, nullable: false),
                search_key = table.Column<string>(maxLength: 2000, nullable: false),
                valid_from = table.Column<DateOnly>(nullable: true),
                valid_to = table.Column<DateOnly>(nullable: true),
                is_active = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_rooms", x => x.id);
                table.ForeignKey(
                    name: "fk_rooms_departments_department_id",
                    column: x => x.department_id,
                    principalTable: "departments",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "staff",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                title = table.Column<string>(maxLength: 100, nullable: true),
                practice_certificate_no = table.Column<string>(maxLength: 50, nullable: true),
                cccd = table.Column<string>(maxLength: 12, nullable: true),
                department_id = table.Column<int>(nullable: true),
                phone = table.Column<string>(maxLength: 20, nullable: true),
                code = table.Column<string>(maxLength: 20, nullable: false),
                name = table.Column<string>(maxLength: 500, nullable: false),
                search_key = table.Column<string>(maxLength: 2000, nullable: false),
                valid_from = table.Column<DateOnly>(nullable: true),
                valid_to = table.Column<DateOnly>(nullable: true),
                is_active = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_staff", x => x.id);
                table.ForeignKey(
                    name: "fk_staff_departments_department_id",
                    column: x => x.department_id,
                    principalTable: "departments",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "bhyt_cards",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                patient_id = table.Column<int>(nullable: false),
                number = table.Column<string>(maxLength: 15, nullable: false),
                valid_from = table.Column<DateOnly>(nullable: false),
                valid_to = table.Column<DateOnly>(nullable: false),
                registered_facility_code = table.Column<string>(maxLength: 10, nullable: false),
                five_years_continuous_from = table.Column<DateOnly>(nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                voided_at = table.Column<DateTime>(nullable: true),
                voided_by = table.Column<string>(maxLength: 256, nullable: true),
                void_reason = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_bhyt_cards", x => x.id);
                table.ForeignKey(
                    name: "fk_bhyt_cards_patient_patient_id",
                    column: x => x.patient_id,
                    principalTable: "patients",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "role_claims",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                role_id = table.Column<string>(nullable: false),
                claim_type = table.Column<string>(nullable: true),
                claim_value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_role_claims", x => x.id);
                table.ForeignKey(
                    name: "fk_role_claims_roles_role_id",
                    column: x => x.role_id,
                    principalTable: "roles",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "user_claims",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                user_id = table.Column<string>(nullable: false),
                claim_type = table.Column<string>(nullable: true),
                claim_value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_user_claims", x => x.id);
                table.ForeignKey(
                    name: "fk_user_claims_users_user_id",
                    column: x => x.user_id,
                    principalTable: "users",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "user_logins",
            columns: table => new
            {
                login_provider = table.Column<string>(nullable: false),
                provider_key = table.Column<string>(nullable: false),
                provider_display_name = table.Column<string>(nullable: true),
                user_id = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_user_logins", x => new { x.login_provider, x.provider_key });
                table.ForeignKey(
                    name: "fk_user_logins_users_user_id",
                    column: x => x.user_id,
                    principalTable: "users",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "user_roles",
            columns: table => new
            {
                user_id = table.Column<string>(nullable: false),
                role_id = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_user_roles", x => new { x.user_id, x.role_id });
                table.ForeignKey(
                    name: "fk_user_roles_roles_role_id",
                    column: x => x.role_id,
                    principalTable: "roles",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "fk_user_roles_users_user_id",
                    column: x => x.user_id,
                    principalTable: "users",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "user_tokens",
            columns: table => new
            {
                user_id = table.Column<string>(nullable: false),
                login_provider = table.Column<string>(nullable: false),
                name = table.Column<string>(nullable: false),
                value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                table.ForeignKey(
                    name: "fk_user_tokens_users_user_id",
                    column: x => x.user_id,
                    principalTable: "users",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "ix_api_keys_key_hash",
            table: "api_keys",
            column: "key_hash",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_audit_entries_at",
            table: "audit_entries",
            column: "at");

        migrationBuilder.CreateIndex(
            name: "ix_audit_entries_entity_entity_key",
            table: "audit_entries",
            columns: new[] { "entity", "entity_key" });

        migrationBuilder.CreateIndex(
            name: "ix_audit_entries_user_name",
            table: "audit_entries",
            column: "user_name");

        migrationBuilder.CreateIndex(
            name: "ix_bhyt_beneficiary_groups_code",
            table: "bhyt_beneficiary_groups",
            column: "code",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_bhyt_beneficiary_groups_search_key",
            table: "bhyt_beneficiary_groups",
            column: "search_key");

        migrationBuilder.CreateIndex(
            name: "ix_bhyt_cards_number",
            table: "bhyt_cards",
            column: "number");

        migrationBuilder.CreateIndex(
            name: "ix_bhyt_cards_patient_id",
            table: "bhyt_cards",
            column: "patient_id");

        migrationBuilder.CreateIndex(
            name: "ix_communes_code",
            table: "communes",
            column: "code",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_communes_province_code",
            table: "communes",
            column: "province_code");

        migrationBuilder.CreateIndex(
            name: "ix_communes_search_key",
            table: "communes",
            column: "search_key");

        migrationBuilder.CreateIndex(
            name: "ix_departments_code",
            table: "departments",
            column: "code",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_departments_search_key",
            table: "departments",
            column: "search_key");

        migrationBuilder.CreateIndex(
            name: "ix_drugs_code",
            table: "drugs",
            column: "code",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_drugs_search_key",
            table: "drugs",
            column: "search_key");

        migrationBuilder.CreateIndex(
            name: "ix_ethnicities_code",
            table: "ethnicities",
            column: "code",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_ethnicities_search_key",
            table: "ethnicities",
            column: "search_key");

        migrationBuilder.CreateIndex(
            name: "ix_icd10_codes_code",
            table: "icd10_codes",
            column: "code",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_icd10_codes_search_key",
            table: "icd10_codes",
            column: "search_key");

        migrationBuilder.CreateIndex(
            name: "ix_medical_services_code",
            table: "medical_services",
            column: "code",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_medical_services_department_id",
            table: "medical_services",
            column: "department_id");

        migrationBuilder.CreateIndex(
            name: "ix_medical_services_search_key",
            table: "medical_services",
            column: "search_key");

        migrationBuilder.CreateIndex(
            name: "ix_occupations_code",
            table: "occupations",
            column: "code",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_occupations_search_key",
            table: "occupations",
            column: "search_key");

        migrationBuilder.CreateIndex(
            name: "ix_outbox_messages_reference",
            table: "outbox_messages",
            column: "reference");

        migrationBuilder.CreateIndex(
            name: "ix_outbox_messages_state_next_attempt_at",
            table: "outbox_messages",
            columns: new[] { "state", "next_attempt_at" });

        migrationBuilder.CreateIndex(
            name: "ix_patients_cccd",
            table: "patients",
            column: "cccd");

        migrationBuilder.CreateIndex(
            name: "ix_patients_code",
            table: "patients",
            column: "code",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_patients_phone",
            table: "patients",
            column: "phone");

        migrationBuilder.CreateIndex(
            name: "ix_patients_search_key",
            table: "patients",
            column: "search_key");

        migrationBuilder.CreateIndex(
            name: "ix_provinces_code",
            table: "provinces",
            column: "code",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_provinces_search_key",
            table: "provinces",
            column: "search_key");

        migrationBuilder.CreateIndex(
            name: "ix_role_claims_role_id",
            table: "role_claims",
            column: "role_id");

        migrationBuilder.CreateIndex(
            name: "ix_roles_normalized_name",
            table: "roles",
            column: "normalized_name",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_rooms_code",
            table: "rooms",
            column: "code",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_rooms_department_id",
            table: "rooms",
            column: "department_id");

        migrationBuilder.CreateIndex(
            name: "ix_rooms_search_key",
            table: "rooms",
            column: "search_key");

        migrationBuilder.CreateIndex(
            name: "ix_staff_code",
            table: "staff",
            column: "code",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_staff_department_id",
            table: "staff",
            column: "department_id");

        migrationBuilder.CreateIndex(
            name: "ix_staff_search_key",
            table: "staff",
            column: "search_key");

        migrationBuilder.CreateIndex(
            name: "ix_supplies_code",
            table: "supplies",
            column: "code",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_supplies_search_key",
            table: "supplies",
            column: "search_key");

        migrationBuilder.CreateIndex(
            name: "ix_user_claims_user_id",
            table: "user_claims",
            column: "user_id");

        migrationBuilder.CreateIndex(
            name: "ix_user_logins_user_id",
            table: "user_logins",
            column: "user_id");

        migrationBuilder.CreateIndex(
            name: "ix_user_roles_role_id",
            table: "user_roles",
            column: "role_id");

        migrationBuilder.CreateIndex(
            name: "ix_users_normalized_email",
            table: "users",
            column: "normalized_email");

        migrationBuilder.CreateIndex(
            name: "ix_users_normalized_user_name",
            table: "users",
            column: "normalized_user_name",
            unique: true);

    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "user_tokens");
        migrationBuilder.DropTable(name: "user_roles");
        migrationBuilder.DropTable(name: "user_logins");
        migrationBuilder.DropTable(name: "user_claims");
        migrationBuilder.DropTable(name: "role_claims");
        migrationBuilder.DropTable(name: "bhyt_cards");
        migrationBuilder.DropTable(name: "staff");
        migrationBuilder.DropTable(name: "rooms");
        migrationBuilder.DropTable(name: "medical_services");
        migrationBuilder.DropTable(name: "users");
        migrationBuilder.DropTable(name: "supplies");
        migrationBuilder.DropTable(name: "roles");
        migrationBuilder.DropTable(name: "provinces");
        migrationBuilder.DropTable(name: "patients");
        migrationBuilder.DropTable(name: "outbox_messages");
        migrationBuilder.DropTable(name: "occupations");
        migrationBuilder.DropTable(name: "icd10_codes");
        migrationBuilder.DropTable(name: "facility_settings");
        migrationBuilder.DropTable(name: "ethnicities");
        migrationBuilder.DropTable(name: "drugs");
        migrationBuilder.DropTable(name: "departments");
        migrationBuilder.DropTable(name: "communes");
        migrationBuilder.DropTable(name: "bhyt_beneficiary_groups");
        migrationBuilder.DropTable(name: "audit_entries");
        migrationBuilder.DropTable(name: "api_keys");
    }
}
