using System.Globalization;
using Hospital.Domain.Catalog;
using Hospital.Domain.Common;
using Hospital.Domain.Insurance;
using Hospital.Domain.Patients;

namespace Hospital.Domain.Visits;

/// <summary>The reads and checks before the registration transaction (none of them writes).</summary>
public sealed partial class VisitRegistration
{
    private sealed record PatientFacts(int Id, string Code, DateOnly? DateOfBirth, int BirthYear);

    private sealed record RoomFacts(int Id, string Code, int DepartmentId, MedicalService ExamService);

    private static string D(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The patient, or why no visit may be registered for them.</summary>
    private async Task<(PatientFacts? Patient, VisitRegistrationResult? Refusal)> FindPatientAsync(int patientId, CancellationToken ct)
    {
        var p = await db.Set<Patient>().AsNoTracking().Where(x => x.Id == patientId)
            .Select(x => new { x.Id, x.Code, x.DateOfBirth, x.BirthYear, x.VoidedAt, x.MergedIntoId })
            .FirstOrDefaultAsync(ct);
        if (p is null)
            return (null, VisitRegistrationResult.Fail(VisitRegistrationFailure.NotFound, VisitFields.PatientId, "Không tìm thấy hồ sơ người bệnh."));
        if (p.MergedIntoId is { } survivorId)
        {
            var survivor = await db.Set<Patient>().AsNoTracking().Where(x => x.Id == survivorId).Select(x => x.Code).FirstOrDefaultAsync(ct);
            return (null, VisitRegistrationResult.Fail(VisitRegistrationFailure.Invalid, VisitFields.PatientId,
                $"Hồ sơ {p.Code} đã được gộp vào hồ sơ {survivor}: hãy đăng ký khám cho hồ sơ {survivor}."));
        }
        if (p.VoidedAt is not null)
            return (null, VisitRegistrationResult.Fail(VisitRegistrationFailure.Invalid, VisitFields.PatientId,
                $"Hồ sơ {p.Code} đã bị hủy, không đăng ký khám được."));
        return (new PatientFacts(p.Id, p.Code, p.DateOfBirth, p.BirthYear), null);
    }

    /// <summary>An active exam room valid on the day, with its exam service.</summary>
    private async Task<(RoomFacts? Room, VisitRegistrationResult? Refusal)> FindRoomAsync(VisitRequest request, DateOnly day, CancellationToken ct)
    {
        var code = request.RoomCode?.Trim();
        if (request.RoomId is null && string.IsNullOrEmpty(code))
            return (null, VisitRegistrationResult.Fail(VisitRegistrationFailure.Invalid, VisitFields.Room, "Chọn phòng khám."));
        var query = db.Set<Room>().AsNoTracking().Include(r => r.ExamService).Include(r => r.Department);
        var room = request.RoomId is { } id
            ? await query.FirstOrDefaultAsync(r => r.Id == id, ct)
            : await query.FirstOrDefaultAsync(r => r.Code == code, ct);
        string? problem =
            room is null ? null
            : room.Kind != RoomKind.ExamRoom ? $"{room.Code} – {room.Name} không phải phòng khám."
            : !room.IsValidOn(day) || room.Department is { } dept && !dept.IsValidOn(day) ? $"Phòng khám {room.Code} – {room.Name} đang ngừng hoạt động."
            : room.ExamService is null ? $"Phòng khám {room.Code} chưa được gán dịch vụ khám (công khám); đề nghị quản trị khai báo trong danh mục Phòng."
            : !room.ExamService.IsValidOn(day) ? $"Dịch vụ khám {room.ExamService.Code} của phòng {room.Code} đã ngừng áp dụng; đề nghị quản trị cập nhật danh mục."
            : null;
        if (room is null)
            return (null, VisitRegistrationResult.Fail(VisitRegistrationFailure.NotFound, VisitFields.Room,
                $"Không tìm thấy phòng khám {code ?? request.RoomId?.ToString(CultureInfo.InvariantCulture)}."));
        if (problem is not null)
            return (null, VisitRegistrationResult.Fail(VisitRegistrationFailure.Invalid, VisitFields.Room, problem));
        return (new RoomFacts(room.Id, room.Code, room.DepartmentId, room.ExamService!), null);
    }

    /// <summary>The card to use for a BHYT visit on the day: of the cards valid that day, the one issued last.</summary>
    public static BhytCard? CardFor(IEnumerable<BhytCard> cards, DateOnly day) =>
        cards.Where(c => c.IsValidOn(day)).OrderByDescending(c => c.ValidFrom).ThenByDescending(c => c.Id).FirstOrDefault();

    /// <summary>Why a BHYT visit cannot be registered with the patient's cards on the day, or null.</summary>
    public static string? WhyNoBhyt(IReadOnlyCollection<BhytCard> cards, DateOnly day)
    {
        var live = cards.Where(c => !c.IsVoided()).ToList();
        if (CardFor(live, day) is not null) return null;
        if (live.Count == 0) return "Người bệnh chưa có thẻ BHYT trong hồ sơ: thêm thẻ hoặc đăng ký khám dịch vụ.";
        if (live.Where(c => c.ValidFrom > day).MinBy(c => c.ValidFrom) is { } future)
            return $"Thẻ BHYT {future.Number} có giá trị từ ngày {D(future.ValidFrom)}, chưa dùng được ngày {D(day)}.";
        var expired = live.MaxBy(c => c.ValidTo)!;
        return $"Thẻ BHYT {expired.Number} đã hết hạn ngày {D(expired.ValidTo)}: cập nhật thẻ mới hoặc đăng ký khám dịch vụ.";
    }

    /// <summary>Field checks of the request (no database beyond the ICD-10 lookup).</summary>
    private async Task<Dictionary<string, string>> CheckRequestAsync(VisitRequest request, DateOnly day, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (!Enum.IsDefined(request.Kind)) errors[VisitFields.Kind] = "Chọn hình thức khám: BHYT, dịch vụ hoặc miễn phí.";
        if (request.Reason?.Trim().Length > 500) errors[VisitFields.Reason] = "Lý do khám tối đa 500 ký tự.";
        if (request.Priority is { } p && !Enum.IsDefined(p)) errors[VisitFields.Priority] = "Nhóm ưu tiên không hợp lệ.";
        if (request.Referral is { IsEmpty: false } r)
        {
            var from = r.FromFacilityCode?.Trim() ?? "";
            if (from.Length != 5 || !from.All(char.IsAsciiLetterOrDigit))
                errors[VisitFields.ReferralFromFacilityCode] = "Mã cơ sở KCB chuyển đến phải có đúng 5 ký tự (mã CSKCB).";
            if (string.IsNullOrWhiteSpace(r.Number)) errors[VisitFields.ReferralNumber] = "Nhập số giấy chuyển.";
            else if (r.Number.Trim().Length > 50) errors[VisitFields.ReferralNumber] = "Số giấy chuyển tối đa 50 ký tự.";
            var icd = r.DiagnosisCode?.Trim().ToUpperInvariant() ?? "";
            if (icd.Length == 0) errors[VisitFields.ReferralDiagnosisCode] = "Nhập mã ICD-10 chẩn đoán của nơi chuyển.";
            else if (!await db.Set<Icd10Code>().AsNoTracking().AnyAsync(c => c.Code == icd && c.IsActive, ct))
                errors[VisitFields.ReferralDiagnosisCode] = $"Mã bệnh {icd} không có trong danh mục ICD-10.";
            if (r.DiagnosisText?.Trim().Length > 500) errors[VisitFields.ReferralDiagnosisText] = "Chẩn đoán tối đa 500 ký tự.";
            if (r.Date is null) errors[VisitFields.ReferralDate] = "Nhập ngày chuyển.";
            else if (r.Date > day) errors[VisitFields.ReferralDate] = "Ngày chuyển không được sau ngày hôm nay.";
        }
        return errors;
    }

    /// <summary>The referral as stored: codes upper-cased, an empty diagnosis text taken from the ICD-10 catalog.</summary>
    private async Task<ReferralPaper?> NormalizeReferralAsync(ReferralPaper? r, CancellationToken ct)
    {
        if (r is null || r.IsEmpty) return null;
        var icd = r.DiagnosisCode!.Trim().ToUpperInvariant();
        var text = string.IsNullOrWhiteSpace(r.DiagnosisText)
            ? await db.Set<Icd10Code>().AsNoTracking().Where(c => c.Code == icd).Select(c => c.Name).FirstAsync(ct)
            : r.DiagnosisText.Trim();
        return new ReferralPaper(r.FromFacilityCode!.Trim().ToUpperInvariant(), r.Number!.Trim(), icd, text, r.Date);
    }

    /// <summary>An open visit of the patient in the room on the day (one per patient, room and day).</summary>
    private Task<OpenVisit?> FindOpenVisitAsync(int patientId, int roomId, DateOnly day, CancellationToken ct) =>
        db.Set<Visit>().AsNoTracking()
            .Where(v => v.PatientId == patientId && v.RoomId == roomId && v.VisitDate == day && v.VoidedAt == null
                        && v.Status != VisitStatus.Cancelled && v.Status != VisitStatus.Concluded)
            .Select(v => new OpenVisit(v.Id, v.Code,
                db.Set<QueueTicket>().Where(t => t.VisitId == v.Id).Select(t => (int?)t.Number).FirstOrDefault()))
            .FirstOrDefaultAsync(ct);

    private sealed record OpenVisit(int Id, string Code, int? TicketNumber);

    private static BenefitSituation Situation(FacilitySettings facility, BhytCardCode card, BhytCard stored, DateOnly day,
        bool emergency, bool hasReferral, bool hasAppointmentSlip) =>
        new(day, facility.Level, facility.FormerTier, facility.LevelScore, facility.FacilityCode, card,
            stored.RegisteredFacilityCode, emergency, hasReferral, hasAppointmentSlip);
}
