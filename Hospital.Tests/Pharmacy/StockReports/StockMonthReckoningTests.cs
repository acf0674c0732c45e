using Hospital.Domain.Pharmacy;
using Hospital.Web.Features.StockReports;

namespace Hospital.Tests.Pharmacy.StockReports;

/// <summary>The month worked back from what is on hand: which column each movement lands in and the arithmetic.</summary>
public sealed class StockMonthReckoningTests
{
    [Theory]
    [InlineData(StockMovementKind.Receipt, true, StockFlow.Receipt)]
    [InlineData(StockMovementKind.TransferIn, true, StockFlow.TransferIn)]
    [InlineData(StockMovementKind.DispenseReturn, true, StockFlow.Returned)]
    [InlineData(StockMovementKind.CountAdjustment, true, StockFlow.CountSurplus)]
    [InlineData(StockMovementKind.CountAdjustment, false, StockFlow.CountShortage)]
    [InlineData(StockMovementKind.Dispense, false, StockFlow.Dispensed)]
    [InlineData(StockMovementKind.TransferOut, false, StockFlow.TransferOut)]
    [InlineData(StockMovementKind.SupplierReturn, false, StockFlow.SupplierReturn)]
    [InlineData(StockMovementKind.Loss, false, StockFlow.LossOrDisposal)]
    [InlineData(StockMovementKind.Disposal, false, StockFlow.LossOrDisposal)]
    public void Each_movement_kind_has_its_column(StockMovementKind kind, bool positive, StockFlow flow)
    {
        Assert.Equal(flow, StockFlows.Of(kind, positive));
        Assert.Equal(positive, StockFlows.IsIn(flow));
    }

    [Fact]
    public void Opening_and_closing_come_back_from_the_balance_through_the_later_and_the_month_rows()
    {
        // Now 70 at 1,000; after the month: 20 received, 5 dispensed; in it: 50 received, 30 dispensed, 1 short at the count.
        var months = StockMonthReckoning.Reckon(
            [new LotNow(1, 9, 70, 70_000)],
            [
                new LedgerSum(1, 9, StockMovementKind.Receipt, true, AfterMonth: true, 20, 20_000),
                new LedgerSum(1, 9, StockMovementKind.Dispense, false, AfterMonth: true, -5, -5_000),
                new LedgerSum(1, 9, StockMovementKind.Receipt, true, AfterMonth: false, 50, 50_000),
                new LedgerSum(1, 9, StockMovementKind.Dispense, false, AfterMonth: false, -30, -30_000),
                new LedgerSum(1, 9, StockMovementKind.CountAdjustment, false, AfterMonth: false, -1, -1_000),
            ]);

        var lot = Assert.Single(months);
        Assert.Equal(new StockAmount(55, 55_000), lot.Closing);
        Assert.Equal(new StockAmount(36, 36_000), lot.Opening);
        Assert.Equal(new StockAmount(30, 30_000), lot.Flows[StockFlow.Dispensed]);
        Assert.Equal(new StockAmount(1, 1_000), lot.Flows[StockFlow.CountShortage]);
    }

    [Fact]
    public void A_lot_with_nothing_before_during_or_at_the_end_of_the_month_is_left_out()
    {
        // Received after the month and all dispensed: it did not exist in the month.
        var months = StockMonthReckoning.Reckon([],
        [
            new LedgerSum(2, 9, StockMovementKind.Receipt, true, AfterMonth: true, 10, 10_000),
            new LedgerSum(2, 9, StockMovementKind.Dispense, false, AfterMonth: true, -10, -10_000),
        ]);
        Assert.Empty(months);
    }
}
