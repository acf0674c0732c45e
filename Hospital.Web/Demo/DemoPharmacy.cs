using Hospital.Domain.Catalog;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Pharmacy;
using Hospital.Web.Features.Stock;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hospital.Web.Demo;

/// <summary>
/// The demo pharmacy's stock, through the real services: a supplier invoice into the main store
/// with two or three lots of every formulary drug (one of them near expiry), one lot of
/// Paracetamol 500mg that expired with a few units left (allocation skips it), a transfer to the
/// outpatient dispensary and one to the emergency ward cabinet (approved and received), and
/// minimum stock levels. Once per database (when no receipt exists yet).
/// </summary>
public sealed class DemoPharmacy(HospitalDbContext db, StockReceiving receiving, StockTransfers transfers, StockDocumentPosting posting,
    MinimumStock minimums, IOptions<DemoOptions> options, TimeProvider clock, ILogger<DemoPharmacy> log)
{
    public const string Pharmacist = "pharmacist";
    public const string Supplier = "Công ty CP Dược phẩm Trung ương CPC1";
    public const string ExpiredLot = "PA-HH-0001";

    public async Task SeedAsync(CancellationToken ct)
    {
        if (!options.Value.Stock || await db.Set<StockReceipt>().AnyAsync(ct)) return;
        var today = VietnamCalendar.Today(clock);
        var stores = await db.Set<Store>().AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Id, ct);
        if (!stores.TryGetValue("KHO-CHINH", out var main)) return;
        var drugs = await db.Set<Drug>().AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.Code).ToListAsync(ct);
        if (drugs.Count == 0) return;

        var lines = new List<ReceiptLineInput>();
        foreach (var (d, i) in drugs.Select((d, i) => (d, i)))
        {
            var cost = Math.Round(d.Price * 0.85m, 2, MidpointRounding.AwayFromZero);
            var tag = d.Code[^4..];
            // Near expiry (within the 6-month alert window) and a small quantity: issued first by FEFO.
            lines.Add(new(d.Code, $"NE{tag}-{today:yy}1", today.AddDays(40 + i % 60), 40, cost));
            lines.Add(new(d.Code, $"LO{tag}-{today:yy}2", today.AddMonths(18 + i % 6), 400, cost));
            if (i % 3 == 0) lines.Add(new(d.Code, $"LO{tag}-{today:yy}3", today.AddMonths(30), 200, cost));
        }
        Check(await receiving.ReceiveAsync(new ReceiptInput(main, Supplier, $"HD{today:yyMMdd}-01", today, "Hóa đơn mẫu của dữ liệu demo", lines), Pharmacist, ct));
        await SeedExpiredLotAsync(main, drugs[0], today, ct);

        await TransferAsync(main, stores.GetValueOrDefault("KHO-NGT"), drugs.Select(d => new TransferLineInput(d.Code, 60)).ToList(), ct);
        await TransferAsync(main, stores.GetValueOrDefault("TU-HSCC"), drugs.Take(8).Select(d => new TransferLineInput(d.Code, 10)).ToList(), ct);

        foreach (var d in drugs)
        {
            await minimums.SetAsync(main, d.Id, 100, ct);
            if (stores.TryGetValue("KHO-NGT", out var ngt)) await minimums.SetAsync(ngt, d.Id, 30, ct);
        }
        log.LogInformation("Demo pharmacy: stock of {Drugs} drugs received and transferred", drugs.Count);
    }

    /// <summary>
    /// A lot received long ago that has expired with 5 units left, to show that allocation skips it.
    /// A receipt refuses an expired lot, so this one is written as the earlier receipt it stands for:
    /// the document and its movement straight through the ledger.
    /// </summary>
    private async Task SeedExpiredLotAsync(int store, Drug drug, DateOnly today, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lot = new DrugLot { DrugId = drug.Id, LotNumber = ExpiredLot, Expiry = today.AddDays(-10), CreatedAt = now };
        Check(await posting.PostAsync(StockDocument.Receipt,
            async c =>
            {
                db.Add(lot);
                return db.Add(new StockReceipt
                {
                    Number = await PharmacyDocumentNumber.NextAsync(db, PharmacyDocumentNumber.Receipt, today, c), StoreId = store,
                    Supplier = Supplier, InvoiceNumber = "HD-CU-01", InvoiceDate = today.AddYears(-2), ReceivedAt = now, ReceivedBy = Pharmacist,
                    Note = "Tồn từ lô nhập trước, đã hết hạn (dữ liệu demo)",
                }).Entity;
            },
            (_, _) => Task.FromResult<IReadOnlyList<StockEntry>>([new StockEntry(store, lot.Id, drug.Id, StockMovementKind.Receipt, 5, Math.Round(drug.Price * 0.8m, 2))]),
            Pharmacist, ct));
    }

    private async Task TransferAsync(int from, int to, IReadOnlyList<TransferLineInput> lines, CancellationToken ct)
    {
        if (to == 0) return;
        var request = Check(await transfers.RequestAsync(from, to, lines, "Dự trù mẫu của dữ liệu demo", Pharmacist, ct));
        Check(await transfers.ApproveAsync(request.Id!.Value, Pharmacist, ct));
        Check(await transfers.ReceiveAsync(request.Id!.Value, Pharmacist, ct));
    }

    private static StockOutcome Check(StockOutcome outcome) => outcome.Succeeded
        ? outcome
        : throw new InvalidOperationException("Demo pharmacy: " + string.Join(" ", outcome.Errors));
}
