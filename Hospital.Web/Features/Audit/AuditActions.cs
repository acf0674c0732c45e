using Hospital.Domain.Audit;

namespace Hospital.Web.Features.Audit;

/// <summary>How the audit screen names and colours each action.</summary>
public static class AuditActions
{
    public static readonly IReadOnlyList<(string Action, string Label, string Css)> All =
    [
        (AuditAction.Create, "Tạo mới", "text-bg-success"),
        (AuditAction.Update, "Sửa", "text-bg-primary"),
        (AuditAction.Void, "Hủy bản ghi", "text-bg-warning"),
        (AuditAction.Delete, "Xóa", "text-bg-danger"),
        (AuditAction.Open, "Mở hồ sơ", "text-bg-secondary"),
    ];

    public static string Label(string action) => All.FirstOrDefault(a => a.Action == action).Label ?? action;

    public static string Css(string action) => All.FirstOrDefault(a => a.Action == action).Css ?? "text-bg-light";
}
