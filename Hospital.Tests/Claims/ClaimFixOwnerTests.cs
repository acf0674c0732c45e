using Hospital.Domain.Data;
using Hospital.Domain.Insurance.Claims;
using Hospital.Tests.Infrastructure;
using static Hospital.Tests.Claims.ClaimBoardKit;

namespace Hospital.Tests.Claims;

/// <summary>
/// The finance officer follows fix links to screens finance may open (staff certificates, the statement);
/// an error only the doctor can fix (the diagnosis on the exam) names the section instead of linking to a refusal.
/// </summary>
public sealed class ClaimFixOwnerTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Errors_finance_cannot_fix_name_who_fixes_them(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var visitId = await VisitAsync(app, "V-FIX-1");
        var claim = await ClaimAsync(app, visitId, ClaimStatus.Invalid, new DateOnly(2026, 11, 20), errors:
        [
            new ClaimError("XML1", "MA_BENH_CHINH", "Chưa có chẩn đoán chính.", $"/clinic/visits/{visitId}/exam"),
            new ClaimError("XML3", "NGUOI_THUC_HIEN", "Nhân viên chưa có mã chứng chỉ hành nghề.", "/insurance/staff/1"),
        ]);

        using var officer = app.NewSession();
        Assert.True(WebSession.IsRedirectTo(await officer.SignInAsync("insurance"), "/"));
        var (_, page) = await officer.GetPageAsync($"/insurance/claims/{claim.Id}");
        var rows = page.QuerySelectorAll("[data-testid=claim-errors] tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.Null(rows[0].QuerySelector("[data-testid=claim-fix]"));
        Assert.Equal("Cần bộ phận Khám bệnh sửa", rows[0].QuerySelector("[data-testid=claim-fix-owner]")?.TextContent.Trim());
        Assert.Equal("/insurance/staff/1", rows[1].QuerySelector("[data-testid=claim-fix]")?.GetAttribute("href"));
        Assert.Null(rows[1].QuerySelector("[data-testid=claim-fix-owner]"));
    }
}
