using Hospital.Domain.Catalog;
using Hospital.Domain.Clinical;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Patients;
using Hospital.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Chart;

/// <summary>
/// The reads behind the patient chart. Each section is one narrow projection on a
/// (PatientId, time) index, so a patient with hundreds of visits costs a handful of small
/// queries: the timeline is paged, the vitals, results and documents are the latest few, and
/// documents never load their PDF bytes (<see cref="ClinicalDocument.Content"/>).
/// </summary>
public sealed class ChartQueries(HospitalDbContext db)
{
    public const int VisitsPerPage = 20;
    public const int VitalsShown = 20;
    public const int OrdersShown = 30;
    public const int DocumentsShown = 40;

    /// <summary>The whole first screen of the chart, or null when there is no such patient.</summary>
    public async Task<ChartModel?> LoadAsync(int patientId, CancellationToken ct = default)
    {
        var patient = await PatientAsync(patientId, ct);
        if (patient is null) return null;
        return new ChartModel(patient,
            await TimelineAsync(patientId, 1, ct),
            await DiagnosesAsync(patientId, ct),
            await VitalsAsync(patientId, ct),
            await ResultsAsync(patientId, ct),
            await DocumentsAsync(patientId, ct));
    }

    public async Task<ChartPatient?> PatientAsync(int patientId, CancellationToken ct)
    {
        // One round trip: the allergies come in the same query as the patient.
        var p = await db.Set<Patient>().AsNoTracking().Where(x => x.Id == patientId && x.VoidedAt == null)
            .Select(x => new
            {
                x.Id, x.Code, x.FullName, x.DateOfBirth, x.BirthYear, x.Sex, x.Cccd, x.Phone,
                Allergies = x.Allergies.Where(a => a.VoidedAt == null).OrderBy(a => a.RecordedAt)
                    .Select(a => new ChartAllergy(a.Substance, a.Reaction, a.Severity)).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        return p is null ? null : new ChartPatient(p.Id, p.Code, p.FullName, p.DateOfBirth, p.BirthYear, p.Sex, p.Cccd, p.Phone, p.Allergies);
    }

    /// <summary>Visits newest first, <see cref="VisitsPerPage"/> at a time (page 1 is the newest), each with its exam's diagnoses.</summary>
    public async Task<ChartTimelinePage> TimelineAsync(int patientId, int page, CancellationToken ct)
    {
        page = Math.Max(1, page);
        var visits = db.Set<Visit>().AsNoTracking().Where(v => v.PatientId == patientId)
            .OrderByDescending(v => v.RegisteredAt).ThenByDescending(v => v.Id)
            .Skip((page - 1) * VisitsPerPage).Take(VisitsPerPage + 1);
        var rows = await (
                from v in visits
                join e in db.Set<ExamRecord>() on v.Id equals e.VisitId into exams
                from e in exams.DefaultIfEmpty()
                select new
                {
                    v.Id, v.Code, v.RegisteredAt, Department = v.Department!.Name, Room = v.Room!.Name, v.Status, v.VoidedAt,
                    ExamStatus = (ExamStatus?)e!.Status, e.StartedBy, e.PrimaryDiagnosisCode, e.PrimaryDiagnosisText,
                    e.SecondaryDiagnosisCodes, e.SecondaryDiagnosisText,
                    Doctor = db.Set<Staff>().Where(s => s.Id == e.DoctorStaffId).Select(s => s.Name).FirstOrDefault(),
                })
            .ToListAsync(ct);
        // The join does not keep the page's order.
        rows = rows.OrderByDescending(r => r.RegisteredAt).ThenByDescending(r => r.Id).ToList();
        var more = rows.Count > VisitsPerPage;
        var shown = rows.Take(VisitsPerPage).Select(r => new ChartVisit(
            r.Id, r.Code, r.RegisteredAt, r.Department, r.Room, r.Status, r.VoidedAt is not null,
            r.ExamStatus is null ? null : r.Doctor ?? r.StartedBy, r.ExamStatus, r.PrimaryDiagnosisCode, r.PrimaryDiagnosisText,
            DiagnosisSummary.Codes(r.SecondaryDiagnosisCodes), r.SecondaryDiagnosisText)).ToList();
        return new ChartTimelinePage(shown, more ? page + 1 : null);
    }

    /// <summary>Every ICD-10 code the patient's exams name (main or secondary), with first and last day.</summary>
    public async Task<IReadOnlyList<ChartDiagnosis>> DiagnosesAsync(int patientId, CancellationToken ct)
    {
        var exams = await db.Set<ExamRecord>().AsNoTracking()
            .Where(e => e.PatientId == patientId && e.Visit!.VoidedAt == null && (e.PrimaryDiagnosisCode != null || e.SecondaryDiagnosisCodes != null))
            .Select(e => new DiagnosisSummary.Exam(e.StartedAt, e.PrimaryDiagnosisCode, e.SecondaryDiagnosisCodes))
            .ToListAsync(ct);
        var summary = DiagnosisSummary.Of(exams);
        var codes = summary.Select(d => d.Code).ToList();
        var names = await db.Set<Icd10Code>().AsNoTracking().Where(c => codes.Contains(c.Code))
            .Select(c => new { c.Code, c.Name }).ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        return summary.Select(d => d with { Name = names.GetValueOrDefault(d.Code) }).ToList();
    }

    /// <summary>The latest <see cref="VitalSigns"/> (not voided), newest first.</summary>
    public async Task<IReadOnlyList<ChartVitals>> VitalsAsync(int patientId, CancellationToken ct) =>
        await db.Set<VitalSigns>().AsNoTracking().Where(v => v.PatientId == patientId && v.VoidedAt == null)
            .OrderByDescending(v => v.MeasuredAt).Take(VitalsShown)
            .Select(v => new ChartVitals(v.MeasuredAt, v.SystolicMmHg, v.DiastolicMmHg, v.Pulse, v.TemperatureC, v.WeightKg, v.SpO2Percent, v.RespiratoryRate))
            .ToListAsync(ct);

    /// <summary>The latest orders that were not cancelled, with their released (current) lab values and text results.</summary>
    public async Task<IReadOnlyList<ChartOrder>> ResultsAsync(int patientId, CancellationToken ct)
    {
        var orders = await db.Set<ServiceOrder>().AsNoTracking()
            .Where(o => o.PatientId == patientId && o.VoidedAt == null)
            .OrderByDescending(o => o.OrderedAt).ThenByDescending(o => o.Id).Take(OrdersShown)
            .Select(o => new { o.Id, o.VisitId, o.OrderedAt, o.ServiceCode, o.ServiceName, o.Kind, o.Status, o.ResultText, o.ResultConclusion })
            .ToListAsync(ct);
        var ids = orders.Select(o => o.Id).ToList();
        var values = (await db.Set<ServiceResult>().AsNoTracking()
                .Where(r => ids.Contains(r.ServiceOrderId) && r.SupersededAt == null)
                .OrderBy(r => r.Id)
                .Select(r => new { r.ServiceOrderId, Value = new ChartResultValue(r.TestCode, r.TestName, r.Value, r.Unit, r.ReferenceRange, r.Flag) })
                .ToListAsync(ct))
            .ToLookup(r => r.ServiceOrderId, r => r.Value);
        return orders.Select(o => new ChartOrder(o.Id, o.VisitId, o.OrderedAt, o.ServiceCode, o.ServiceName, o.Kind, o.Status,
            o.ResultText, o.ResultConclusion, values[o.Id].ToList())).ToList();
    }

    /// <summary>The latest signed documents (metadata only), grouped into version chains, newest chain first.</summary>
    public async Task<IReadOnlyList<ChartDocumentChain>> DocumentsAsync(int patientId, CancellationToken ct)
    {
        var docs = await db.Set<ClinicalDocument>().AsNoTracking().Where(d => d.PatientId == patientId)
            .OrderByDescending(d => d.SignedAt).ThenByDescending(d => d.Id).Take(DocumentsShown)
            .Select(d => new ChartDocument(d.Id, d.VisitId, d.Kind, d.SourceId, d.Version, d.Title, d.CorrectionReason, d.SignedByName, d.SignedAt))
            .ToListAsync(ct);
        return docs.GroupBy(d => (d.Kind, d.SourceId))
            .Select(g => g.OrderByDescending(d => d.Version).ToList())
            .Select(versions => new ChartDocumentChain(versions[0], versions.Skip(1).ToList()))
            .OrderByDescending(c => c.Current.SignedAt)
            .ToList();
    }
}
