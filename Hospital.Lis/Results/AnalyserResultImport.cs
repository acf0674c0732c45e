using System.Security.Cryptography;
using System.Text;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Domain.Patients;
using Hospital.Lis.Analysers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hospital.Lis.Results;

/// <summary>
/// Stores a complete analyser message and what it carries, in one transaction, before the session
/// sends the final ACK (issue 5 item 10; lis-protocols.md §7.2). Each patient value is matched
/// barcode → specimen → the analyser's code map → the test ordered on that specimen; anything that
/// does not match lands in the unmatched queue with the reason; QC values go to the QC store, never
/// to a patient. A message the same analyser already sent (our ACK was lost) is recognised by its
/// SHA-256 and stored once; a value already stored for the same test from the same analyser with
/// the same instrument time is not stored again either (analysers that rebuild the header on resend).
/// </summary>
public sealed class AnalyserResultImport(HospitalDbContext db, LabResultFeed feed, TimeProvider clock,
    IEnumerable<IArrivingResultsRule> resultRules, IEnumerable<IArrivingQcRule> qcRules, ILogger<AnalyserResultImport> log)
{
    public async Task<UploadOutcome> ImportAsync(AnalyserUpload upload, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(upload.Analyser)) throw new DomainException("Thiếu tên máy xét nghiệm của thông điệp.");
        var sha = Sha256Hex(upload.Text);
        if (await FindStoredAsync(upload.Analyser, sha, ct) is { } stored) return stored;

        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            var (outcome, notices) = await strategy.ExecuteAsync(async token =>
            {
                db.ChangeTracker.Clear();
                await using var tx = await db.Database.BeginTransactionAsync(token);
                var now = clock.GetUtcNow().UtcDateTime;
                var message = new AnalyserMessage
                {
                    Analyser = upload.Analyser,
                    Protocol = upload.Protocol,
                    ReceivedAt = upload.ReceivedAt == default ? now : upload.ReceivedAt,
                    ControlId = Truncate(upload.ControlId, 100),
                    ContentSha256 = sha,
                    Text = upload.Text,
                    Kind = upload.Kind,
                    Error = Truncate(upload.Error, 1000),
                };
                db.Add(message);
                await db.SaveChangesAsync(token);

                var matched = upload.Error is null ? await MatchAsync(upload, message, now, token) : Matched.None;
                message.ResultCount = matched.Results.Count;
                message.UnmatchedCount = matched.Unmatched.Count;
                message.QcCount = matched.Qc.Count;
                if (upload.Kind == AnalyserMessageKind.Results && matched.Results.Count == 0 && matched.Unmatched.Count == 0 && matched.Qc.Count > 0)
                    message.Kind = AnalyserMessageKind.QualityControl;
                if (matched.Results.Count > 0)
                    foreach (var rule in resultRules) await rule.ApplyAsync(db, matched.Results, token);
                if (matched.Qc.Count > 0)
                    foreach (var rule in qcRules) await rule.ApplyAsync(db, matched.Qc, token);
                await db.SaveChangesAsync(token);
                await tx.CommitAsync(token);
                return (new UploadOutcome(message.Id, false, matched.Results.Count, matched.Unmatched.Count, matched.Qc.Count), matched.Notices);
            }, ct);
            foreach (var notice in notices) feed.Publish(notice);
            return outcome;
        }
        catch (DbUpdateException)
        {
            // The same message stored by another connection of the same analyser between our check and our insert.
            db.ChangeTracker.Clear();
            var raced = await FindStoredAsync(upload.Analyser, sha, CancellationToken.None);
            if (raced is null) throw;
            return raced;
        }
    }

    private sealed record Matched(List<LabResult> Results, List<UnmatchedLabResult> Unmatched, List<QcResult> Qc, List<LabResultNotice> Notices)
    {
        public static Matched None => new([], [], [], []);
    }

    private async Task<Matched> MatchAsync(AnalyserUpload upload, AnalyserMessage message, DateTime now, CancellationToken ct)
    {
        var matched = Matched.None;
        if (upload.Observations.Count == 0) return matched;
        var codeMap = await db.Set<AnalyserTestCode>().AsNoTracking().Where(c => c.Analyser == upload.Analyser)
            .ToDictionaryAsync(c => c.AnalyserCode, c => c.LabTestId, StringComparer.OrdinalIgnoreCase, ct);

        var patientObs = upload.Observations.Where(o => !o.IsQc).ToList();
        var barcodes = patientObs.Select(o => o.Barcode.Trim()).Where(b => b.Length > 0).Distinct().ToList();
        var specimens = await db.Set<Specimen>().Include(s => s.Tests)
            .Where(s => barcodes.Contains(s.Barcode)).ToDictionaryAsync(s => s.Barcode, ct);
        var patientIds = specimens.Values.Select(s => s.PatientId).Distinct().ToList();
        var patients = await db.Set<Patient>().AsNoTracking().Where(p => patientIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var testIds = codeMap.Values.Distinct().ToList();
        var tests = await db.Set<LabTest>().AsNoTracking().Include(t => t.Ranges).Where(t => testIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var orderTestIds = specimens.Values.SelectMany(s => s.Tests).Select(t => t.Id).ToList();
        var current = await db.Set<LabResult>().Where(r => orderTestIds.Contains(r.LabOrderTestId) && r.SupersededAt == null)
            .ToDictionaryAsync(r => r.LabOrderTestId, ct);

        foreach (var obs in patientObs)
        {
            var barcode = obs.Barcode.Trim();
            UnmatchedReason? reason = null;
            LabOrderTest? orderTest = null;
            if (!specimens.TryGetValue(barcode, out var specimen)) reason = UnmatchedReason.UnknownSpecimen;
            else if (!codeMap.TryGetValue(obs.AnalyserTestCode.Trim(), out var labTestId)) reason = UnmatchedReason.UnmappedCode;
            else if ((orderTest = specimen.Tests.FirstOrDefault(t => t.LabTestId == labTestId && t.Status != LabTestStatus.Cancelled)) is null)
                reason = UnmatchedReason.NotOrdered;
            if (reason is { } why)
            {
                var unmatched = Unmatched(upload, obs, message.Id, why, now);
                db.Add(unmatched);
                matched.Unmatched.Add(unmatched);
                continue;
            }
            current.TryGetValue(orderTest!.Id, out var previous);
            if (previous is not null && IsSameValue(previous, upload.Analyser, obs)) continue;
            var result = LabResultDrafting.Draft(orderTest, specimen!, tests[orderTest.LabTestId],
                SpecimenPatient.Of(patients[specimen!.PatientId], specimen, now), previous, obs.Value, obs.Unit, obs.AnalyserFlags, now);
            result.Analyser = upload.Analyser;
            result.AnalyserTestCode = Truncate(obs.AnalyserTestCode.Trim(), 50);
            result.InstrumentAt = obs.InstrumentAt;
            result.AnalyserMessageId = message.Id;
            db.Add(result);
            current[orderTest.Id] = result;
            matched.Results.Add(result);
        }

        foreach (var obs in upload.Observations.Where(o => o.IsQc))
        {
            var qc = new QcResult
            {
                Analyser = upload.Analyser,
                ControlId = Truncate(obs.Barcode.Trim(), 50)!,
                AnalyserTestCode = Truncate(obs.AnalyserTestCode.Trim(), 50)!,
                LabTestId = codeMap.TryGetValue(obs.AnalyserTestCode.Trim(), out var id) ? id : null,
                Value = Truncate(obs.Value.Trim(), 200)!,
                NumericValue = LabValueReadings.ParseNumber(obs.Value),
                Unit = Truncate(obs.Unit?.Trim(), 30),
                InstrumentAt = obs.InstrumentAt,
                ReceivedAt = now,
                AnalyserMessageId = message.Id,
            };
            db.Add(qc);
            matched.Qc.Add(qc);
        }

        var section = await db.Set<Analyser>().AsNoTracking().Where(a => a.Name == upload.Analyser).Select(a => a.Section).FirstOrDefaultAsync(ct);
        foreach (var s in matched.Results.Select(r => r.SpecimenId).Distinct())
        {
            var specimen = specimens.Values.First(x => x.Id == s);
            matched.Notices.Add(new LabResultNotice(specimen.Id, specimen.Barcode, upload.Analyser, section, "results"));
        }
        if (matched.Unmatched.Count > 0) log.LogWarning("{Analyser}: {Count} result(s) could not be matched and wait in the unmatched queue", upload.Analyser, matched.Unmatched.Count);
        return matched;
    }

    /// <summary>The same value of the same test from the same analyser at the same instrument time: a resend, not a rerun.</summary>
    private static bool IsSameValue(LabResult previous, string analyser, AnalyserObservation obs) =>
        previous.Analyser == analyser && previous.InstrumentAt == obs.InstrumentAt && previous.InstrumentAt is not null
        && previous.Value == obs.Value.Trim();

    private static UnmatchedLabResult Unmatched(AnalyserUpload upload, AnalyserObservation obs, long messageId, UnmatchedReason reason, DateTime now) => new()
    {
        Analyser = upload.Analyser,
        Barcode = Truncate(obs.Barcode.Trim(), 50)!,
        AnalyserTestCode = Truncate(obs.AnalyserTestCode.Trim(), 50)!,
        Value = Truncate(obs.Value.Trim(), 200)!,
        Unit = Truncate(obs.Unit?.Trim(), 30),
        AnalyserFlags = Truncate(obs.AnalyserFlags?.Trim(), 30),
        InstrumentAt = obs.InstrumentAt,
        ReceivedAt = now,
        Reason = reason,
        AnalyserMessageId = messageId,
    };

    private async Task<UploadOutcome?> FindStoredAsync(string analyser, string sha, CancellationToken ct)
    {
        var stored = await db.Set<AnalyserMessage>().AsNoTracking().Where(m => m.Analyser == analyser && m.ContentSha256 == sha)
            .Select(m => new { m.Id, m.ResultCount, m.UnmatchedCount, m.QcCount }).FirstOrDefaultAsync(ct);
        return stored is null ? null : new UploadOutcome(stored.Id, true, stored.ResultCount, stored.UnmatchedCount, stored.QcCount);
    }

    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string? Truncate(string? s, int max) => s is null || s.Length <= max ? s : s[..max];
}
