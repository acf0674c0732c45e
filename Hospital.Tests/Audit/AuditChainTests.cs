using Hospital.Domain.Audit;
using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Domain.Patients;
using Hospital.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Audit;

/// <summary>
/// The hash chain: intact after normal work (also when many writers append at once), and a row
/// edited, removed or re-hashed directly in the database is found by the verifier.
/// </summary>
public sealed class AuditChainTests
{
    private static async Task<AuditedDatabase> WithRowsAsync(DatabaseProvider provider, int patients)
    {
        var audited = await AuditedDatabase.CreateAsync(provider);
        await using var db = audited.NewContext();
        for (var i = 1; i <= patients; i++)
        {
            db.Add(AuditedDatabase.NewPatient($"BN{i:000000}"));
            await db.SaveChangesAsync();
            await audited.Trail(db).RecordAccessAsync<Patient>(i);
        }
        return audited;
    }

    private static async Task<AuditChainReport> VerifyAsync(AuditedDatabase audited)
    {
        await using var db = audited.NewContext();
        return await audited.Trail(db).VerifyAsync();
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task An_untouched_chain_verifies_with_its_row_count(DatabaseProvider provider)
    {
        await using var audited = await WithRowsAsync(provider, 3);
        var entries = await audited.EntriesAsync();
        Assert.Equal("", entries[0].PreviousHash);
        for (var i = 1; i < entries.Count; i++) Assert.Equal(entries[i - 1].Hash, entries[i].PreviousHash);

        var report = await VerifyAsync(audited);
        Assert.True(report.IsIntact);
        Assert.Equal(6, report.RowsChecked);
        Assert.Equal("Chuỗi nhật ký toàn vẹn: đã kiểm tra 6 dòng.", report.Describe());
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Editing_the_changes_of_a_row_in_the_database_is_reported_at_that_row(DatabaseProvider provider)
    {
        await using var audited = await WithRowsAsync(provider, 3);
        var target = (await audited.EntriesAsync())[2]; // the second patient's creation
        await audited.RawSqlAsync($"UPDATE audit_entries SET changes = replace(changes, 'Nguyễn', 'Trần') WHERE id = {target.Id}");

        var report = await VerifyAsync(audited);
        Assert.False(report.IsIntact);
        Assert.Equal(target.Id, report.BrokenRowId);
        Assert.Equal(AuditChainBreak.ContentChanged, report.Break);
        Assert.Equal(2, report.RowsChecked);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Editing_the_last_row_is_reported_at_the_last_row(DatabaseProvider provider)
    {
        await using var audited = await WithRowsAsync(provider, 3);
        var last = (await audited.EntriesAsync())[^1];
        await audited.RawSqlAsync($"UPDATE audit_entries SET user_name = 'admin' WHERE id = {last.Id}");

        var report = await VerifyAsync(audited);
        Assert.Equal(last.Id, report.BrokenRowId);
        Assert.Equal(AuditChainBreak.ContentChanged, report.Break);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Removing_a_row_is_reported_at_the_row_after_it(DatabaseProvider provider)
    {
        await using var audited = await WithRowsAsync(provider, 3);
        var entries = await audited.EntriesAsync();
        await audited.RawSqlAsync($"DELETE FROM audit_entries WHERE id = {entries[1].Id}");

        var report = await VerifyAsync(audited);
        Assert.Equal(entries[2].Id, report.BrokenRowId);
        Assert.Equal(AuditChainBreak.LinkBroken, report.Break);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Editing_a_row_and_recomputing_its_hash_is_reported_at_the_next_row(DatabaseProvider provider)
    {
        await using var audited = await WithRowsAsync(provider, 2);
        var entries = await audited.EntriesAsync();
        var forged = entries[1];
        forged.UserName = "admin";
        var hash = AuditHash.Compute(forged);
        await audited.RawSqlAsync($"UPDATE audit_entries SET user_name = 'admin', hash = '{hash}' WHERE id = {forged.Id}");

        var report = await VerifyAsync(audited);
        Assert.Equal(entries[2].Id, report.BrokenRowId);
        Assert.Equal(AuditChainBreak.LinkBroken, report.Break);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Verification_walks_past_batch_boundaries(DatabaseProvider provider)
    {
        await using var audited = await AuditedDatabase.CreateAsync(provider);
        await using (var db = audited.NewContext())
        {
            for (var i = 0; i < 2500; i++)
            {
                var o = new Occupation { Code = $"{i:00000}", Name = $"Nghề số {i}" };
                o.RefreshSearchKey();
                db.Add(o);
            }
            await db.SaveChangesAsync(); // one save, 2,500 audit rows
        }
        Assert.Equal(2500, (await VerifyAsync(audited)).RowsChecked);

        var target = (await audited.EntriesAsync())[2100];
        await audited.RawSqlAsync($"UPDATE audit_entries SET entity_key = '9' WHERE id = {target.Id}");
        var report = await VerifyAsync(audited);
        Assert.Equal(target.Id, report.BrokenRowId);
        Assert.Equal(2100, report.RowsChecked);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Concurrent_writers_never_fork_the_chain(DatabaseProvider provider)
    {
        await using var audited = await AuditedDatabase.CreateAsync(provider);
        const int writers = 6, savesEach = 15;
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            await using var db = audited.NewContext();
            for (var i = 0; i < savesEach; i++)
            {
                db.Add(AuditedDatabase.NewPatient($"W{w}-{i:000}"));
                await db.SaveChangesAsync();
                if (i % 3 == 0) await audited.Trail(db).RecordAccessAsync<Patient>(i);
            }
        }));
        await Task.WhenAll(tasks);

        var entries = await audited.EntriesAsync();
        Assert.Equal(writers * (savesEach + 5), entries.Count);
        Assert.Equal(entries.Count, entries.Select(e => e.PreviousHash).Distinct().Count());
        var report = await VerifyAsync(audited);
        Assert.True(report.IsIntact, report.Describe());
    }

    /// <summary>
    /// The chain relies on Microsoft.Data.Sqlite starting transactions with BEGIN IMMEDIATE
    /// (the write lock at once): a second writer cannot begin while the first is open.
    /// </summary>
    [Fact]
    public async Task Sqlite_BeginTransaction_takes_the_write_lock_at_once()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await database.MigrateAsync();
        await using var first = database.NewContext();
        await using var tx = await first.Database.BeginTransactionAsync();

        await using var second = new SqliteConnection(database.ConnectionString.Replace("Default Timeout=30", "Default Timeout=1"));
        await second.OpenAsync();
        var ex = Assert.Throws<SqliteException>(() => second.BeginTransaction());
        Assert.Equal(5, ex.SqliteErrorCode); // SQLITE_BUSY
    }
}
