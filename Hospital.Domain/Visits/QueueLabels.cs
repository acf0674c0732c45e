namespace Hospital.Domain.Visits;

/// <summary>Vietnamese labels (the UI translates them as resource keys) and stable API names of ticket states.</summary>
public static class TicketStatuses
{
    public static string Label(TicketStatus status) => status switch
    {
        TicketStatus.Waiting => "Đang chờ",
        TicketStatus.Called => "Đang gọi",
        TicketStatus.InExam => "Đang khám",
        TicketStatus.Skipped => "Bỏ qua",
        TicketStatus.Done => "Đã khám xong",
        TicketStatus.Cancelled => "Đã hủy",
        _ => status.ToString(),
    };

    /// <summary>Lower-case names used by the JSON API; part of the API contract, never renamed.</summary>
    public static string ApiName(TicketStatus status) => status switch
    {
        TicketStatus.Waiting => "waiting",
        TicketStatus.Called => "called",
        TicketStatus.InExam => "in-exam",
        TicketStatus.Skipped => "skipped",
        TicketStatus.Done => "done",
        TicketStatus.Cancelled => "cancelled",
        _ => status.ToString().ToLowerInvariant(),
    };
}

/// <summary>Labels and API names of the priority groups (Luật KBCB 15/2023/QH15 Điều 3 khoản 2).</summary>
public static class PriorityGroups
{
    /// <summary>Short badge text for the queue page, the board and the ticket; null for ordinary patients.</summary>
    public static string? Badge(PriorityGroup group) => group switch
    {
        PriorityGroup.Emergency => "Cấp cứu",
        PriorityGroup.ChildUnder6 => "Trẻ < 6 tuổi",
        PriorityGroup.Pregnant => "Phụ nữ có thai",
        PriorityGroup.SevereDisability => "Khuyết tật nặng",
        PriorityGroup.Aged75 => "≥ 75 tuổi",
        PriorityGroup.MeritoriousPerson => "Người có công",
        _ => null,
    };

    /// <summary>Lower-case names used by the JSON API; part of the API contract, never renamed.</summary>
    public static string ApiName(PriorityGroup group) => group switch
    {
        PriorityGroup.Emergency => "emergency",
        PriorityGroup.ChildUnder6 => "child-under-6",
        PriorityGroup.Pregnant => "pregnant",
        PriorityGroup.SevereDisability => "severe-disability",
        PriorityGroup.Aged75 => "aged-75",
        PriorityGroup.MeritoriousPerson => "meritorious-person",
        _ => "none",
    };

    public static readonly IReadOnlyList<string> ApiNames =
        [.. Enum.GetValues<PriorityGroup>().Select(ApiName)];
}
