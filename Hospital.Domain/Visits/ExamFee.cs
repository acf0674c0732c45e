using Hospital.Domain.Billing;
using Hospital.Domain.Catalog;

namespace Hospital.Domain.Visits;

/// <summary>
/// The exam fee (công khám) charged when a visit is registered to a room, priced for the visit kind:
/// <list type="bullet">
/// <item>BHYT: the BHYT price (DON_GIA_BH) as both prices; a service without a BHYT price is outside
/// the fund's scope, so the patient pays the hospital price and <see cref="Charge.BhytUnitPrice"/> stays null.</item>
/// <item>Fee-paying: the hospital price.</item>
/// <item>Free: also the hospital price. The cost is real and must show in the hospital's accounts
/// and statements; the visit kind (<see cref="VisitKind.Free"/>) is what tells billing to waive
/// the patient's part, so a free visit later turned fee-paying needs no re-pricing.</item>
/// </list>
/// The service comes from <see cref="Room.ExamServiceId"/> only. There is no fallback to "the
/// department's exam service": a department has no such field, and guessing (e.g. the first exam
/// service of the department) would charge a Nhi price in a Nội room; a room without its exam
/// service is a catalog gap the administrator must fill, and registration says so.
/// </summary>
public static class ExamFee
{
    public static Charge For(Visit visit, MedicalService service, int departmentId, string orderedBy, DateTime utcNow)
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
            OrderedAt = utcNow,
        };
    }
}
