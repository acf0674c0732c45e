using System.Text.Json;
using Hospital.Domain.Audit;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Identity;
using Hospital.Domain.Outbox;
using Hospital.Domain.Patients;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Audit;

/// <summary>What the interceptor writes for each kind of change, and what it refuses.</summary>
public sealed class AuditInterceptorTests
{
    private static JsonElement Field(AuditEntry e, string field) => JsonDocument.Parse(e.Changes!).RootElement.GetProperty(field);

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Create_update_and_void_are_recorded_with_user_time_key_and_changed_fields(DatabaseProvider provider)
    {
        await using var audited = await AuditedDatabase.CreateAsync(provider);
        var before = DateTime.UtcNow.AddSeconds(-1);
        int id;
        await using (var db = audited.NewContext())
        {
            var patient = AuditedDatabase.NewPatient("BN000001");
            db.Add(patient);
            await db.SaveChangesAsync();
            id = patient.Id;

            patient.FullName = "Nguyễn Thị Lan Anh";
            patient.Phone = null;
            await db.SaveChangesAsync();

            patient.Void("Trùng hồ sơ với BN000002", "bacsi.hung", DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        var entries = await audited.EntriesAsync();
        Assert.Equal([AuditAction.Create, AuditAction.Update, AuditAction.Void], entries.Select(e => e.Action));
        Assert.All(entries, e =>
        {
            Assert.Equal("Patient", e.Entity);
            Assert.Equal(id.ToString(), e.EntityKey); // the generated key, known only after the insert
            Assert.Equal("user-17", e.UserId);
            Assert.Equal("bacsi.hung", e.UserName);
            Assert.InRange(e.At, before, DateTime.UtcNow.AddSeconds(1));
            Assert.Equal(DateTimeKind.Utc, e.At.Kind);
        });

        var create = entries[0];
        Assert.Equal("Nguyễn Thị Lan", Field(create, "FullName").GetProperty("new").GetString());
        Assert.Equal("BN000001", Field(create, "Code").GetProperty("new").GetString());
        Assert.Equal("Female", Field(create, "Sex").GetProperty("new").GetString());
        Assert.False(Field(create, "FullName").TryGetProperty("old", out _));

        var update = JsonDocument.Parse(entries[1].Changes!).RootElement;
        Assert.Equal(["FullName", "Phone"], update.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("Nguyễn Thị Lan", update.GetProperty("FullName").GetProperty("old").GetString());
        Assert.Equal("Nguyễn Thị Lan Anh", update.GetProperty("FullName").GetProperty("new").GetString());
        Assert.Equal("0912345678", update.GetProperty("Phone").GetProperty("old").GetString());
        Assert.Equal(JsonValueKind.Null, update.GetProperty("Phone").GetProperty("new").ValueKind);

        var voided = JsonDocument.Parse(entries[2].Changes!).RootElement;
        Assert.Equal(["VoidReason", "VoidedAt", "VoidedBy"], voided.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Trùng hồ sơ với BN000002", voided.GetProperty("VoidReason").GetProperty("new").GetString());

        await using var check = audited.NewContext();
        Assert.True((await audited.Trail(check).VerifyAsync()).IsIntact);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Hard_delete_of_a_patient_is_refused_and_nothing_is_written(DatabaseProvider provider)
    {
        await using var audited = await AuditedDatabase.CreateAsync(provider);
        await using (var db = audited.NewContext())
        {
            db.Add(AuditedDatabase.NewPatient("BN000001"));
            await db.SaveChangesAsync();
        }
        var auditRows = (await audited.EntriesAsync()).Count;

        await using (var db = audited.NewContext())
        {
            var patient = await db.Set<Patient>().SingleAsync();
            patient.FullName = "Changed in the same save";
            db.Add(AuditedDatabase.NewPatient("BN000002"));
            db.Remove(patient);
            var ex = await Assert.ThrowsAsync<DomainException>(() => db.SaveChangesAsync());
            Assert.Contains("Không được xóa hẳn", ex.Message);
            Assert.Null(db.Database.CurrentTransaction);
            // Same rule on the synchronous path.
            Assert.Throws<DomainException>(() => db.SaveChanges());
        }

        await using var check = audited.NewContext();
        Assert.Equal(["BN000001"], await check.Set<Patient>().Select(p => p.Code).ToListAsync());
        Assert.Equal("Nguyễn Thị Lan", (await check.Set<Patient>().SingleAsync()).FullName);
        Assert.Equal(auditRows, (await audited.EntriesAsync()).Count);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Secrets_are_masked_and_deletes_of_link_rows_recorded(DatabaseProvider provider)
    {
        await using var audited = await AuditedDatabase.CreateAsync(provider);
        await using (var db = audited.NewContext())
        {
            db.Add(new ApiKey { Name = "Kiosk 1", Prefix = "hk_abc", KeyHash = "deadbeef", Roles = Roles.Reception, CreatedBy = "admin", CreatedAt = DateTime.UtcNow });
            db.Add(new DataProtectionKey { FriendlyName = "key-1", Xml = "<key><masterKey>SECRETKEYMATERIAL</masterKey></key>" });
            db.Add(new AppUser { Id = "u-9", UserName = "thungan2", NormalizedUserName = "THUNGAN2", FullName = "Trần Văn Bình",
                PasswordHash = "AQAAAAIAAYagAAAAE-secret", SecurityStamp = "STAMP", ConcurrencyStamp = "c1", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();

            var key = await db.Set<ApiKey>().SingleAsync();
            db.Remove(key);
            await db.SaveChangesAsync();
        }

        var entries = await audited.EntriesAsync();
        Assert.DoesNotContain(entries, e => e.Changes!.Contains("deadbeef") || e.Changes.Contains("secret") || e.Changes.Contains("STAMP")
            || e.Changes.Contains("SECRETKEYMATERIAL"));
        Assert.Equal(AuditChanges.Masked, Field(entries.Single(e => e.Entity == "DataProtectionKey"), "Xml").GetProperty("new").GetString());
        var user = entries.Single(e => e.Entity == "AppUser");
        Assert.Equal("u-9", user.EntityKey);
        Assert.Equal(AuditChanges.Masked, Field(user, "PasswordHash").GetProperty("new").GetString());
        Assert.Equal(AuditChanges.Masked, Field(user, "SecurityStamp").GetProperty("new").GetString());
        Assert.Equal("Trần Văn Bình", Field(user, "FullName").GetProperty("new").GetString());
        var delete = entries.Single(e => e.Action == AuditAction.Delete);
        Assert.Equal("ApiKey", delete.Entity);
        Assert.Equal(AuditChanges.Masked, Field(delete, "KeyHash").GetProperty("old").GetString());
        Assert.Equal("Kiosk 1", Field(delete, "Name").GetProperty("old").GetString());
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_failed_save_leaves_no_audit_row_and_no_open_transaction(DatabaseProvider provider)
    {
        await using var audited = await AuditedDatabase.CreateAsync(provider);
        await using var db = audited.NewContext();
        db.Add(AuditedDatabase.NewPatient("BN000001"));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        db.Add(AuditedDatabase.NewPatient("BN000001")); // duplicate patient code: unique index
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Null(db.Database.CurrentTransaction);
        db.ChangeTracker.Clear();

        Assert.Single(await audited.EntriesAsync());
        db.Add(AuditedDatabase.NewPatient("BN000002"));
        db.SaveChanges(); // the synchronous path writes its row too
        Assert.Equal(2, (await audited.EntriesAsync()).Count);
        Assert.True((await audited.Trail(db).VerifyAsync()).IsIntact);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task In_a_caller_transaction_the_audit_rows_commit_or_roll_back_with_the_work(DatabaseProvider provider)
    {
        await using var audited = await AuditedDatabase.CreateAsync(provider);
        await using var db = audited.NewContext();

        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            db.Add(AuditedDatabase.NewPatient("BN000001"));
            await db.SaveChangesAsync();
            db.Add(AuditedDatabase.NewPatient("BN000002"));
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }
        db.ChangeTracker.Clear();
        Assert.Empty(await audited.EntriesAsync());

        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            db.Add(AuditedDatabase.NewPatient("BN000003"));
            await db.SaveChangesAsync();
            await audited.Trail(db).RecordAccessAsync<Patient>(7);
            await tx.CommitAsync();
        }
        var entries = await audited.EntriesAsync();
        Assert.Equal([AuditAction.Create, AuditAction.Open], entries.Select(e => e.Action));
        Assert.Equal(entries[0].Hash, entries[1].PreviousHash);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Audit_rows_and_outbox_messages_are_not_audited_and_the_trail_cannot_be_edited_through_EF(DatabaseProvider provider)
    {
        await using var audited = await AuditedDatabase.CreateAsync(provider);
        await using (var db = audited.NewContext())
        {
            OutboxWriter.Enqueue(db, TimeProvider.System, "test.ping", "{}");
            await db.SaveChangesAsync();
            Assert.Null(db.Database.CurrentTransaction);
            await audited.Trail(db).RecordAccessAsync("Patient", "1");
        }
        var entries = await audited.EntriesAsync();
        Assert.Equal(AuditAction.Open, Assert.Single(entries).Action);

        await using (var db = audited.NewContext())
        {
            var row = await db.Set<AuditEntry>().SingleAsync();
            row.UserName = "someone else";
            await Assert.ThrowsAsync<DomainException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.Remove(await db.Set<AuditEntry>().SingleAsync());
            await Assert.ThrowsAsync<DomainException>(() => db.SaveChangesAsync());
        }
        Assert.Equal(entries[0].Hash, Assert.Single(await audited.EntriesAsync()).Hash);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task An_interceptor_added_twice_still_writes_one_row_per_change_and_commits(DatabaseProvider provider)
    {
        await using var audited = await AuditedDatabase.CreateAsync(provider);
        await using (var db = audited.Database.NewContext(audited.Interceptor, audited.Interceptor))
        {
            db.Add(AuditedDatabase.NewPatient("BN000001"));
            await db.SaveChangesAsync();
            Assert.Null(db.Database.CurrentTransaction);
            db.Add(AuditedDatabase.NewPatient("BN000002"));
            db.SaveChanges();
            Assert.Null(db.Database.CurrentTransaction);
        }
        Assert.Equal(2, (await audited.EntriesAsync()).Count);
        await using var check = audited.NewContext();
        Assert.Equal(2, await check.Set<Patient>().CountAsync());
    }
}
