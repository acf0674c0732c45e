using Hospital.Domain.Billing;
using Hospital.Domain.Catalog;
using Hospital.Domain.Insurance.Claims;
using Hospital.Domain.Visits;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Billing.Statement;

/// <summary>
/// A registered visit (with its exam fee, 39,000 at both prices) plus a lab service and a drug paid
/// at a partial ratio, written as the ordering screens would leave them; the BHYT visit is set to
/// object code 1.1 at 80% so its money is known by hand.
/// </summary>
internal static class StatementTestKit
{
    public const string LabCode = "23.0001.9999", DrugCode = "40.999";

    public static async Task<int> VisitWithChargesAsync(HospitalAppFactory app, VisitKind kind)
    {
        var visitId = await Orders.OrdersTestKit.VisitAsync(app, kind);
        await using var db = app.Database.NewContext();
        var visit = await db.Set<Visit>().SingleAsync(v => v.Id == visitId);
        if (kind == VisitKind.Bhyt)
        {
            visit.BenefitCategoryCode = "1.1";
            visit.PayableSharePercent = 80;
        }
        var now = DateTime.UtcNow;
        db.AddRange(
            new Charge
            {
                VisitId = visitId, ItemKind = ChargeItemKind.Service, ItemCode = LabCode, ItemName = "Xét nghiệm thử", Unit = "Lần",
                CostGroup = BhytCostGroup.Lab, Quantity = 1, UnitPrice = 550_000, BhytUnitPrice = 500_000, OrderedBy = "doctor", OrderedAt = now.AddMinutes(1),
            },
            new Charge
            {
                VisitId = visitId, ItemKind = ChargeItemKind.Drug, ItemCode = DrugCode, ItemName = "Thuốc tỷ lệ thử", Unit = "Viên",
                CostGroup = BhytCostGroup.DrugByRate, Quantity = 3, UnitPrice = 12_345.5m, BhytUnitPrice = 12_345.5m, BhytPayableRatio = 50,
                OrderedBy = "doctor", OrderedAt = now.AddMinutes(2),
            });
        await db.SaveChangesAsync();
        return visitId;
    }

    public static async Task ClaimAsync(HospitalAppFactory app, int visitId, ClaimStatus status)
    {
        await using var db = app.Database.NewContext();
        var visit = await db.Set<Visit>().SingleAsync(v => v.Id == visitId);
        db.Add(new Claim
        {
            VisitId = visitId, MaLk = visit.MaLk, Version = 1, Status = status, BuiltAt = DateTime.UtcNow, BuiltBy = "test",
            EndDate = visit.VisitDate, PatientId = visit.PatientId, BenefitCategoryCode = visit.BenefitCategoryCode,
            SettlementPeriod = visit.VisitDate.Year * 100 + visit.VisitDate.Month,
        });
        await db.SaveChangesAsync();
    }

    public static async Task<WebSession> SignedInAsync(HospitalAppFactory app, string user)
    {
        var session = app.NewSession();
        Assert.True(WebSession.IsRedirectTo(await session.SignInAsync(user), "/"), $"{user} could not sign in");
        return session;
    }
}
