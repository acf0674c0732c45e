using Hospital.Domain.Audit;
using Hospital.Domain.Data;
using Hospital.Domain.Patients;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Audit;

/// <summary>A migrated test database whose contexts carry the audit interceptor, acting as one user.</summary>
internal sealed class AuditedDatabase : IAsyncDisposable
{
    public sealed class User(string? id, string name) : IAuditUser
    {
        public string? UserId { get; } = id;
        public string UserName { get; } = name;
    }

    public TestDatabase Database { get; }
    public User Actor { get; } = new("user-17", "bacsi.hung");
    public AuditInterceptor Interceptor { get; }

    private AuditedDatabase(TestDatabase database)
    {
        Database = database;
        Interceptor = new AuditInterceptor(Actor, TimeProvider.System);
    }

    public static async Task<AuditedDatabase> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        return new AuditedDatabase(database);
    }

    public HospitalDbContext NewContext() => Database.NewContext(Interceptor);

    public AuditTrail Trail(HospitalDbContext db) => new(db, Actor, TimeProvider.System);

    /// <summary>The trail as stored, read without the interceptor.</summary>
    public async Task<List<AuditEntry>> EntriesAsync()
    {
        await using var db = Database.NewContext();
        return await db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>SQL run behind the application's back, as someone with database access could.</summary>
    public async Task RawSqlAsync(string sql)
    {
        await using var db = Database.NewContext();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    public static Patient NewPatient(string code, string name = "Nguyễn Thị Lan") => new()
    {
        Code = code,
        FullName = name,
        SearchKey = Hospital.Domain.Text.VietnameseText.SearchKey(name),
        BirthYear = 1975,
        Sex = Sex.Female,
        Phone = "0912345678",
        CreatedAt = DateTime.UtcNow,
        CreatedBy = "reception",
    };

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
