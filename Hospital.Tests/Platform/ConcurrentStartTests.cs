using System.Net;
using Hospital.Domain.Data;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Platform;

/// <summary>
/// Two app instances (e.g. two nodes behind a load balancer) started at the same moment against
/// one empty PostgreSQL database: both must come up, with one schema and one set of demo data.
/// </summary>
public sealed class ConcurrentStartTests
{
    [Fact]
    public async Task Two_instances_starting_together_on_one_empty_PostgreSQL_database_both_come_up()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSQL);
        var starts = Enumerable.Range(0, 2).Select(_ => Task.Run(() => HospitalAppFactory.Start(database))).ToArray();
        var apps = await Task.WhenAll(starts);
        try
        {
            foreach (var app in apps)
            {
                app.OwnsDatabase = false;
                using var session = app.NewSession();
                Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/health/ready")).StatusCode);
                Assert.True(WebSession.IsRedirectTo(await session.SignInAsync("admin"), "/"));
            }
            await using var db = database.NewContext();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(8, await db.Users.CountAsync());
        }
        finally
        {
            foreach (var app in apps) await app.DisposeAsync();
        }
    }
}
