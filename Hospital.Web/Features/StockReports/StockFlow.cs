using Hospital.Domain.Pharmacy;

namespace Hospital.Web.Features.StockReports;

/// <summary>The columns of the stock report a ledger movement adds to (báo cáo xuất – nhập – tồn).</summary>
public enum StockFlow
{
    /// <summary>Nhập từ nhà cung cấp.</summary>
    Receipt,
    /// <summary>Nhập chuyển kho (lĩnh từ kho khác).</summary>
    TransferIn,
    /// <summary>Người bệnh hoàn trả thuốc đã cấp.</summary>
    Returned,
    /// <summary>Kiểm kê thừa.</summary>
    CountSurplus,
    /// <summary>Cấp phát theo đơn.</summary>
    Dispensed,
    /// <summary>Xuất chuyển kho.</summary>
    TransferOut,
    /// <summary>Trả nhà cung cấp.</summary>
    SupplierReturn,
    /// <summary>Hư hỏng, mất, hủy.</summary>
    LossOrDisposal,
    /// <summary>Kiểm kê thiếu.</summary>
    CountShortage,
}

public static class StockFlows
{
    public static readonly IReadOnlyList<StockFlow> In = [StockFlow.Receipt, StockFlow.TransferIn, StockFlow.Returned, StockFlow.CountSurplus];
    public static readonly IReadOnlyList<StockFlow> Out =
        [StockFlow.Dispensed, StockFlow.TransferOut, StockFlow.SupplierReturn, StockFlow.LossOrDisposal, StockFlow.CountShortage];

    /// <summary>
    /// The column of a movement. Only a count adjustment goes either way, so its sign decides;
    /// every other kind has one direction.
    /// </summary>
    public static StockFlow Of(StockMovementKind kind, bool positive) => kind switch
    {
        StockMovementKind.Receipt => StockFlow.Receipt,
        StockMovementKind.TransferIn => StockFlow.TransferIn,
        StockMovementKind.DispenseReturn => StockFlow.Returned,
        StockMovementKind.Dispense => StockFlow.Dispensed,
        StockMovementKind.TransferOut => StockFlow.TransferOut,
        StockMovementKind.SupplierReturn => StockFlow.SupplierReturn,
        StockMovementKind.Loss or StockMovementKind.Disposal => StockFlow.LossOrDisposal,
        StockMovementKind.CountAdjustment => positive ? StockFlow.CountSurplus : StockFlow.CountShortage,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool IsIn(StockFlow flow) => flow <= StockFlow.CountSurplus;

    /// <summary>
    /// The TT 20/2017 report of controlled drugs has one "xuất trong kỳ" column (dispensed,
    /// transferred, returned to the supplier) and a separate "hư hao" (lost, destroyed, short at a count).
    /// </summary>
    public static bool IsLoss(StockFlow flow) => flow is StockFlow.LossOrDisposal or StockFlow.CountShortage;
}
