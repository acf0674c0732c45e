using Hospital.Domain.Clinical;

namespace Hospital.Emr.Prescriptions;

/// <summary>How the national e-prescription status is written on screens, the board and the printed prescription.</summary>
public static class NationalStatusText
{
    public static string Label(NationalPrescriptionStatus status) => status switch
    {
        NationalPrescriptionStatus.Sent => "Đã gửi",
        NationalPrescriptionStatus.Rejected => "Bị từ chối",
        NationalPrescriptionStatus.Cancelled => "Đã hủy",
        _ => "Chưa gửi",
    };

    /// <summary>Lower-case word for the API and filters: notSent, sent, rejected, cancelled.</summary>
    public static string ApiName(NationalPrescriptionStatus status) => status switch
    {
        NationalPrescriptionStatus.NotSent => "notSent",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static NationalPrescriptionStatus? Parse(string? text) =>
        Enum.GetValues<NationalPrescriptionStatus>().Where(s => string.Equals(ApiName(s), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(s => (NationalPrescriptionStatus?)s).FirstOrDefault();

    public static string Css(NationalPrescriptionStatus status) => status switch
    {
        NationalPrescriptionStatus.Sent => "text-bg-success",
        NationalPrescriptionStatus.Rejected => "text-bg-danger",
        NationalPrescriptionStatus.Cancelled => "text-bg-secondary",
        _ => "text-bg-warning",
    };
}
