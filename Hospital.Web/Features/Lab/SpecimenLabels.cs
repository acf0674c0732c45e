using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Domain.Patients;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Lab;

/// <summary>Loads what the labels of one specimen or of a whole lab order print.</summary>
public static class SpecimenLabels
{
    public static Task<List<SpecimenLabel>> OfSpecimenAsync(HospitalDbContext db, string barcode, CancellationToken ct) =>
        LoadAsync(db, db.Set<Specimen>().Where(s => s.Barcode == barcode), ct);

    public static Task<List<SpecimenLabel>> OfOrderAsync(HospitalDbContext db, long orderId, CancellationToken ct) =>
        LoadAsync(db, db.Set<Specimen>().Where(s => s.LabOrderId == orderId), ct);

    private static async Task<List<SpecimenLabel>> LoadAsync(HospitalDbContext db, IQueryable<Specimen> specimens, CancellationToken ct)
    {
        var rows = await specimens.AsNoTracking().OrderBy(s => s.Id)
            .Select(s => new
            {
                s.Barcode,
                s.SpecimenType,
                s.LabOrder!.Priority,
                Patient = db.Set<Patient>().Where(p => p.Id == s.PatientId).Select(p => new { p.FullName, p.Code, p.DateOfBirth, p.BirthYear }).First(),
                Tests = s.Tests.Where(t => t.Status != LabTestStatus.Cancelled).OrderBy(t => t.LabTest!.Position)
                    .Select(t => t.LabTest!.ShortName ?? t.TestCode).ToList(),
            })
            .ToListAsync(ct);
        return rows.Select(r => new SpecimenLabel(r.Barcode, r.SpecimenType, r.Patient.FullName, r.Patient.Code, r.Patient.DateOfBirth,
            r.Patient.BirthYear, r.Priority, r.Tests)).ToList();
    }
}
