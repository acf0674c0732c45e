using System.Security.Claims;
using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Web.Features.Catalogs;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Api;

/// <summary>
/// The JSON API under <c>/api/v1</c> for kiosks and integrations: cookie or X-Api-Key,
/// camelCase, lists as <c>{ items, total }</c>, errors as problem details with a Vietnamese title.
/// The OpenAPI document is at <c>/api/v1/openapi.json</c>.
/// </summary>
public static class ApiSetup
{
    public static IServiceCollection AddHospitalApi(this IServiceCollection services)
    {
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Hospital API";
            doc.Info.Description = "API cho ki-ốt và hệ thống tích hợp. Xác thực bằng cookie đăng nhập hoặc header X-Api-Key.";
            return Task.CompletedTask;
        }));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            if (ctx.ProblemDetails.Status is { } status) ctx.ProblemDetails.Title = ApiProblems.TitleFor(status);
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions["requestId"] = ctx.HttpContext.TraceIdentifier;
        });
        return services;
    }

    public static RouteGroupBuilder MapHospitalApi(this WebApplication app)
    {
        app.MapOpenApi("/api/{documentName}/openapi.json");
        var api = app.MapGroup("/api/v1").WithTags("Hospital").DisableAntiforgery();
        // Anything under /api that matches no endpoint is a JSON 404, not the HTML page.
        app.MapFallback("/api/{**rest}", (HttpContext ctx) => ApiProblems.Result(StatusCodes.Status404NotFound, "Không có điểm cuối API này."))
            .AllowAnonymous().ExcludeFromDescription();

        api.MapGet("/me", (ClaimsPrincipal user) => new CurrentUserDto(
                user.Identity?.Name ?? "",
                user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList()))
            .WithSummary("Người dùng hoặc khóa API đang gọi và các vai trò của nó.");

        api.MapGet("/facility", async (HospitalDbContext db, CancellationToken ct) =>
                await db.Set<FacilitySettings>().AsNoTracking().OrderBy(f => f.Id)
                    .Select(f => new FacilityDto(f.FacilityCode, f.Name, f.Address, f.ProvinceCode, f.Level.ToString()))
                    .FirstOrDefaultAsync(ct) is { } f
                    ? Results.Ok(f)
                    : ApiProblems.Result(StatusCodes.Status404NotFound, "Chưa khai báo thông tin cơ sở."))
            .WithSummary("Thông tin cơ sở KCB (mã CSKCB, tên, địa chỉ, cấp).");

        Features.Admin.AdminApi.MapAdminApi(api);
        api.MapCatalogApi();
        return api;
    }

    public sealed record CurrentUserDto(string Name, IReadOnlyList<string> Roles);
    public sealed record FacilityDto(string FacilityCode, string Name, string Address, string ProvinceCode, string Level);
}
