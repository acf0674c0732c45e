using Hospital.Domain.Visits;

namespace Hospital.Web.Features.Visits;

/// <summary>Vietnamese names of the visit's code values as reception says them (keys of the English resource).</summary>
public static class VisitLabels
{
    public static string Kind(VisitKind kind) => kind switch
    {
        VisitKind.Bhyt => "BHYT",
        VisitKind.Fee => "Dịch vụ",
        VisitKind.Free => "Miễn phí",
        _ => kind.ToString(),
    };

    public static string Status(VisitStatus status) => status switch
    {
        VisitStatus.Waiting => "Chờ khám",
        VisitStatus.InExam => "Đang khám",
        VisitStatus.WaitingResults => "Chờ kết quả",
        VisitStatus.Concluded => "Đã kết thúc",
        VisitStatus.Cancelled => "Đã hủy",
        _ => status.ToString(),
    };

    public static string StatusCss(VisitStatus status) => status switch
    {
        VisitStatus.Waiting => "text-bg-primary",
        VisitStatus.InExam or VisitStatus.WaitingResults => "text-bg-info",
        VisitStatus.Concluded => "text-bg-success",
        _ => "text-bg-secondary",
    };

    public static string Priority(PriorityGroup group) => group switch
    {
        PriorityGroup.None => "Không ưu tiên",
        PriorityGroup.Emergency => "Cấp cứu",
        PriorityGroup.ChildUnder6 => "Trẻ em dưới 6 tuổi",
        PriorityGroup.Pregnant => "Phụ nữ có thai",
        PriorityGroup.SevereDisability => "Người khuyết tật nặng, đặc biệt nặng",
        PriorityGroup.Aged75 => "Người từ đủ 75 tuổi",
        PriorityGroup.MeritoriousPerson => "Người có công với cách mạng",
        _ => group.ToString(),
    };

    public static string Presentation(CardPresentation p) => p switch
    {
        CardPresentation.BhytCard => "Thẻ BHYT",
        CardPresentation.ChipCccd => "CCCD gắn chip",
        CardPresentation.VneId => "VNeID",
        CardPresentation.VssId => "VssID",
        CardPresentation.PaperOrNumber => "Giấy tờ khác / mã số",
        _ => "",
    };

    public static string CardCheck(CardCheckState state) => state switch
    {
        CardCheckState.Unchecked => "thẻ chưa kiểm tra",
        CardCheckState.Valid => "Thẻ hợp lệ",
        CardCheckState.Rejected => "Thẻ bị từ chối",
        _ => "",
    };

    public static string CardCheckCss(CardCheckState state) => state switch
    {
        CardCheckState.Unchecked => "text-bg-warning",
        CardCheckState.Valid => "text-bg-success",
        CardCheckState.Rejected => "text-bg-danger",
        _ => "text-bg-light",
    };

    public static string TicketStatus(TicketStatus status) => status switch
    {
        Domain.Visits.TicketStatus.Waiting => "Đang chờ",
        Domain.Visits.TicketStatus.Called => "Đã gọi",
        Domain.Visits.TicketStatus.InExam => "Đang khám",
        Domain.Visits.TicketStatus.Skipped => "Bỏ qua",
        Domain.Visits.TicketStatus.Done => "Đã khám",
        Domain.Visits.TicketStatus.Cancelled => "Đã hủy",
        _ => status.ToString(),
    };
}
