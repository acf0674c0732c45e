using Hospital.Domain.Catalog;
using Hospital.Domain.Clinical;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Patients;
using Hospital.Domain.Visits;
using Hospital.Emr.Documents;
using Hospital.Emr.Prescriptions;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Emr.Exams;

/// <summary>The outcome of "Kết thúc khám và ký": the signed documents, or why nothing was stored.</summary>
public sealed record ConclusionResult(IReadOnlyList<FieldError> Errors, IReadOnlyList<string> Warnings, IReadOnlyList<ClinicalDocument> Documents)
{
    public bool Ok => Errors.Count == 0;
    public static ConclusionResult Failed(IReadOnlyList<FieldError> errors, IReadOnlyList<string>? warnings = null) => new(errors, warnings ?? [], []);
}

/// <summary>
/// Concluding an outpatient visit (kết thúc khám): the form as last typed is validated together
/// with everything a finished record needs (diagnosis rules, plausible vitals, disposition,
/// referral, follow-up), the draft prescriptions are signed and coded, the exam record, each
/// prescription and (when referring out) the referral paper are rendered and signed with the
/// doctor's certificate, the record is locked (later changes are signed addenda, Luật KCB 2023
/// Đ7 k10), the visit concluded and its queue ticket done, all in one save. Any failure (a
/// rule, a prescription, a wrong certificate password) stores nothing and says why in Vietnamese.
/// </summary>
public sealed class VisitConclusion(HospitalDbContext db, TimeProvider clock, ExamRecords records,
    IClinicalDocumentIssuer issuer, IPrescriptionFinalizer finalizer)
{
    public async Task<ConclusionResult> ConcludeAsync(int visitId, ExamDraft draft, string? signingPassword, string user, CancellationToken ct = default)
    {
        try
        {
            var result = await StageAsync(visitId, draft, signingPassword, user, ct);
            if (!result.Ok)
            {
                db.ChangeTracker.Clear();
                return result;
            }
            await db.SaveChangesAsync(ct);
            return result;
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return ConclusionResult.Failed([new("", e.Message)]);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ConclusionResult.Failed([new("", ExamRecords.ConflictMessage)]);
        }
    }

    private async Task<ConclusionResult> StageAsync(int visitId, ExamDraft draft, string? signingPassword, string user, CancellationToken ct)
    {
        var (exam, _, saved) = await records.StageDraftAsync(visitId, draft, user, ct);
        if (saved.Conflict) return ConclusionResult.Failed([new("", ExamRecords.ConflictMessage)]);
        if (!saved.Ok) return ConclusionResult.Failed(saved.Errors);
        // The documents name the record by its id: the exam must have been started (and so stored) before.
        if (exam!.Id == 0) return ConclusionResult.Failed([new("", "Chưa bắt đầu khám lượt này: bấm \"Bắt đầu khám\" trước.")]);

        var visit = await db.Set<Visit>().FirstAsync(v => v.Id == visitId, ct);
        var sex = await db.Set<Patient>().Where(p => p.Id == visit.PatientId).Select(p => p.Sex).FirstAsync(ct);
        var secondary = PrimaryDiagnosisRules.SplitCodes(exam.SecondaryDiagnosisCodes);
        var wanted = secondary.Append(exam.PrimaryDiagnosisCode ?? "").Where(c => c.Length > 0).Distinct().ToList();
        var catalog = await db.Set<Icd10Code>().AsNoTracking().Where(c => wanted.Contains(c.Code))
            .ToDictionaryAsync(c => c.Code, StringComparer.OrdinalIgnoreCase, ct);
        var diagnosis = PrimaryDiagnosisRules.Check(exam.PrimaryDiagnosisCode, secondary, catalog, visit.VisitDate, sex);

        var today = VietnamCalendar.Today(clock);
        var errors = diagnosis.Errors.Select(e => new FieldError(nameof(ExamRecord.PrimaryDiagnosisCode), e))
            .Concat(ConclusionRules.Check(exam, today, signingPassword)).ToList();
        if (errors.Count > 0) return ConclusionResult.Failed(errors, diagnosis.Warnings);
        // The text as the catalog names it when the doctor left it blank.
        exam.PrimaryDiagnosisText ??= catalog[exam.PrimaryDiagnosisCode!].Name;

        var signing = await finalizer.SignDraftsAsync(db, visitId, ct);
        if (!signing.Ok) return ConclusionResult.Failed(signing.Errors.Select(e => new FieldError("prescription", e)).ToList(), diagnosis.Warnings);
        var prescriptions = signing.Signed;

        // Lock first: the documents render the record as concluded.
        var now = clock.GetUtcNow().UtcDateTime;
        exam.Status = ExamStatus.Concluded;
        exam.ConcludedAt = now;
        exam.ConcludedBy = user;
        visit.Status = VisitStatus.Concluded;
        var tickets = await db.Set<QueueTicket>()
            .Where(t => t.VisitId == visitId && t.Status != TicketStatus.Done && t.Status != TicketStatus.Cancelled).ToListAsync(ct);
        foreach (var t in tickets) t.Status = TicketStatus.Done;

        var documents = new List<ClinicalDocument>
        {
            await issuer.AddSignedAsync(db, new DocumentToSign(ClinicalDocumentKind.ExamRecord, visitId, exam.Id), signingPassword!, ct),
        };
        foreach (var p in prescriptions)
            documents.Add(await issuer.AddSignedAsync(db, new DocumentToSign(ClinicalDocumentKind.Prescription, visitId, p.Id), signingPassword!, ct));
        if (exam.Disposition == ExamDisposition.ReferOut)
            documents.Add(await issuer.AddSignedAsync(db, new DocumentToSign(ClinicalDocumentKind.Referral, visitId, exam.Id), signingPassword!, ct));
        return new ConclusionResult([], diagnosis.Warnings, documents);
    }
}
