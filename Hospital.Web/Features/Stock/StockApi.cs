using System.Globalization;
using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Domain.Pharmacy;
using Hospital.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Stock;

/// <summary>
/// <c>GET /api/v1/stock?drugCode=&amp;store=</c> (issue 7 API contract): lots with stock, as
/// <c>{ items: [ { drugCode, store, lot, expiry (yyyy-MM-dd), onHand } ] }</c>. Both filters are
/// optional; an unknown store or drug code is a 422 problem rather than an empty list, so a typo
/// is not read as "out of stock".
/// </summary>
public static class StockApi
{
    public sealed record StockItemDto(string DrugCode, string Store, string Lot, string Expiry, decimal OnHand);

    public sealed record StockListDto(IReadOnlyList<StockItemDto> Items);

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/stock", ListAsync)
            .WithSummary("Tồn kho theo lô (chỉ lô còn hàng), lọc theo mã thuốc và mã kho.")
            .Produces<StockListDto>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> ListAsync(string? drugCode, string? store, HospitalDbContext db, CancellationToken ct)
    {
        int? storeId = null, drugId = null;
        if (!string.IsNullOrWhiteSpace(store))
        {
            var code = store.Trim().ToUpperInvariant();
            storeId = await db.Set<Store>().Where(s => s.Code.ToUpper() == code).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
            if (storeId is null) return ApiProblems.Result(StatusCodes.Status422UnprocessableEntity, $"Không có kho mã '{store.Trim()}'.");
        }
        if (!string.IsNullOrWhiteSpace(drugCode))
        {
            var code = drugCode.Trim().ToUpperInvariant();
            drugId = await db.Set<Drug>().Where(d => d.Code.ToUpper() == code).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
            if (drugId is null) return ApiProblems.Result(StatusCodes.Status422UnprocessableEntity, $"Không có thuốc mã '{drugCode.Trim()}'.");
        }
        var rows = await StockOnHand.RowsAsync(db, storeId, drugId, ct);
        return Results.Ok(new StockListDto(rows.Select(r =>
            new StockItemDto(r.DrugCode, r.StoreCode, r.LotNumber, r.Expiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.OnHand)).ToList()));
    }
}
