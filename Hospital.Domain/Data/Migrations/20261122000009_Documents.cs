using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Hospital.Domain.Data.Migrations;

/// <summary>
/// Documents (issue 4): clinicians' signing certificates and the certification authorities whose
/// signatures this hospital accepts.
/// </summary>
[DbContext(typeof(HospitalDbContext))]
[Migration("20261122000009_Documents")]
public sealed class Documents : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "clinician_certificates",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                user_id = table.Column<string>(maxLength: 450, nullable: false),
                subject = table.Column<string>(maxLength: 500, nullable: false),
                thumbprint = table.Column<string>(maxLength: 64, nullable: false),
                serial_number = table.Column<string>(maxLength: 100, nullable: false),
                not_before = table.Column<DateTime>(nullable: false),
                not_after = table.Column<DateTime>(nullable: false),
                source = table.Column<int>(nullable: false),
                encrypted_pkcs12 = table.Column<byte[]>(nullable: true),
                store_location = table.Column<string>(maxLength: 20, nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                created_by = table.Column<string>(maxLength: 256, nullable: false),
                revoked_at = table.Column<DateTime>(nullable: true),
                revoked_by = table.Column<string>(maxLength: 256, nullable: true),
                revoke_reason = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_clinician_certificates", x => x.id);
                table.ForeignKey(
                    name: "fk_clinician_certificates_users_user_id",
                    column: x => x.user_id,
                    principalTable: "users",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "ix_clinician_certificates_thumbprint",
            table: "clinician_certificates",
            column: "thumbprint");

        migrationBuilder.CreateIndex(
            name: "ix_clinician_certificates_user_id",
            table: "clinician_certificates",
            column: "user_id");


        migrationBuilder.CreateTable(
            name: "signing_authorities",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                name = table.Column<string>(maxLength: 300, nullable: false),
                certificate_pem = table.Column<string>(maxLength: 20000, nullable: false),
                thumbprint = table.Column<string>(maxLength: 64, nullable: false),
                not_after = table.Column<DateTime>(nullable: false),
                protected_private_key = table.Column<string>(maxLength: 20000, nullable: true),
                is_active = table.Column<bool>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                created_by = table.Column<string>(maxLength: 256, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_signing_authorities", x => x.id);
            });

        migrationBuilder.CreateIndex(
            name: "ix_signing_authorities_thumbprint",
            table: "signing_authorities",
            column: "thumbprint",
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "signing_authorities");
        migrationBuilder.DropTable(name: "clinician_certificates");
    }
}
