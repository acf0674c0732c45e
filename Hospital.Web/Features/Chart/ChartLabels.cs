using Hospital.Domain.Clinical;

namespace Hospital.Web.Features.Chart;

/// <summary>Vietnamese names of clinical code values on the chart (keys of the English resource).</summary>
public static class ChartLabels
{
    public static string DocumentKind(ClinicalDocumentKind kind) => kind switch
    {
        ClinicalDocumentKind.ExamRecord => "Phiếu khám bệnh",
        ClinicalDocumentKind.Prescription => "Đơn thuốc",
        ClinicalDocumentKind.Referral => "Giấy chuyển tuyến",
        _ => kind.ToString(),
    };

    public static string OrderKind(OrderKind kind) => kind switch
    {
        Hospital.Domain.Clinical.OrderKind.Lab => "Xét nghiệm",
        Hospital.Domain.Clinical.OrderKind.Imaging => "Chẩn đoán hình ảnh",
        Hospital.Domain.Clinical.OrderKind.FunctionalTest => "Thăm dò chức năng",
        Hospital.Domain.Clinical.OrderKind.Procedure => "Thủ thuật",
        _ => "Dịch vụ khác",
    };

    public static string OrderStatus(OrderStatus status) => status switch
    {
        Hospital.Domain.Clinical.OrderStatus.Ordered => "Đã chỉ định",
        Hospital.Domain.Clinical.OrderStatus.InProgress => "Đang thực hiện",
        Hospital.Domain.Clinical.OrderStatus.Performed => "Đã có kết quả",
        _ => "Đã hủy",
    };

    public static string ExamStatus(ExamStatus? status) => status switch
    {
        Hospital.Domain.Clinical.ExamStatus.Draft => "Đang khám (nháp)",
        Hospital.Domain.Clinical.ExamStatus.Concluded => "Đã kết luận",
        _ => "Chưa khám",
    };

    /// <summary>The flag as the lab report prints it (H/L, critical with a double mark).</summary>
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
