using Hospital.Domain.Outbox;

namespace Hospital.Web.Features.Outbox;

/// <summary>How the outbox screen names and colours each state.</summary>
public static class OutboxStates
{
    public static readonly IReadOnlyList<(OutboxState State, string Label, string Css)> All =
    [
        (OutboxState.Pending, "Chờ gửi", "text-bg-info"),
        (OutboxState.Sent, "Đã gửi", "text-bg-success"),
        (OutboxState.FailedPermanently, "Thất bại", "text-bg-danger"),
        (OutboxState.Cancelled, "Đã hủy", "text-bg-secondary"),
    ];

    public static string Label(OutboxState state) => All.First(s => s.State == state).Label;

    public static string Css(OutboxState state) => All.First(s => s.State == state).Css;
}
