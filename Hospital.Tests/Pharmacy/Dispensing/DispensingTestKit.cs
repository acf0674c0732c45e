using Hospital.Domain.Catalog;
using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Domain.Pharmacy;
using Hospital.Tests.Infrastructure;
using Hospital.Tests.Prescriptions;
using Hospital.Web.Features.Dispensing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Tests.Pharmacy.Dispensing;

/// <summary>Stock in the demo stores and signed prescriptions as the EMR leaves them, for the dispensing tests.</summary>
internal static class DispensingTestKit
{
    public const string Dispensary = "KHO-NGT";
    public const string Paracetamol = "TH0001";
    public const string Diazepam = "TH0052";

    /// <summary>A lot received into a store (created if new), through the ledger as a receipt would post it.</summary>
    public static async Task<int> ReceiveAsync(HospitalAppFactory app, string storeCode, string drugCode, string lotNumber, DateOnly expiry, decimal quantity,
        bool recalled = false)
    {
        await using var db = app.Database.NewContext();
        var drug = await db.Set<Drug>().SingleAsync(d => d.Code == drugCode);
        var store = await db.Set<Store>().SingleAsync(s => s.Code == storeCode);
        var lot = await db.Set<DrugLot>().FirstOrDefaultAsync(l => l.DrugId == drug.Id && l.LotNumber == lotNumber);
        if (lot is null)
        {
            lot = new DrugLot { DrugId = drug.Id, LotNumber = lotNumber, Expiry = expiry, CreatedAt = DateTime.UtcNow };
            if (recalled) (lot.RecalledAt, lot.RecalledBy, lot.RecallReason) = (DateTime.UtcNow, "test", "Thu hồi theo công văn");
            db.Add(lot);
            await db.SaveChangesAsync();
        }
        await using var tx = await db.Database.BeginTransactionAsync();
        Assert.Null(await new StockLedger(db, TimeProvider.System).PostAsync(StockDocument.Receipt, 0,
            [new StockEntry(store.Id, lot.Id, drug.Id, StockMovementKind.Receipt, quantity, UnitCost: 500m)], "test"));
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return lot.Id;
    }

    /// <summary>A signed prescription of a new visit (as the conclusion leaves it), one line per drug.</summary>
    public static async Task<int> SignedAsync(HospitalAppFactory app, PrescriptionForm form = PrescriptionForm.Ordinary, DateTime? signedAt = null,
        params (string DrugCode, decimal Quantity)[] lines) =>
        (await ManySignedAsync(app, 1, form, signedAt, lines))[0];

    /// <summary><paramref name="count"/> signed prescriptions of one visit with the same lines.</summary>
    public static async Task<List<int>> ManySignedAsync(HospitalAppFactory app, int count, PrescriptionForm form, DateTime? signedAt,
        params (string DrugCode, decimal Quantity)[] lines)
    {
        var visit = await PrescriptionTestKit.VisitAsync(app);
        await using var db = app.Database.NewContext();
        var codes = lines.Select(l => l.DrugCode).ToList();
        var drugs = await db.Set<Drug>().Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code);
        var made = Enumerable.Range(0, count).Select(_ => new Prescription
        {
            VisitId = visit.VisitId, PatientId = visit.PatientId, Form = form, Status = PrescriptionStatus.Signed,
            NationalCode = "01001" + Guid.NewGuid().ToString("N")[..7].ToUpperInvariant() + "-c",
            CreatedAt = DateTime.UtcNow, CreatedBy = PrescriptionTestKit.Doctor, SignedAt = signedAt ?? DateTime.UtcNow, SignedBy = PrescriptionTestKit.Doctor,
            DiagnosisCodes = "J06.9", DiagnosisText = "Viêm đường hô hấp trên cấp",
            Lines = lines.Select((l, i) => new PrescriptionLine
            {
                Position = i + 1, DrugId = drugs[l.DrugCode].Id, DrugCode = l.DrugCode, DrugName = drugs[l.DrugCode].Name,
                ActiveIngredient = drugs[l.DrugCode].ActiveIngredient, Strength = drugs[l.DrugCode].Strength, Unit = drugs[l.DrugCode].Unit,
                DosePerTime = 1, TimesPerDay = 2, Days = 5, Quantity = l.Quantity, Usage = "Uống sau ăn, sáng 1 viên, chiều 1 viên",
            }).ToList(),
        }).ToList();
        db.AddRange(made);
        await db.SaveChangesAsync();
        return made.Select(p => p.Id).ToList();
    }

    public static Task<DispenseOutcome> DispenseAsync(HospitalAppFactory app, int prescriptionId, DispenseRequest request, string user = "pharmacist") =>
        PrescriptionTestKit.WithAsync<PrescriptionDispensing, DispenseOutcome>(app, d => d.DispenseAsync(prescriptionId, request, user));

    public static async Task CorrectAsync(HospitalAppFactory app, Func<DispensingCorrections, Task> act)
    {
        using var scope = app.Services.CreateScope();
        await act(scope.ServiceProvider.GetRequiredService<DispensingCorrections>());
    }

    public static async Task<decimal> OnHandAsync(HospitalAppFactory app, string storeCode, int lotId)
    {
        await using var db = app.Database.NewContext();
        return await db.Set<StockBalance>().Where(b => b.LotId == lotId && db.Set<Store>().Any(s => s.Id == b.StoreId && s.Code == storeCode))
            .Select(b => b.OnHand).FirstOrDefaultAsync();
    }

    public sealed record Stored(int Dispensations, int Movements, DispensingStatus Status);

    public static async Task<Stored> StoredAsync(HospitalAppFactory app, int prescriptionId)
    {
        await using var db = app.Database.NewContext();
        var ids = db.Set<Dispensation>().Where(d => d.PrescriptionId == prescriptionId).Select(d => d.Id);
        return new Stored(await ids.CountAsync(),
            await db.Set<StockMovement>().CountAsync(m => m.Document == StockDocument.Dispensation && ids.Contains(m.DocumentId)),
            await db.Set<Prescription>().Where(p => p.Id == prescriptionId).Select(p => p.DispensingStatus).SingleAsync());
    }

    public static async Task AssertLedgerAgreesAsync(HospitalAppFactory app)
    {
        await using var db = app.Database.NewContext();
        Assert.Empty(await StockLedgerCheck.DifferencesAsync(db));
    }

    public static DateOnly Today => Hospital.Domain.Common.VietnamCalendar.Today(TimeProvider.System);
}
