using Hospital.Domain.Clinical;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Patients;
using Hospital.Domain.Visits;
using Hospital.Emr.Documents.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Emr.Documents;

/// <summary>
/// Loads what a form prints from the caller's context, tracking: rows already tracked keep their
/// unsaved values, and <c>Local</c> adds rows added but not yet saved (the vitals or addendum the
/// same action is about to save), so the signed document is exactly what the save will store.
/// </summary>
internal static class DocumentSources
{
    public static async Task<ExamRecordSource> ExamAsync(HospitalDbContext db, DocumentToSign document, CancellationToken ct)
    {
        var exam = await db.Set<ExamRecord>().FirstOrDefaultAsync(e => e.Id == document.SourceId, ct)
            ?? throw new DomainException($"Không tìm thấy phiếu khám #{document.SourceId}.");
        if (exam.VisitId != document.VisitId)
            throw new DomainException("Phiếu khám không thuộc lượt khám đang ký.");
        var (visit, patient) = await VisitAsync(db, exam.VisitId, ct);

        await db.Set<VitalSigns>().Where(v => v.VisitId == visit.Id).LoadAsync(ct);
        await db.Set<ServiceOrder>().Where(o => o.VisitId == visit.Id).LoadAsync(ct);
        await db.Set<ServiceResult>().Where(r => r.ServiceOrder!.VisitId == visit.Id).LoadAsync(ct);
        await db.Set<ExamAddendum>().Where(a => a.ExamRecordId == exam.Id).LoadAsync(ct);

        var vitals = db.Set<VitalSigns>().Local.Where(v => v.VisitId == visit.Id && v.VoidedAt == null).MaxBy(v => v.MeasuredAt);
        var orders = db.Set<ServiceOrder>().Local.Where(o => o.VisitId == visit.Id).OrderBy(o => o.OrderedAt).ToList();
        var orderIds = orders.Select(o => o.Id).ToHashSet();
        var results = db.Set<ServiceResult>().Local.Where(r => orderIds.Contains(r.ServiceOrderId)).ToList();
        var addenda = db.Set<ExamAddendum>().Local.Where(a => a.ExamRecordId == exam.Id).OrderBy(a => a.CreatedAt).ToList();
        return new ExamRecordSource(exam, visit, patient, vitals, orders, results, addenda);
    }

    public static async Task<PrescriptionSource> PrescriptionAsync(HospitalDbContext db, DocumentToSign document, CancellationToken ct)
    {
        var rx = await db.Set<Prescription>().Include(p => p.Lines).FirstOrDefaultAsync(p => p.Id == document.SourceId, ct)
            ?? throw new DomainException($"Không tìm thấy đơn thuốc #{document.SourceId}.");
        if (rx.VisitId != document.VisitId)
            throw new DomainException("Đơn thuốc không thuộc lượt khám đang ký.");
        if (rx.Lines.Count == 0)
            throw new DomainException("Đơn thuốc chưa có thuốc nào nên không ký được.");
        var (visit, patient) = await VisitAsync(db, rx.VisitId, ct);
        return new PrescriptionSource(rx, visit, patient, patient.GuardianCccd);
    }

    private static async Task<(Visit, Patient)> VisitAsync(HospitalDbContext db, int visitId, CancellationToken ct)
    {
        var visit = await db.Set<Visit>().Include(v => v.Patient).FirstOrDefaultAsync(v => v.Id == visitId, ct)
            ?? throw new DomainException($"Không tìm thấy lượt khám #{visitId}.");
        return (visit, visit.Patient!);
    }
}
