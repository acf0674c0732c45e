using Hospital.Domain.Catalog;
using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Domain.Patients;
using Hospital.Domain.Pharmacy;
using Hospital.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Dispensing;

/// <summary>One movement in the register: in or out of the store, the balance after it, and for a dispensing who got it on whose prescription.</summary>
public sealed record RegisterRow(DateTime OccurredAt, string? DocumentNumber, StockMovementKind Kind, string LotNumber, DateOnly Expiry, decimal In, decimal Out,
    decimal Balance, string? PatientName, string? PrescriptionCode, string? Prescriber, string? ReceiverName, string? ReceiverIdNumber, string? Note, string RecordedBy);

/// <summary>A controlled drug's page of the register for one store and month: balance brought forward, the month's movements, balance carried.</summary>
public sealed record RegisterDrug(int DrugId, string Code, string Name, string? Strength, string Unit, DrugControlClass Class, decimal Opening, IReadOnlyList<RegisterRow> Rows)
{
    public decimal Closing => Rows.Count == 0 ? Opening : Rows[^1].Balance;
}

/// <summary>
/// Sổ theo dõi thuốc gây nghiện, thuốc hướng thần, thuốc tiền chất (TT 20/2017/TT-BYT Đ45, mẫu
/// PL XV): per drug and store, every movement in date order with quantity in, out and the balance,
/// the document, and for what was handed out the patient, prescription code, prescriber, and the
/// receiver with their identity number. Read from the stock ledger, which nobody can edit.
/// </summary>
public static class ControlledDrugRegister
{
    public static readonly DrugControlClass[] Classes = [DrugControlClass.Narcotic, DrugControlClass.Psychotropic, DrugControlClass.Precursor];

    public static async Task<List<RegisterDrug>> LoadAsync(HospitalDbContext db, int storeId, int? drugId, DateOnly month, CancellationToken ct = default)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        var (start, end) = (VietnamTime.StartOfDayUtc(first), VietnamTime.StartOfDayUtc(first.AddMonths(1)));
        var drugs = await db.Set<Drug>().AsNoTracking().Where(d => Classes.Contains(d.ControlClass) && (drugId == null || d.Id == drugId))
            .OrderBy(d => d.Name).Select(d => new { d.Id, d.Code, d.Name, d.Strength, d.Unit, d.ControlClass }).ToListAsync(ct);
        var ids = drugs.Select(d => d.Id).ToList();
        var inStore = db.Set<StockMovement>().AsNoTracking().Where(m => m.StoreId == storeId && ids.Contains(m.DrugId));

        // Summed in memory: EF Core on SQLite cannot SUM decimals; controlled drugs are a handful of rows a day.
        var opening = (await inStore.Where(m => m.OccurredAt < start).Select(m => new { m.DrugId, m.Quantity }).ToListAsync(ct))
            .GroupBy(m => m.DrugId).ToDictionary(g => g.Key, g => g.Sum(m => m.Quantity));
        var moves = await (from m in inStore
                           join l in db.Set<DrugLot>() on m.LotId equals l.Id
                           where m.OccurredAt >= start && m.OccurredAt < end
                           orderby m.OccurredAt, m.Id
                           select new { m.DrugId, m.OccurredAt, m.Kind, m.Document, m.DocumentId, m.Quantity, m.Reason, m.RecordedBy, l.LotNumber, l.Expiry })
            .ToListAsync(ct);

        var numbers = await DocumentNumbersAsync(db, moves.Select(m => (m.Document, m.DocumentId)).Distinct().ToList(), ct);
        var dispensationIds = moves.Where(m => m.Document == StockDocument.Dispensation).Select(m => m.DocumentId).Distinct().ToList();
        var handed = await (from d in db.Set<Dispensation>().AsNoTracking()
                            join p in db.Set<Prescription>() on d.PrescriptionId equals p.Id
                            join pt in db.Set<Patient>() on p.PatientId equals pt.Id
                            where dispensationIds.Contains(d.Id)
                            select new
                            {
                                d.Id, pt.FullName, p.NationalCode, d.ReceiverName, d.ReceiverIdNumber,
                                Prescriber = db.Set<Staff>().Where(s => s.Id == p.DoctorStaffId).Select(s => s.Name).FirstOrDefault() ?? p.SignedBy,
                            }).ToDictionaryAsync(x => x.Id, ct);

        var result = new List<RegisterDrug>();
        foreach (var d in drugs)
        {
            var balance = opening.GetValueOrDefault(d.Id);
            var rows = new List<RegisterRow>();
            foreach (var m in moves.Where(m => m.DrugId == d.Id))
            {
                balance += m.Quantity;
                var who = m.Document == StockDocument.Dispensation ? handed.GetValueOrDefault(m.DocumentId) : null;
                rows.Add(new RegisterRow(m.OccurredAt, numbers.GetValueOrDefault((m.Document, m.DocumentId)), m.Kind, m.LotNumber, m.Expiry,
                    Math.Max(0, m.Quantity), Math.Max(0, -m.Quantity), balance, who?.FullName, who?.NationalCode, who?.Prescriber,
                    who?.ReceiverName, who?.ReceiverIdNumber, m.Reason, m.RecordedBy));
            }
            var brought = opening.GetValueOrDefault(d.Id);
            if (rows.Count > 0 || brought != 0 || drugId is not null)
                result.Add(new RegisterDrug(d.Id, d.Code, d.Name, d.Strength, d.Unit, d.ControlClass, brought, rows));
        }
        return result;
    }

    /// <summary>Số phiếu of each document the movements belong to.</summary>
    private static async Task<Dictionary<(StockDocument, int), string>> DocumentNumbersAsync(HospitalDbContext db, IReadOnlyList<(StockDocument Kind, int Id)> documents,
        CancellationToken ct)
    {
        var numbers = new Dictionary<(StockDocument, int), string>();
        async Task Add(StockDocument kind, Func<List<int>, Task<Dictionary<int, string>>> load)
        {
            var ids = documents.Where(d => d.Kind == kind).Select(d => d.Id).ToList();
            if (ids.Count == 0) return;
            foreach (var (id, number) in await load(ids)) numbers[(kind, id)] = number;
        }
        await Add(StockDocument.Receipt, ids => db.Set<StockReceipt>().AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Number, ct));
        await Add(StockDocument.Transfer, ids => db.Set<StockTransfer>().AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Number, ct));
        await Add(StockDocument.WriteOff, ids => db.Set<StockWriteOff>().AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Number, ct));
        await Add(StockDocument.Count, ids => db.Set<StockCount>().AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Number, ct));
        await Add(StockDocument.Dispensation, ids => db.Set<Dispensation>().AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Number, ct));
        return numbers;
    }

    /// <summary>The group as the drug catalogue names it (only the controlled <see cref="Classes"/> reach the register).</summary>
    public static string ClassLabel(DrugControlClass c) => Catalogs.CatalogDefinitions.ControlClasses[c];
}
