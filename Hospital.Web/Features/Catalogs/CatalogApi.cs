using System.Globalization;
using Hospital.Domain.Data;
using Hospital.Web.Api;

namespace Hospital.Web.Features.Catalogs;

/// <summary>
/// Read-only catalogs for kiosks and integrations: <c>GET /api/v1/catalogs/{slug}</c>. Any
/// signed-in user or API key may read them (the fallback policy), since every screen and
/// kiosk needs codes and names; only the Danh mục screens change them.
/// </summary>
public static class CatalogApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static RouteGroupBuilder MapCatalogApi(this RouteGroupBuilder api)
    {
        api.MapGet("/catalogs", () => CatalogDefinitions.All.Select(d => new CatalogInfo(d.Slug, d.Title)).ToList())
            .WithSummary("Các danh mục có thể đọc qua API.");

        api.MapGet("/catalogs/{slug}", async (string slug, string? q, int? page, int? pageSize, string? activeOn,
                HospitalDbContext db, CancellationToken ct) =>
            {
                if (CatalogDefinitions.Find(slug) is not { } definition)
                    return ApiProblems.Result(StatusCodes.Status404NotFound, $"Không có danh mục '{slug}'.");
                var errors = new Dictionary<string, string[]>();
                DateOnly? day = null;
                if (!string.IsNullOrEmpty(activeOn))
                {
                    if (DateOnly.TryParseExact(activeOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) day = d;
                    else errors["activeOn"] = ["Ngày phải có dạng yyyy-MM-dd."];
                }
                if (page is < 1) errors["page"] = ["Trang bắt đầu từ 1."];
                if (pageSize is < 1 or > MaxPageSize) errors["pageSize"] = [$"Số dòng mỗi trang từ 1 đến {MaxPageSize}."];
                if (errors.Count > 0) return ApiProblems.Result(StatusCodes.Status400BadRequest, errors: errors);

                var result = await definition.Store(db).ApiListAsync(q, page ?? 1, pageSize ?? DefaultPageSize, day, ct);
                return Results.Ok(result);
            })
            .WithSummary("Một trang của danh mục: tìm không dấu (q), lọc mục còn hiệu lực vào ngày activeOn (yyyy-MM-dd).")
            .Produces<ListResult<IReadOnlyDictionary<string, object?>>>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();
        return api;
    }

    public sealed record CatalogInfo(string Slug, string Title);
}
