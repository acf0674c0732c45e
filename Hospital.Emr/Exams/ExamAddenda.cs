using Hospital.Domain.Clinical;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Emr.Documents;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Emr.Exams;

/// <summary>
/// Bổ sung hồ sơ: after conclusion the record itself never changes; the doctor writes an addendum
/// with a reason, and it is signed as the next version of the exam-record document (the reason is
/// the version's correction reason), while the earlier versions stay retrievable (TT 13/2025 Đ3;
/// Luật KCB 2023 Đ7 k10). The addendum and its document land in one transaction.
/// </summary>
public sealed class ExamAddenda(HospitalDbContext db, TimeProvider clock, IClinicalDocumentIssuer issuer)
{
    public async Task<(ExamAddendum? Addendum, IReadOnlyList<FieldError> Errors)> AddAsync(
        int visitId, string? text, string? reason, string? signingPassword, string user, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        text = text?.Trim();
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(text)) errors.Add(new("addendumText", "Nhập nội dung bổ sung."));
        else if (text.Length > 4000) errors.Add(new("addendumText", "Nội dung bổ sung dài quá 4000 ký tự."));
        if (string.IsNullOrEmpty(reason)) errors.Add(new("addendumReason", "Nhập lý do bổ sung."));
        else if (reason.Length > 500) errors.Add(new("addendumReason", "Lý do bổ sung dài quá 500 ký tự."));
        if (string.IsNullOrEmpty(signingPassword)) errors.Add(new("addendumPassword", "Nhập mật khẩu chữ ký số để ký phiếu bổ sung."));
        var exam = await db.Set<ExamRecord>().AsNoTracking().FirstOrDefaultAsync(e => e.VisitId == visitId, ct);
        if (exam is not { Status: ExamStatus.Concluded })
            errors.Add(new("", "Chỉ ghi bổ sung cho hồ sơ đã kết thúc khám; hồ sơ đang khám thì sửa trực tiếp."));
        if (errors.Count > 0) return (null, errors);

        var addendum = new ExamAddendum
        {
            ExamRecordId = exam!.Id,
            Text = text!,
            Reason = reason!,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = user,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            db.Add(addendum);
            var document = await issuer.AddSignedAsync(db,
                new DocumentToSign(ClinicalDocumentKind.ExamRecord, visitId, exam.Id, CorrectionReason: reason), signingPassword!, ct);
            await db.SaveChangesAsync(ct);
            // The document's id exists only once it is inserted.
            addendum.DocumentId = document.Id;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return (addendum, []);
        }
        catch (DomainException e)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return (null, [new("", e.Message)]);
        }
    }
}
