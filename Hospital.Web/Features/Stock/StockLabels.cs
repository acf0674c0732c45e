using Hospital.Domain.Pharmacy;

namespace Hospital.Web.Features.Stock;

/// <summary>Vietnamese names of the stock enums, as the screens and messages show them (localized with L[…] on screens).</summary>
public static class StockLabels
{
    public static string Transfer(StockTransferStatus status) => status switch
    {
        StockTransferStatus.Requested => "Chờ duyệt",
        StockTransferStatus.Approved => "Đã xuất, chờ nhận",
        StockTransferStatus.Received => "Đã nhận",
        StockTransferStatus.Refused => "Từ chối",
        _ => status.ToString(),
    };

    public static string TransferCss(StockTransferStatus status) => status switch
    {
        StockTransferStatus.Requested => "text-bg-warning",
        StockTransferStatus.Approved => "text-bg-info",
        StockTransferStatus.Received => "text-bg-success",
        _ => "text-bg-secondary",
    };

    public static string Count(StockCountStatus status) => status switch
    {
        StockCountStatus.Open => "Đang kiểm",
        StockCountStatus.Posted => "Đã ghi sổ",
        StockCountStatus.Cancelled => "Đã hủy",
        _ => status.ToString(),
    };

    public static string Movement(StockMovementKind kind) => kind switch
    {
        StockMovementKind.Receipt => "Nhập từ nhà cung cấp",
        StockMovementKind.TransferOut => "Xuất chuyển kho",
        StockMovementKind.TransferIn => "Nhập chuyển kho",
        StockMovementKind.Dispense => "Cấp phát cho người bệnh",
        StockMovementKind.DispenseReturn => "Người bệnh trả lại",
        StockMovementKind.SupplierReturn => "Trả nhà cung cấp",
        StockMovementKind.Loss => "Hư hỏng, mất",
        StockMovementKind.Disposal => "Hủy",
        StockMovementKind.CountAdjustment => "Điều chỉnh kiểm kê",
        _ => kind.ToString(),
    };

    /// <summary>The kinds a phiếu xuất khác may have.</summary>
    public static readonly StockMovementKind[] WriteOffKinds = [StockMovementKind.SupplierReturn, StockMovementKind.Loss, StockMovementKind.Disposal];

    public static string Store(StoreKind kind) => kind switch
    {
        StoreKind.Main => "Kho chính",
        StoreKind.Dispensary => "Kho cấp phát ngoại trú",
        StoreKind.WardCabinet => "Tủ trực khoa",
        _ => kind.ToString(),
    };
}
