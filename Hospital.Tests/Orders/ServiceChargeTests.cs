using Hospital.Domain.Billing;
using Hospital.Domain.Catalog;
using Hospital.Domain.Clinical;
using Hospital.Domain.Visits;

namespace Hospital.Tests.Orders;

/// <summary>The price of a service for the visit kind (exam fee and orders alike), and the order kind of a cost group.</summary>
public sealed class ServiceChargeTests
{
    [Theory]
    [InlineData(VisitKind.Bhyt, 30_000.0, 30_000.0, 30_000.0)]
    [InlineData(VisitKind.Bhyt, null, 50_000.0, null)] // outside the fund's scope: hospital price, no DON_GIA_BH
    [InlineData(VisitKind.Fee, 30_000.0, 50_000.0, null)]
    [InlineData(VisitKind.Free, 30_000.0, 50_000.0, null)] // the cost is real; billing waives the patient's part
    public void Price_follows_the_visit_kind(VisitKind kind, double? bhytPrice, double unitPrice, double? bhytUnitPrice)
    {
        var service = new MedicalService { Id = 7, Code = "23.0075.1494", Name = "Định lượng Glucose [Máu]", CostGroup = BhytCostGroup.Lab,
            Price = 50_000, BhytPrice = (decimal?)bhytPrice };
        var now = new DateTime(2026, 11, 22, 2, 0, 0, DateTimeKind.Utc);

        var charge = ServiceCharge.For(new Visit { Kind = kind }, service, 3, "doctor", now, orderingStaffId: 12);

        Assert.Equal((decimal)unitPrice, charge.UnitPrice);
        Assert.Equal((decimal?)bhytUnitPrice, charge.BhytUnitPrice);
        Assert.Equal((1m, 100m, BhytCostGroup.Lab, 3, 12, now), (charge.Quantity, charge.BhytPayableRatio, charge.CostGroup, charge.DepartmentId, charge.OrderingStaffId, charge.OrderedAt));
        Assert.Equal(("23.0075.1494", 7), (charge.ItemCode, charge.ServiceId));
    }

    [Theory]
    [InlineData(BhytCostGroup.Lab, OrderKind.Lab)]
    [InlineData(BhytCostGroup.Imaging, OrderKind.Imaging)]
    [InlineData(BhytCostGroup.FunctionalTest, OrderKind.FunctionalTest)]
    [InlineData(BhytCostGroup.Procedure, OrderKind.Procedure)]
    [InlineData(BhytCostGroup.Surgery, OrderKind.Procedure)]
    [InlineData(BhytCostGroup.Blood, OrderKind.Other)]
    public void Order_kind_follows_the_cost_group(BhytCostGroup group, OrderKind kind) => Assert.Equal(kind, ServiceOrder.KindOf(group));
}
