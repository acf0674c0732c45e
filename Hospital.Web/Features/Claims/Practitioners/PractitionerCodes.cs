using Hospital.Domain.Catalog;
using Hospital.Web.Components.Shared.Tables;

namespace Hospital.Web.Features.Claims.Practitioners;

/// <summary>A staff entry as the practising-certificate list shows it.</summary>
public sealed record PractitionerRow(int Id, string Code, string Name, string? Title, string? Department, string? Certificate, bool IsActive);

/// <summary>
/// The practising-certificate codes (CCHN / GPHN) the facility registers on the BHXH portal: the claim
/// writes them as MA_BAC_SI and NGUOI_THUC_HIEN (bhyt-claims.md §3.3, §3.4), and the portal rejects a
/// row whose code is missing or unregistered. Finance staff keep the list here.
/// </summary>
public static class PractitionerCodes
{
    /// <summary>The longest certificate code the staff table keeps.</summary>
    public const int MaxLength = 50;

    public static readonly TableSorts<Domain.Catalog.Staff> Sorts = new TableSorts<Domain.Catalog.Staff>()
        .Add("code", s => s.Code)
        .Add("name", s => s.SearchKey)
        .Add("cchn", s => s.PracticeCertificateNo);

    public static readonly System.Linq.Expressions.Expression<Func<Domain.Catalog.Staff, PractitionerRow>> Projection =
        s => new PractitionerRow(s.Id, s.Code, s.Name, s.Title, s.Department != null ? s.Department.Name : null, s.PracticeCertificateNo, s.IsActive);

    /// <summary>
    /// The code as stored (trimmed, upper case, inner spaces removed, as on the licence: e.g. 000123/HNO-CCHN),
    /// or the Vietnamese reason it cannot be. Empty clears the code.
    /// </summary>
    public static (string? Code, string? Error) Normalise(string? input)
    {
        var code = string.Concat((input ?? "").Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        if (code.Length == 0) return (null, null);
        if (code.Length > MaxLength) return (null, $"Mã chứng chỉ hành nghề dài tối đa {MaxLength} ký tự.");
        // ';' separates several practitioners in MA_BAC_SI, so one code may not contain it.
        if (code.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '.' or '_')))
            return (null, "Mã chứng chỉ hành nghề chỉ gồm chữ cái không dấu, chữ số và các dấu / - . _");
        return (code, null);
    }
}
