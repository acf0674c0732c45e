using Hospital.Domain.Catalog;
using Hospital.Domain.Common;
using Hospital.Domain.Pharmacy;
using Hospital.Tests.Infrastructure;
using Hospital.Web.Features.Stock;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Tests.Pharmacy.Stock;

/// <summary>The stock services of a test app, each call in its own scope as a request would be.</summary>
internal sealed class StockTestKit(HospitalAppFactory app)
{
    public const string User = "pharmacist";

    public DateOnly Today => VietnamCalendar.Today(TimeProvider.System);

    public async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> act) where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<StockOutcome> ReceiveAsync(string storeCode, params ReceiptLineInput[] lines) =>
        ReceiveAsync(storeCode, lines, "Công ty Dược Thử");

    public async Task<StockOutcome> ReceiveAsync(string storeCode, IReadOnlyList<ReceiptLineInput> lines, string supplier) =>
        await WithAsync<StockReceiving, StockOutcome>(async s =>
            await s.ReceiveAsync(new ReceiptInput(await StoreIdAsync(storeCode), supplier, "HD-001", Today, null, lines), User));

    public ReceiptLineInput Line(string drug, string lot, int expiresInDays, decimal quantity, decimal cost = 1000m) =>
        new(drug, lot, Today.AddDays(expiresInDays), quantity, cost);

    public async Task<int> StoreIdAsync(string code)
    {
        await using var db = app.Database.NewContext();
        return await db.Set<Store>().Where(s => s.Code == code).Select(s => s.Id).SingleAsync();
    }

    public async Task<int> DrugIdAsync(string code) => (await DrugAsync(code)).Id;

    public async Task<string> DrugNameAsync(string code) => (await DrugAsync(code)).Name;

    public async Task<string> UnitAsync(string code) => (await DrugAsync(code)).Unit;

    private async Task<Drug> DrugAsync(string code)
    {
        await using var db = app.Database.NewContext();
        return await db.Set<Drug>().AsNoTracking().SingleAsync(d => d.Code == code);
    }

    public async Task<int> LotIdAsync(string drugCode, string lot)
    {
        await using var db = app.Database.NewContext();
        return await db.Set<DrugLot>().Where(l => l.LotNumber == lot && db.Set<Drug>().Any(d => d.Id == l.DrugId && d.Code == drugCode))
            .Select(l => l.Id).SingleAsync();
    }

    /// <summary>On hand of every (store, lot) with a balance row, zero rows left out.</summary>
    public async Task<Dictionary<(int Store, int Lot), decimal>> BalancesAsync()
    {
        await using var db = app.Database.NewContext();
        return (await db.Set<StockBalance>().AsNoTracking().Where(b => b.OnHand != 0).ToListAsync())
            .ToDictionary(b => (b.StoreId, b.LotId), b => b.OnHand);
    }

    public async Task<decimal> OnHandAsync(string storeCode, string drugCode, string lot) =>
        (await BalancesAsync()).GetValueOrDefault((await StoreIdAsync(storeCode), await LotIdAsync(drugCode, lot)));

    /// <summary>How many rows the stock tables hold: a refused document must leave every count unchanged.</summary>
    public async Task<string> FootprintAsync()
    {
        await using var db = app.Database.NewContext();
        return string.Join(",", await db.Set<StockReceipt>().CountAsync(), await db.Set<DrugLot>().CountAsync(),
            await db.Set<StockMovement>().CountAsync(), await db.Set<StockBalance>().CountAsync(), await db.Set<StockTransfer>().CountAsync(),
            await db.Set<StockWriteOff>().CountAsync(), await db.Set<StockCount>().CountAsync(), await db.Set<StockCountLine>().CountAsync());
    }

    public async Task AssertLedgerAgreesAsync()
    {
        await using var db = app.Database.NewContext();
        Assert.Empty(await StockLedgerCheck.DifferencesAsync(db));
    }
}
