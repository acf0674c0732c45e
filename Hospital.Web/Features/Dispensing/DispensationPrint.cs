using Hospital.Domain.Catalog;
using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Domain.Pharmacy;
using Hospital.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Dispensing;

/// <summary>One drug lot handed out by a dispensation, as its slip and label print it.</summary>
public sealed record PrintedLine(string DrugCode, string DrugName, string? Strength, string? Usage, string LotNumber, DateOnly Expiry, decimal Quantity,
    decimal Returned, string Unit)
{
    /// <summary>Name and strength, the strength only when the name does not already say it ("Paracetamol 500mg").</summary>
    public string Title => DrugTitle.Of(DrugName, Strength);
}

/// <summary>What the dispensing slip and the labels of one dispensation show.</summary>
public sealed record DispensationPrint(Dispensation Dispensation, string DispenserName, string StoreName, FacilitySettings? Facility, string PatientName, string PatientCode,
    string? PatientBirth, string VisitCode, string? PrescriptionCode, PrescriptionForm Form, string? DoctorName, IReadOnlyList<PrintedLine> Lines)
{
    public static async Task<DispensationPrint?> LoadAsync(HospitalDbContext db, int id, CancellationToken ct = default)
    {
        var d = await db.Set<Dispensation>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return null;
        var p = await db.Set<Prescription>().AsNoTracking().Include(x => x.Lines).Include(x => x.Visit!).ThenInclude(v => v.Patient)
            .SingleAsync(x => x.Id == d.PrescriptionId, ct);
        var store = await db.Set<Store>().Where(s => s.Id == d.StoreId).Select(s => s.Name).SingleAsync(ct);
        var facility = await db.Set<FacilitySettings>().AsNoTracking().OrderBy(f => f.Id).FirstOrDefaultAsync(ct);
        var doctor = await db.Set<Staff>().Where(s => s.Id == p.DoctorStaffId).Select(s => s.Name).FirstOrDefaultAsync(ct);
        var lines = p.Lines.ToDictionary(l => l.Id);
        var rows = (await DispensingProgress.MovementsAsync(db, p.Id, ct)).Where(m => m.DispensationId == id).ToList();
        var printed = rows.Where(m => m.Kind == StockMovementKind.Dispense).OrderBy(m => lines[m.LineId].Position).ThenBy(m => m.Expiry).Select(m =>
        {
            var l = lines[m.LineId];
            var returned = rows.Where(r => r.Kind == StockMovementKind.DispenseReturn && r.LineId == m.LineId && r.LotId == m.LotId).Sum(r => r.Quantity);
            return new PrintedLine(l.DrugCode, l.DrugName, l.Strength, l.Usage, m.LotNumber, m.Expiry, m.Out, returned, l.Unit);
        }).ToList();
        var patient = p.Visit!.Patient!;
        var birth = patient.DateOfBirth is { } born ? born.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) : patient.BirthYear.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var dispenser = await Cashier.CashierNames.FullNameAsync(db, d.DispensedBy, ct);
        return new DispensationPrint(d, dispenser, store, facility, patient.FullName, patient.Code, birth, p.Visit.Code, p.NationalCode, p.Form, doctor ?? p.SignedBy, printed);
    }

    /// <summary><c>GET /pharmacy/dispensations/{id}/slip.pdf</c> and <c>/labels.pdf</c> (pharmacists).</summary>
    public static void Map(WebApplication app)
    {
        var group = app.MapGroup("/pharmacy/dispensations").RequireAuthorization(HospitalModule.Pharmacy).ExcludeFromDescription();
        group.MapGet("/{id:int}/slip.pdf", async (int id, HospitalDbContext db, CancellationToken ct) =>
            await LoadAsync(db, id, ct) is { } print
                ? Results.File(DispensationSlipPdf.Render(print), "application/pdf", $"phieu-xuat-{print.Dispensation.Number}.pdf")
                : Results.NotFound());
        group.MapGet("/{id:int}/labels.pdf", async (int id, HospitalDbContext db, CancellationToken ct) =>
            await LoadAsync(db, id, ct) is { } print
                ? Results.File(DispensationLabelsPdf.Render(print), "application/pdf", $"nhan-thuoc-{print.Dispensation.Number}.pdf")
                : Results.NotFound());
    }
}
