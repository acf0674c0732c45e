using Hospital.Domain.Clinical;

namespace Hospital.Web.Features.Orders;

/// <summary>Vietnamese names of order states and kinds (keys of the shared resource).</summary>
public static class OrderLabels
{
    public static string Status(OrderStatus status) => status switch
    {
        OrderStatus.Ordered => "Đã chỉ định",
        OrderStatus.InProgress => "Đang thực hiện",
        OrderStatus.Performed => "Đã có kết quả",
        OrderStatus.Cancelled => "Đã hủy",
        _ => status.ToString(),
    };

    public static string StatusCss(OrderStatus status) => status switch
    {
        OrderStatus.Ordered => "text-bg-secondary",
        OrderStatus.InProgress => "text-bg-info",
        OrderStatus.Performed => "text-bg-success",
        _ => "text-bg-light text-decoration-line-through",
    };

    public static string Kind(OrderKind kind) => kind switch
    {
        OrderKind.Lab => "Xét nghiệm",
        OrderKind.Imaging => "Chẩn đoán hình ảnh",
        OrderKind.FunctionalTest => "Thăm dò chức năng",
        OrderKind.Procedure => "Thủ thuật",
        _ => "Dịch vụ khác",
    };

    /// <summary>H/L marks printed next to a lab value (and why it is highlighted).</summary>
    public static string Flag(ResultFlag flag) => flag switch
    {
        ResultFlag.Low => "L",
        ResultFlag.High => "H",
        ResultFlag.CriticalLow => "LL",
        ResultFlag.CriticalHigh => "HH",
        ResultFlag.Abnormal => "*",
        _ => "",
    };

    public static string FlagCss(ResultFlag flag) => flag switch
    {
        ResultFlag.CriticalLow or ResultFlag.CriticalHigh => "text-bg-danger",
        ResultFlag.None => "",
        _ => "text-bg-warning",
    };
}
