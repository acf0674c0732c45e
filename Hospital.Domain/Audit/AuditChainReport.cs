namespace Hospital.Domain.Audit;

public enum AuditChainBreak
{
    /// <summary>The row's content no longer gives its stored hash: it was edited after it was written.</summary>
    ContentChanged,
    /// <summary>The row does not name the row before it: a row was removed, inserted or reordered (or the one before was edited and re-hashed).</summary>
    LinkBroken,
}

/// <summary>Result of walking the audit chain: intact, or the first row where it breaks.</summary>
public sealed record AuditChainReport(long RowsChecked, long? BrokenRowId, AuditChainBreak? Break)
{
    public bool IsIntact => BrokenRowId is null;

    public static AuditChainReport Intact(long rows) => new(rows, null, null);

    /// <summary>The message for an administrator: a Vietnamese template (a resource key for other languages) and its argument.</summary>
    public (string Template, long Argument) Message => Break switch
    {
        null => ("Chuỗi nhật ký toàn vẹn: đã kiểm tra {0} dòng.", RowsChecked),
        AuditChainBreak.ContentChanged =>
            ("Chuỗi nhật ký bị phá vỡ tại dòng #{0}: nội dung dòng đã bị sửa sau khi ghi (mã băm không khớp).", BrokenRowId!.Value),
        _ => ("Chuỗi nhật ký bị phá vỡ tại dòng #{0}: dòng không nối với dòng trước nó (một dòng đã bị xóa, chèn, đổi thứ tự, hoặc dòng trước đã bị sửa).", BrokenRowId!.Value),
    };

    public string Describe() => string.Format(System.Globalization.CultureInfo.InvariantCulture, Message.Template, Message.Argument);
}
