using Hospital.Domain.Clinical;
using Hospital.Domain.Lab;

namespace Hospital.Web.Features.LabValidation;

/// <summary>Words for result flags and statuses: the API's lowercase words (issue 5 "API contract") and the screen's Vietnamese.</summary>
public static class LabResultNames
{
    /// <summary>none|low|high|criticalLow|criticalHigh|abnormal.</summary>
    public static string Api(ResultFlag flag) => flag switch
    {
        ResultFlag.Low => "low",
        ResultFlag.High => "high",
        ResultFlag.CriticalLow => "criticalLow",
        ResultFlag.CriticalHigh => "criticalHigh",
        ResultFlag.Abnormal => "abnormal",
        _ => "none",
    };

    /// <summary>pending|validated|rejected|rerunRequested|released (a validated result the EMR has is "released").</summary>
    public static string Api(LabResultStatus status, DateTime? releasedAt) => status switch
    {
        LabResultStatus.Validated when releasedAt is not null => "released",
        LabResultStatus.Validated => "validated",
        LabResultStatus.Rejected => "rejected",
        LabResultStatus.RerunRequested => "rerunRequested",
        _ => "pending",
    };

    public static string Status(LabResultStatus status, DateTime? releasedAt) => status switch
    {
        LabResultStatus.Validated when releasedAt is not null => "Đã trả kết quả",
        LabResultStatus.Validated => "Đã duyệt",
        LabResultStatus.Rejected => "Đã loại bỏ",
        LabResultStatus.RerunRequested => "Chờ chạy lại",
        _ => "Chờ duyệt",
    };
}
