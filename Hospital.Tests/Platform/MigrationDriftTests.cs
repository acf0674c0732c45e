using Hospital.Domain.Data;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Platform;

/// <summary>
/// Migrations are written by hand (no EF design package here), so nothing else would notice a
/// model change without a migration. The schema built by the migrations must equal the schema
/// EF builds from the model, column by column, on each provider.
/// </summary>
public sealed class MigrationDriftTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Migrated_schema_equals_the_model(DatabaseProvider provider)
    {
        await using var migrated = await TestDatabase.CreateAsync(provider);
        await using var fromModel = await TestDatabase.CreateAsync(provider);
        await migrated.MigrateAsync();
        await using (var db = fromModel.NewContext())
            Assert.True(await db.Database.EnsureCreatedAsync());

        var expected = await SchemaDescription.ReadAsync(fromModel);
        var actual = await SchemaDescription.ReadAsync(migrated);

        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            "The migrations do not build the model's schema. Add a migration under Hospital.Domain/Data/Migrations.\n" +
            "In the model but not migrated:\n  " + string.Join("\n  ", missing) +
            "\nMigrated but not in the model:\n  " + string.Join("\n  ", extra));
        Assert.Contains(expected, l => l.StartsWith("table audit_entries"));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Migrating_twice_applies_nothing_the_second_time(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        await using var db = database.NewContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        await db.Database.MigrateAsync();
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }
}
