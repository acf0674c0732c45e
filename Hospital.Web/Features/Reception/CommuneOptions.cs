using System.Text;
using System.Text.Encodings.Web;
using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Reception;

/// <summary>
/// The commune list of one province (2025 two-level units) as &lt;option&gt;s, swapped into the
/// patient form by htmx when the province changes. Without JavaScript the form is posted and
/// re-rendered with the right list instead.
/// </summary>
public static class CommuneOptions
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>The province select posts its own form name (<c>Input.ProvinceCode</c>); <c>provinceCode</c> also works.</summary>
    public static async Task<IResult> RenderAsync(HttpContext http, HospitalDbContext db, CancellationToken ct)
    {
        var query = http.Request.Query;
        var province = query["provinceCode"].FirstOrDefault() ?? query["Input.ProvinceCode"].FirstOrDefault();
        return Results.Content(Html(await ForProvinceAsync(db, province, ct), query["selected"].FirstOrDefault()), "text/html; charset=utf-8");
    }

    public static async Task<IReadOnlyList<(string Code, string Name)>> ForProvinceAsync(HospitalDbContext db, string? provinceCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(provinceCode)) return [];
        return (await db.Set<Commune>().AsNoTracking().Where(c => c.ProvinceCode == provinceCode && c.IsActive)
                .OrderBy(c => c.SearchKey).Select(c => new { c.Code, c.Kind, c.Name }).ToListAsync(ct))
            .Select(c => (c.Code, c.Name)).ToList();
    }

    public static string Html(IReadOnlyList<(string Code, string Name)> communes, string? selected)
    {
        var sb = new StringBuilder("<option value=\"\">— Chọn xã/phường —</option>");
        foreach (var (code, name) in communes)
            sb.Append("<option value=\"").Append(Encoder.Encode(code)).Append('"')
              .Append(code == selected ? " selected" : "").Append('>').Append(Encoder.Encode(name)).Append("</option>");
        return sb.ToString();
    }
}
