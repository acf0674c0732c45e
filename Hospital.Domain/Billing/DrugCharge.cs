using Hospital.Domain.Catalog;
using Hospital.Domain.Visits;

namespace Hospital.Domain.Billing;

/// <summary>The charge line of a prescribed drug, beside <see cref="ServiceCharge"/>: billing and the pharmacy price drugs the same way.</summary>
public static class DrugCharge
{
    /// <summary>
    /// The price of a drug for the visit kind: on a BHYT visit the fund recognises the drug price
    /// (DON_GIA_BH) at its payment rate (TYLE_TT_BH) when the drug is in the fund's list; otherwise,
    /// and on fee-paying or free visits, the hospital price with no BHYT part (as <see cref="ServiceCharge"/>).
    /// </summary>
    public static Charge For(Visit visit, Drug drug, decimal quantity, string user, int? staffId, DateTime utcNow)
    {
        var bhyt = visit.Kind == VisitKind.Bhyt && drug.CoveredByBhyt;
        return new Charge
        {
            Visit = visit,
            ItemKind = ChargeItemKind.Drug,
            DrugId = drug.Id,
            ItemCode = drug.Code,
            ItemName = drug.Name,
            Unit = drug.Unit,
            CostGroup = drug.CostGroup,
            Quantity = quantity,
            UnitPrice = drug.Price,
            BhytUnitPrice = bhyt ? drug.Price : null,
            BhytPayableRatio = bhyt ? drug.BhytPaymentRate : 100,
            DepartmentId = visit.DepartmentId,
            OrderedBy = user,
            OrderingStaffId = staffId,
            OrderedAt = utcNow,
        };
    }
}
