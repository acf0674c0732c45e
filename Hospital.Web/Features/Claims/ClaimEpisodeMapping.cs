using System.Globalization;
using Hospital.Domain.Billing;
using Hospital.Domain.Clinical;
using Hospital.Domain.Patients;
using Hospital.Domain.Visits;
using Hospital.Emr.Exams;
using Hospital.Integration.Bhxh.Claims;
using Hospital.Web.Features.Billing;
using Hospital.Web.Platform;

namespace Hospital.Web.Features.Claims;

/// <summary>What the mapping needs besides the batch: the facility code, departments' BHYT codes and the address formatter.</summary>
public sealed record ClaimContext(
    string FacilityCode, IReadOnlyDictionary<int, string> DepartmentCodes, Func<string?, string?, string?, string> Address, DateTime UtcNow);

/// <summary>
/// Turns one visit of a <see cref="ClaimSourceBatch"/> into its <see cref="ClaimEpisode"/>: the real data,
/// no placeholders. An outpatient visit is MA_LOAI_KCB 01 (khám bệnh): SO_NGAY_DTRI 0, no XML5; its
/// end (NGAY_RA) is when the exam was concluded; a referral out adds XML13, a re-exam date XML14.
/// Missing data stays missing, for the validator to name.
/// </summary>
public static class ClaimEpisodeMapping
{
    /// <summary>MA_QUOCTICH of Việt Nam in the TT 07/2016/TT-BCA list as vendors send it ⚠ (our patients store null for Vietnamese).</summary>
    public const string VietnamNationality = "000";
    public const string OutpatientExam = "01";

    public static ClaimEpisode Map(ClaimSourceBatch batch, int visitId, ClaimContext ctx)
    {
        var split = batch.Coverage[visitId];
        var visit = split.Visit;
        var patient = visit.Patient!;
        var exam = batch.Exams.GetValueOrDefault(visitId);
        var card = visit.BhytCardId is { } cardId ? batch.Cards.GetValueOrDefault(cardId) : null;
        var doctor = exam?.DoctorStaffId is { } d ? batch.Staff.GetValueOrDefault(d) : null;
        var end = exam?.ConcludedAt is { } at ? VietnamTime.ToLocal(at) : VietnamTime.ToLocal(ctx.UtcNow);
        var mucHuong = split.Coverage.MucHuong;

        var drugs = new List<ClaimDrugRow>();
        var services = new List<ClaimServiceRow>();
        var results = new List<ClaimResultRow>();
        foreach (var line in split.Lines)
        {
            var c = line.Charge;
            var money = Money(line, mucHuong);
            var orderingId = c.OrderingStaffId ?? exam?.DoctorStaffId;
            var department = c.DepartmentId is { } dept ? ctx.DepartmentCodes.GetValueOrDefault(dept) : ctx.DepartmentCodes.GetValueOrDefault(visit.DepartmentId);
            var inScope = c.BhytUnitPrice is not null;
            if (c.ItemKind == ChargeItemKind.Drug)
            {
                var info = c.DrugId is { } drugId ? batch.Drugs.GetValueOrDefault(drugId) : null;
                var rx = batch.PrescriptionLines.GetValueOrDefault(c.Id);
                drugs.Add(new ClaimDrugRow
                {
                    Stt = drugs.Count + 1, MaThuoc = c.ItemCode, MaNhom = (int)c.CostGroup, TenThuoc = c.ItemName, DonViTinh = c.Unit,
                    HamLuong = info?.Strength, DuongDung = info?.RouteCode, LieuDung = rx is null ? null : Dose(rx), CachDung = rx?.Usage,
                    SoDangKy = info?.RegistrationNo?.Replace(" ", "", StringComparison.Ordinal),
                    DangBaoChe = info?.DosageForm, TtThau = info?.TenderReference,
                    PhamVi = inScope ? 1 : 2, TyleTtBh = inScope ? c.BhytPayableRatio : 0,
                    SoLuong = c.Quantity, DonGia = c.UnitPrice, Money = money, MaKhoa = department,
                    MaBacSi = Certificate(batch, orderingId), NgayYl = VietnamTime.ToLocal(c.OrderedAt),
                    ChargeId = c.Id, OrderingStaffId = orderingId,
                });
                continue;
            }
            var order = batch.Orders.GetValueOrDefault(c.Id);
            var supply = c.ItemKind == ChargeItemKind.Supply;
            var supplyCode = supply && c.SupplyId is { } supplyId ? batch.SupplyCodes.GetValueOrDefault(supplyId) : null;
            var performerId = c.PerformingStaffId ?? (c.CostGroup == Domain.Catalog.BhytCostGroup.Exam ? exam?.DoctorStaffId : null);
            services.Add(new ClaimServiceRow
            {
                Stt = services.Count + 1, IsSupply = supply,
                MaDichVu = supply ? null : c.ItemCode, TenDichVu = supply ? null : c.ItemName,
                MaVatTu = supply ? supplyCode ?? c.ItemCode : null, TenVatTu = supply ? c.ItemName : null,
                MaNhom = (int)c.CostGroup, DonViTinh = c.Unit, PhamVi = inScope ? 1 : 2,
                SoLuong = c.Quantity, DonGiaBv = c.UnitPrice, DonGiaBh = c.BhytUnitPrice, TyleTtBh = inScope ? c.BhytPayableRatio : 0,
                Money = money, MaKhoa = department,
                MaBacSi = Certificate(batch, orderingId), NguoiThucHien = Certificate(batch, performerId),
                NgayYl = VietnamTime.ToLocal(c.OrderedAt), NgayThYl = Local(c.PerformedAt), NgayKq = Local(order?.PerformedAt),
                ChargeId = c.Id, OrderingStaffId = orderingId, PerformingStaffId = performerId,
            });
            if (order is not null) AddResults(results, c, order, Certificate(batch, performerId));
        }

        var secondary = PrimaryDiagnosisRules.SplitCodes(exam?.SecondaryDiagnosisCodes);
        var diagnosis = JoinText(exam?.PrimaryDiagnosisText, exam?.SecondaryDiagnosisText);
        var referOut = exam?.Disposition == ExamDisposition.ReferOut;
        var drugTotal = drugs.Sum(r => r.Money.ThanhTienBv);
        var all = drugs.Select(r => r.Money).Concat(services.Select(r => r.Money)).ToList();
        var summary = new ClaimSummary
        {
            MaLk = visit.MaLk, MaBn = patient.Code, HoTen = patient.FullName, SoCccd = patient.Cccd,
            NgaySinh = patient.DateOfBirth, NamSinh = patient.BirthYear, GioiTinh = (int)patient.Sex,
            MaQuocTich = patient.NationalityCode ?? VietnamNationality, MaDanToc = patient.EthnicityCode,
            MaNgheNghiep = patient.OccupationCode ?? "00000",
            DiaChi = ctx.Address(patient.AddressLine, patient.CommuneCode, patient.ProvinceCode),
            MaTinhCuTru = patient.ProvinceCode, MaXaCuTru = patient.CommuneCode, DienThoai = patient.Phone ?? patient.GuardianPhone,
            MaTheBhyt = visit.CardNumber, MaDkbd = visit.CardRegisteredFacilityCode, GtTheTu = visit.CardValidFrom, GtTheDen = visit.CardValidTo,
            LyDoVv = visit.Reason ?? exam?.Reason, ChanDoanVao = exam?.PrimaryDiagnosisText, ChanDoanRv = diagnosis,
            MaBenhChinh = exam?.PrimaryDiagnosisCode, MaBenhKt = secondary.Count == 0 ? null : string.Join(';', secondary),
            MaDoiTuongKcb = visit.BenefitCategoryCode,
            MaNoiDi = visit.ReferralFromFacilityCode, MaNoiDen = referOut ? exam!.ReferToFacilityCode : null,
            NgayVao = VietnamTime.ToLocal(visit.RegisteredAt), NgayRa = end, GiayChuyenTuyen = visit.ReferralNumber,
            SoNgayDtri = 0, PpDieuTri = exam?.TreatmentPlan, KetQuaDtri = exam?.OutcomeCode,
            MaLoaiRv = referOut ? (exam!.ReferralReasonCode == 2 ? 5 : 2) : 1, GhiChu = exam?.FollowUpNote,
            NgayTtoan = batch.PaidAt.TryGetValue(visitId, out var paid) ? VietnamTime.ToLocal(paid) : null,
            TThuoc = drugTotal,
            TVtyt = services.Where(r => ClaimCodeLists.IsSupplyGroup(r.MaNhom)).Sum(r => r.Money.ThanhTienBv),
            TTongChiBv = all.Sum(m => m.ThanhTienBv), TTongChiBh = all.Sum(m => m.ThanhTienBh),
            TBntt = all.Sum(m => m.TBntt), TBncct = all.Sum(m => m.TBncct), TBhtt = all.Sum(m => m.TBhtt),
            TNguonKhac = all.Sum(m => m.TNguonKhac), TBhttGdv = all.Sum(m => m.TBhtt),
            NamQt = split.EndDate.Year, ThangQt = split.EndDate.Month, MaLoaiKcb = OutpatientExam,
            MaKhoa = ctx.DepartmentCodes.GetValueOrDefault(visit.DepartmentId), MaCskcb = ctx.FacilityCode,
            MaKhuVuc = card?.AreaCode, CanNang = batch.Weights.TryGetValue(visitId, out var kg) ? kg : null,
            NamNamLienTuc = card?.FiveYearsContinuousFrom,
            NgayTaiKham = exam?.FollowUpDate is { } next ? next.ToString("yyyyMMdd", CultureInfo.InvariantCulture) : null,
            MaHsba = visit.Code,
        };
        var doctorCode = doctor?.Certificate;
        return new ClaimEpisode
        {
            Summary = summary, Drugs = drugs, Services = services, Results = results,
            Referral = referOut ? new ClaimReferralPaper
            {
                SoChuyenTuyen = visit.Code, SoHoSo = visit.Code, MaCskcbDi = ctx.FacilityCode, MaCskcbDen = exam!.ReferToFacilityCode ?? "",
                DauHieuLs = exam.ReferralClinicalSummary, QtBenhLy = exam.PresentIllness, TomTatKq = exam.Conclusion,
                TinhTrangCt = exam.ReferralConditionAtTransfer, MaLyDoCt = exam.ReferralReasonCode, HuongDieuTri = exam.ReferralTreatmentGiven,
                PhuongTienVc = exam.ReferralTransport, HoTenNguoiHt = doctor?.Name, MaBacSi = doctorCode,
            } : null,
            Appointment = exam?.FollowUpDate is { } on ? new ClaimAppointmentPaper
            {
                SoGiayHenKl = visit.Code, NgayHenKl = on, MaBacSi = doctorCode, NgayCt = DateOnly.FromDateTime(end),
            } : null,
            Sources = new ClaimSources(visit.Id, patient.Id, exam?.Id, exam?.DoctorStaffId, visit.DepartmentId),
        };
    }

    /// <summary>The line's split as XML2/XML3 money; other sources are the hospital's own fund ("remaining sources", T_NGUONKHAC_CL).</summary>
    private static ClaimRowMoney Money(CoveredCharge line, decimal mucHuong) =>
        new(line.Split.ThanhTienBv, line.Split.ThanhTienBh, line.Split.Bhtt, line.Split.Bncct, line.Split.Bntt, line.Split.NguonKhac, mucHuong);

    /// <summary>LIEU_DUNG for an outpatient prescription: "qty/lần * lần/ngày * ngày" (§3.3).</summary>
    private static string Dose(PrescriptionLine l) =>
        string.Create(CultureInfo.InvariantCulture, $"{l.DosePerTime:0.###} {l.Unit}/lần * {l.TimesPerDay} lần/ngày * {l.Days} ngày");

    /// <summary>XML4: the released values of a lab order (one row per indicator), or the text result of imaging and function tests.</summary>
    private static void AddResults(List<ClaimResultRow> rows, Charge c, ClaimOrderInfo order, string? reader)
    {
        foreach (var v in order.Values)
            rows.Add(new ClaimResultRow
            {
                Stt = rows.Count + 1, MaDichVu = c.ItemCode, TenChiSo = v.TestName, GiaTri = v.Value, DonViDo = v.Unit,
                NgayKq = VietnamTime.ToLocal(v.ReleasedAt), MaBsDocKq = reader,
            });
        if (order.Values.Count == 0 && (order.ResultText is { Length: > 0 } || order.ResultConclusion is { Length: > 0 }))
            rows.Add(new ClaimResultRow
            {
                Stt = rows.Count + 1, MaDichVu = c.ItemCode, TenChiSo = c.ItemName, MoTa = order.ResultText, KetLuan = order.ResultConclusion,
                NgayKq = Local(order.PerformedAt), MaBsDocKq = reader,
            });
    }

    private static string? Certificate(ClaimSourceBatch batch, int? staffId) =>
        staffId is { } id && batch.Staff.TryGetValue(id, out var s) && !string.IsNullOrWhiteSpace(s.Certificate) ? s.Certificate.Trim() : null;

    private static DateTime? Local(DateTime? utc) => utc is { } t ? VietnamTime.ToLocal(t) : null;

    private static string? JoinText(string? main, string? secondary) =>
        string.IsNullOrWhiteSpace(secondary) ? main : string.IsNullOrWhiteSpace(main) ? secondary : $"{main}; {secondary}";
}
