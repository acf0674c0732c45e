using Hospital.Domain.Catalog;
using Hospital.Domain.Visits;

namespace Hospital.Domain.Billing;

/// <summary>
/// The charge line of one catalog service for a visit, priced for the visit kind; the exam fee
/// (<see cref="ExamFee"/>) and EMR orders price the same way, so the rule lives here once:
/// <list type="bullet">
/// <item>BHYT: the BHYT price (DON_GIA_BH) as both prices; a service without a BHYT price is outside
/// the fund's scope, so the patient pays the hospital price and <see cref="Charge.BhytUnitPrice"/> stays null.</item>
/// <item>Fee-paying: the hospital price.</item>
/// <item>Free: also the hospital price. The cost is real and must show in the hospital's accounts
/// and statements; the visit kind (<see cref="VisitKind.Free"/>) is what tells billing to waive
/// the patient's part, so a free visit later turned fee-paying needs no re-pricing.</item>
/// </list>
/// </summary>
public static class ServiceCharge
{
    /// <param name="departmentId">MA_KHOA of XML3: the department providing the service.</param>
    public static Charge For(Visit visit, MedicalService service, int? departmentId, string orderedBy, DateTime utcNow, int? orderingStaffId = null)
    {
        var bhyt = visit.Kind == VisitKind.Bhyt ? service.BhytPrice : null;
        return new Charge
        {
            Visit = visit,
            ItemKind = ChargeItemKind.Service,
            ServiceId = service.Id,
            ItemCode = service.Code,
            ItemName = service.Name,
            Unit = service.Unit,
            CostGroup = service.CostGroup,
            Quantity = 1,
            UnitPrice = bhyt ?? service.Price,
            BhytUnitPrice = bhyt,
            BhytPayableRatio = 100,
            DepartmentId = departmentId,
            OrderedBy = orderedBy,
            OrderingStaffId = orderingStaffId,
            OrderedAt = utcNow,
        };
    }
}
