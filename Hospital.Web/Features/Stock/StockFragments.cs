using Hospital.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hospital.Web.Features.Stock;

/// <summary>The htmx parts of the stock forms: an empty receipt line (<c>GET /pharmacy/receipts/line</c>) and an empty transfer line.</summary>
public static class StockFragments
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/pharmacy/receipts/line", () => new RazorComponentResult<ReceiptLineRow>())
            .RequireAuthorization(HospitalModule.Pharmacy).ExcludeFromDescription();
        app.MapGet("/pharmacy/transfers/line", () => new RazorComponentResult<TransferLineRow>())
            .RequireAuthorization(HospitalModule.Pharmacy).ExcludeFromDescription();
    }
}
