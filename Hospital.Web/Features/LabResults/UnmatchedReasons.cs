using Hospital.Domain.Lab;

namespace Hospital.Web.Features.LabResults;

/// <summary>Why a result is in the unmatched queue, as the technician reads it (keys of <c>L[...]</c>).</summary>
public static class UnmatchedReasons
{
    public static string Text(UnmatchedReason reason) => reason switch
    {
        UnmatchedReason.UnknownSpecimen => "Không tìm thấy ống mẫu",
        UnmatchedReason.UnmappedCode => "Mã xét nghiệm chưa ánh xạ",
        UnmatchedReason.NotOrdered => "Xét nghiệm không được chỉ định",
        _ => reason.ToString(),
    };

    /// <summary>Machine-readable reason for the page's data attributes (tests, browser tests).</summary>
    public static string Key(UnmatchedReason reason) => reason switch
    {
        UnmatchedReason.UnknownSpecimen => "unknown-specimen",
        UnmatchedReason.UnmappedCode => "unmapped-code",
        UnmatchedReason.NotOrdered => "not-ordered",
        _ => reason.ToString(),
    };
}
