using Hospital.Domain.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Domain.Data;

/// <summary>
/// The one database context of Hospital, over SQLite or PostgreSQL (DESIGN.md "Data").
/// Module configurations live beside their entities, all in this assembly: the clinical, lab
/// and pharmacy modules meet through these entities (DESIGN.md "Solution layout").
/// </summary>
public class HospitalDbContext(DbContextOptions<HospitalDbContext> options)
    : IdentityDbContext<AppUser, AppRole, string>(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AppUser>().ToTable("users");
        builder.Entity<AppRole>().ToTable("roles");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserRole<string>>().ToTable("user_roles");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<string>>().ToTable("user_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<string>>().ToTable("user_logins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<string>>().ToTable("user_tokens");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityRoleClaim<string>>().ToTable("role_claims");

        builder.ApplyConfigurationsFromAssembly(typeof(HospitalDbContext).Assembly);
        ApplySnakeCaseNames(builder);
    }

    /// <summary>Tables without an explicit name get the snake_case plural of the entity; all columns, keys and indexes snake_case.</summary>
    private static void ApplySnakeCaseNames(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            var explicitTable = entity.GetAnnotations().Any(a => a.Name == "Relational:TableName");
            if (!explicitTable)
                entity.SetTableName(SnakeCaseNames.Of(entity.ClrType.Name) + "s");
            foreach (var property in entity.GetProperties())
                property.SetColumnName(SnakeCaseNames.Of(property.Name));
            foreach (var key in entity.GetKeys())
                key.SetName(SnakeCaseNames.Of(key.GetDefaultName() ?? key.GetName()!));
            foreach (var fk in entity.GetForeignKeys())
                fk.SetConstraintName(SnakeCaseNames.Of(fk.GetDefaultName() ?? fk.GetConstraintName()!));
            foreach (var index in entity.GetIndexes())
                index.SetDatabaseName(SnakeCaseNames.Of(index.GetDefaultDatabaseName() ?? index.GetDatabaseName()!));
        }
    }
}
