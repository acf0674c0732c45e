using Hospital.Domain.Lab;
using Hospital.Web.Features.Lab;

namespace Hospital.Web.Features.LabValidation;

/// <summary>Words for result flags and statuses: the API's lowercase words (issue 5 "API contract") and the screen's Vietnamese.</summary>
public static class LabResultNames
{
    /// <summary>
    /// pending|validated|rejected|rerunRequested|released: the status's camelCase name (<see cref="LabNames.Api{T}"/>),
    /// except that a validated result the EMR has is "released". Flags need nothing of their own: <c>LabNames.Api(flag)</c>
    /// gives none|low|high|criticalLow|criticalHigh|abnormal.
    /// </summary>
    public static string Api(LabResultStatus status, DateTime? releasedAt) =>
        status == LabResultStatus.Validated && releasedAt is not null ? "released" : LabNames.Api(status);

    public static string Status(LabResultStatus status, DateTime? releasedAt) => status switch
    {
        LabResultStatus.Validated when releasedAt is not null => "Đã trả kết quả",
        LabResultStatus.Validated => "Đã duyệt",
        LabResultStatus.Rejected => "Đã loại bỏ",
        LabResultStatus.RerunRequested => "Chờ chạy lại",
        _ => "Chờ duyệt",
    };
}
