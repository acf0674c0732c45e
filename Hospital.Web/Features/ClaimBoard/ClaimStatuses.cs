using Hospital.Domain.Insurance.Claims;

namespace Hospital.Web.Features.ClaimBoard;

/// <summary>How a claim status is written: its API word (issue 6 API contract), its Vietnamese label and badge colour.</summary>
public static class ClaimStatuses
{
    /// <summary>The statuses on the board and in the API, in the order a claim moves through them.</summary>
    public static readonly IReadOnlyList<ClaimStatus> Board =
        [ClaimStatus.Ready, ClaimStatus.Invalid, ClaimStatus.Sent, ClaimStatus.Accepted, ClaimStatus.Rejected];

    public static string ApiName(ClaimStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>ready|invalid|sent|accepted|rejected (case-insensitive); superseded versions are history, not a board column.</summary>
    public static ClaimStatus? Parse(string? text) =>
        Board.Where(s => string.Equals(ApiName(s), text?.Trim(), StringComparison.OrdinalIgnoreCase)).Select(s => (ClaimStatus?)s).FirstOrDefault();

    public static string Label(ClaimStatus status) => status switch
    {
        ClaimStatus.Ready => "Hợp lệ, chờ gửi",
        ClaimStatus.Invalid => "Có lỗi",
        ClaimStatus.Sent => "Đã gửi, chờ cổng",
        ClaimStatus.Accepted => "Cổng đã tiếp nhận",
        ClaimStatus.Rejected => "Cổng từ chối",
        ClaimStatus.Superseded => "Đã thay bằng phiên bản mới",
        _ => status.ToString(),
    };

    public static string Css(ClaimStatus status) => status switch
    {
        ClaimStatus.Ready => "text-bg-primary",
        ClaimStatus.Invalid => "text-bg-warning",
        ClaimStatus.Sent => "text-bg-info",
        ClaimStatus.Accepted => "text-bg-success",
        ClaimStatus.Rejected => "text-bg-danger",
        _ => "text-bg-secondary",
    };
}
