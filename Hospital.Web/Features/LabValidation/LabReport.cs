using Hospital.Domain.Catalog;
using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Domain.Patients;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.LabValidation;

/// <summary>One line of the lab report: a test with its validated value, or "chờ kết quả".</summary>
public sealed record LabReportLine(string Section, string Code, string Name, string? Value, string? Unit, string? ReferenceRange, ResultFlag Flag,
    string? ValidatedBy, DateTime? ValidatedAt);

/// <summary>What the lab report of a specimen prints (phiếu kết quả xét nghiệm).</summary>
public sealed record LabReport(FacilitySettings? Facility, string Barcode, SpecimenType SpecimenType, string PatientName, string PatientCode,
    Sex Sex, DateOnly? DateOfBirth, int BirthYear, string? Address, string? VisitCode, string? OrderedBy, DateTime? CollectedAt, DateTime? ReceivedAt,
    IReadOnlyList<LabReportLine> Lines)
{
    /// <summary>Loads the report of the specimen with this barcode; null when there is none. Only validated values print; the rest say they are pending.</summary>
    public static async Task<LabReport?> LoadAsync(HospitalDbContext db, string barcode, CancellationToken ct)
    {
        var s = await db.Set<Specimen>().AsNoTracking().Where(x => x.Barcode == barcode)
            .Select(x => new { x.Id, x.Barcode, x.SpecimenType, x.PatientId, x.CollectedAt, x.ReceivedAt, x.LabOrder!.OrderedBy, VisitCode = x.LabOrder.Visit!.Code })
            .FirstOrDefaultAsync(ct);
        if (s is null) return null;
        var p = await db.Set<Patient>().AsNoTracking().Where(x => x.Id == s.PatientId)
            .Select(x => new { x.FullName, x.Code, x.Sex, x.DateOfBirth, x.BirthYear, x.AddressLine }).SingleAsync(ct);
        var tests = await db.Set<LabOrderTest>().AsNoTracking().Where(t => t.SpecimenId == s.Id && t.Status != LabTestStatus.Cancelled)
            .OrderBy(t => t.LabTest!.Position).ThenBy(t => t.Id)
            .Select(t => new { t.Id, t.TestCode, t.LabTest!.Name, t.LabTest.Section, t.LabTest.Unit, t.ServiceOrderId }).ToListAsync(ct);
        var validated = await db.Set<LabResult>().AsNoTracking()
            .Where(r => r.SpecimenId == s.Id && r.Status == LabResultStatus.Validated)
            .OrderByDescending(r => r.ValidatedAt).ToListAsync(ct);
        var orderIds = tests.Where(t => t.ServiceOrderId != null).Select(t => t.ServiceOrderId!.Value).Distinct().ToList();
        var doctor = await db.Set<ServiceOrder>().AsNoTracking().Where(o => orderIds.Contains(o.Id)).Select(o => o.OrderedBy).FirstOrDefaultAsync(ct);
        var lines = tests.Select(t =>
        {
            var r = validated.FirstOrDefault(v => v.LabOrderTestId == t.Id);
            return new LabReportLine(t.Section ?? "", t.TestCode, t.Name, r?.Value, r?.Unit ?? t.Unit, r?.ReferenceRange, r?.Flag ?? ResultFlag.None,
                r?.ValidatedBy, r?.ValidatedAt);
        }).ToList();
        var facility = await db.Set<FacilitySettings>().AsNoTracking().OrderBy(f => f.Id).FirstOrDefaultAsync(ct);
        return new LabReport(facility, s.Barcode, s.SpecimenType, p.FullName, p.Code, p.Sex, p.DateOfBirth, p.BirthYear, p.AddressLine,
            s.VisitCode, doctor ?? s.OrderedBy, s.CollectedAt, s.ReceivedAt, lines);
    }
}
