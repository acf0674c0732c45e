using System.Data.Common;
using System.Diagnostics;
using Hospital.Domain.Data;
using Hospital.Domain.Patients;
using Hospital.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Hospital.Bench;

/// <summary>
/// Fills the patient master with generated patients (the demo generator's names, ages, CCCDs,
/// phones, cards) fast enough for a million rows: binary COPY on PostgreSQL, prepared inserts in
/// large transactions on SQLite. Name keys are built by the same code the application uses.
/// </summary>
public static class PatientBulkLoader
{
    private const int Chunk = 50_000;

    /// <summary>What the search benchmark looks up: a sample of the loaded patients.</summary>
    public sealed record Sample(string FullName, string SearchKey, string? Cccd, string? CardNumber, string? Phone);

    public static async Task<List<Sample>> LoadAsync(IServiceProvider services, int count, TextWriter log)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HospitalDbContext>();
        var refs = await scope.ServiceProvider.GetRequiredService<DemoPatients>().LoadReferencesAsync(CancellationToken.None);
        var today = Hospital.Domain.Common.VietnamCalendar.Today(TimeProvider.System);
        var now = DateTime.UtcNow;
        var firstId = (await db.Set<Patient>().MaxAsync(p => (int?)p.Id) ?? 0) + 1;
        var firstCardId = (await db.Set<BhytCard>().MaxAsync(c => (int?)c.Id) ?? 0) + 1;
        var samples = new List<Sample>();
        var watch = Stopwatch.StartNew();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var nextId = firstId;
        var nextCardId = firstCardId;
        var sampleEvery = Math.Max(1, count / 2000);
        for (var done = 0; done < count; done += Chunk)
        {
            var batch = DemoPatientGenerator.Generate(Math.Min(Chunk, count - done), refs, today, now, DemoPatientGenerator.DefaultSeed + 1000 + done / Chunk);
            foreach (var p in batch)
            {
                p.Id = nextId++;
                p.Code = "B" + p.Id.ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
                foreach (var card in p.BhytCards)
                {
                    card.Id = nextCardId++;
                    card.PatientId = p.Id;
                    card.SocialInsuranceNumber = card.Number.Length == 15 ? card.Number[5..] : "";
                }
                if (p.Id % sampleEvery == 0)
                    samples.Add(new Sample(p.FullName, p.SearchKey, p.Cccd, p.BhytCards.FirstOrDefault()?.Number, p.Phone));
            }
            if (connection is NpgsqlConnection pg) await CopyAsync(pg, batch);
            else await InsertAsync(connection, batch);
            log.WriteLine($"    {done + batch.Count:N0} patients loaded ({watch.Elapsed.TotalSeconds:F0} s)");
        }
        if (connection is NpgsqlConnection npg)
        {
            await Execute(npg, "SELECT setval(pg_get_serial_sequence('patients', 'id'), (SELECT max(id) FROM patients))");
            await Execute(npg, "SELECT setval(pg_get_serial_sequence('bhyt_cards', 'id'), (SELECT max(id) FROM bhyt_cards))");
            await Execute(npg, "ANALYZE");
        }
        else await Execute(connection, "ANALYZE");
        return samples;
    }

    private static IEnumerable<(string Key, int WordIndex)> NameKeys(Patient p) =>
        PatientNameKeys.For(p.SearchKey);

    private static async Task CopyAsync(NpgsqlConnection pg, IReadOnlyList<Patient> batch)
    {
        await using (var w = await pg.BeginBinaryImportAsync(
            "COPY patients (id, code, full_name, search_key, date_of_birth, birth_year, sex, ethnicity_code, occupation_code, cccd, phone, province_code, commune_code, address_line, guardian_name, guardian_phone, created_at, created_by) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var p in batch)
            {
                await w.StartRowAsync();
                await w.WriteAsync(p.Id, NpgsqlDbType.Integer);
                await w.WriteAsync(p.Code, NpgsqlDbType.Varchar);
                await w.WriteAsync(p.FullName, NpgsqlDbType.Varchar);
                await w.WriteAsync(p.SearchKey, NpgsqlDbType.Varchar);
                await WriteNullable(w, p.DateOfBirth, NpgsqlDbType.Date);
                await w.WriteAsync(p.BirthYear, NpgsqlDbType.Integer);
                await w.WriteAsync((int)p.Sex, NpgsqlDbType.Integer);
                await WriteNullable(w, p.EthnicityCode, NpgsqlDbType.Varchar);
                await WriteNullable(w, p.OccupationCode, NpgsqlDbType.Varchar);
                await WriteNullable(w, p.Cccd, NpgsqlDbType.Varchar);
                await WriteNullable(w, p.Phone, NpgsqlDbType.Varchar);
                await WriteNullable(w, p.ProvinceCode, NpgsqlDbType.Varchar);
                await WriteNullable(w, p.CommuneCode, NpgsqlDbType.Varchar);
                await WriteNullable(w, p.AddressLine, NpgsqlDbType.Varchar);
                await WriteNullable(w, p.GuardianName, NpgsqlDbType.Varchar);
                await WriteNullable(w, p.GuardianPhone, NpgsqlDbType.Varchar);
                await w.WriteAsync(p.CreatedAt, NpgsqlDbType.TimestampTz);
                await w.WriteAsync(p.CreatedBy, NpgsqlDbType.Varchar);
            }
            await w.CompleteAsync();
        }
        await using (var w = await pg.BeginBinaryImportAsync(
            "COPY bhyt_cards (id, patient_id, number, social_insurance_number, valid_from, valid_to, registered_facility_code, five_years_continuous_from, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var c in batch.SelectMany(p => p.BhytCards))
            {
                await w.StartRowAsync();
                await w.WriteAsync(c.Id, NpgsqlDbType.Integer);
                await w.WriteAsync(c.PatientId, NpgsqlDbType.Integer);
                await w.WriteAsync(c.Number, NpgsqlDbType.Varchar);
                await w.WriteAsync(c.SocialInsuranceNumber, NpgsqlDbType.Varchar);
                await w.WriteAsync(c.ValidFrom, NpgsqlDbType.Date);
                await w.WriteAsync(c.ValidTo, NpgsqlDbType.Date);
                await w.WriteAsync(c.RegisteredFacilityCode, NpgsqlDbType.Varchar);
                await WriteNullable(w, c.FiveYearsContinuousFrom, NpgsqlDbType.Date);
                await w.WriteAsync(c.CreatedAt, NpgsqlDbType.TimestampTz);
            }
            await w.CompleteAsync();
        }
        await using (var w = await pg.BeginBinaryImportAsync("COPY patient_name_keys (key, patient_id, word_index) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var p in batch)
                foreach (var (key, index) in NameKeys(p))
                {
                    await w.StartRowAsync();
                    await w.WriteAsync(key, NpgsqlDbType.Varchar);
                    await w.WriteAsync(p.Id, NpgsqlDbType.Integer);
                    await w.WriteAsync(index, NpgsqlDbType.Integer);
                }
            await w.CompleteAsync();
        }
    }

    private static Task WriteNullable<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type) where T : struct =>
        value is { } v ? w.WriteAsync(v, type) : w.WriteNullAsync();

    private static Task WriteNullable(NpgsqlBinaryImporter w, string? value, NpgsqlDbType type) =>
        value is null ? w.WriteNullAsync() : w.WriteAsync(value, type);

    private static async Task InsertAsync(DbConnection connection, IReadOnlyList<Patient> batch)
    {
        await using var tx = await connection.BeginTransactionAsync();
        await using var patient = Prepare(connection, tx,
            "INSERT INTO patients (id, code, full_name, search_key, date_of_birth, birth_year, sex, ethnicity_code, occupation_code, cccd, phone, province_code, commune_code, address_line, guardian_name, guardian_phone, created_at, created_by) VALUES ($id, $code, $name, $key, $dob, $year, $sex, $eth, $occ, $cccd, $phone, $prov, $comm, $addr, $gname, $gphone, $created, $by)");
        await using var card = Prepare(connection, tx,
            "INSERT INTO bhyt_cards (id, patient_id, number, social_insurance_number, valid_from, valid_to, registered_facility_code, five_years_continuous_from, created_at) VALUES ($id, $pid, $num, $si, $from, $to, $dkbd, $five, $created)");
        await using var nameKey = Prepare(connection, tx, "INSERT INTO patient_name_keys (key, patient_id, word_index) VALUES ($key, $pid, $idx)");
        foreach (var p in batch)
        {
            await Run(patient, ("$id", p.Id), ("$code", p.Code), ("$name", p.FullName), ("$key", p.SearchKey), ("$dob", SqliteDate(p.DateOfBirth)),
                ("$year", p.BirthYear), ("$sex", (int)p.Sex), ("$eth", p.EthnicityCode), ("$occ", p.OccupationCode), ("$cccd", p.Cccd), ("$phone", p.Phone),
                ("$prov", p.ProvinceCode), ("$comm", p.CommuneCode), ("$addr", p.AddressLine), ("$gname", p.GuardianName), ("$gphone", p.GuardianPhone),
                ("$created", SqliteTime(p.CreatedAt)), ("$by", p.CreatedBy));
            foreach (var c in p.BhytCards)
                await Run(card, ("$id", c.Id), ("$pid", p.Id), ("$num", c.Number), ("$si", c.SocialInsuranceNumber), ("$from", SqliteDate(c.ValidFrom)),
                    ("$to", SqliteDate(c.ValidTo)), ("$dkbd", c.RegisteredFacilityCode), ("$five", SqliteDate(c.FiveYearsContinuousFrom)), ("$created", SqliteTime(c.CreatedAt)));
            foreach (var (key, index) in NameKeys(p))
                await Run(nameKey, ("$key", key), ("$pid", p.Id), ("$idx", index));
        }
        await tx.CommitAsync();
    }

    // EF Core SQLite stores DateOnly as yyyy-MM-dd and DateTime as yyyy-MM-dd HH:mm:ss.FFFFFFF text.
    private static string? SqliteDate(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    private static string SqliteTime(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);

    private static DbCommand Prepare(DbConnection connection, DbTransaction tx, string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    private static async Task Run(DbCommand cmd, params (string Name, object? Value)[] values)
    {
        cmd.Parameters.Clear();
        foreach (var (name, value) in values)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task Execute(DbConnection connection, string sql)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 600;
        await cmd.ExecuteNonQueryAsync();
    }
}
