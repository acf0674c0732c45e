using System.Globalization;
using Hospital.Domain.Audit;
using Hospital.Domain.Catalog;
using Hospital.Domain.Clinical;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Patients;
using Hospital.Domain.Visits;
using Hospital.Integration.Emr;
using Hospital.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Chart;

/// <summary>
/// Builds the CV 365 <see cref="HoSoBenhAn"/> of one visit (one projection; the XML and JSON
/// files are two serializations of it, <see cref="HoSoBenhAnFormat"/>) and logs each export
/// (CV 365 III.1.1đ: a record leaving the system is an audited event). Document bytes are not
/// read: the signed PDFs go alongside the file, fetched from the documents endpoints.
/// </summary>
public sealed class VisitRecordExport(HospitalDbContext db, AuditTrail audit, FacilityProfile facility, AdministrativeUnitNames unitNames)
{
    public const string AuditEntity = nameof(HoSoBenhAn);

    /// <summary>The record of the visit, or null when there is no such visit (of that patient, when given).</summary>
    public async Task<HoSoBenhAn?> BuildAsync(int visitId, int? patientId, CancellationToken ct = default)
    {
        var v = await db.Set<Visit>().AsNoTracking()
            .Where(x => x.Id == visitId && (patientId == null || x.PatientId == patientId))
            .Select(x => new
            {
                x.Id, x.Code, x.MaLk, x.PatientId, x.Kind, x.RegisteredAt, x.Reason, x.CardNumber,
                x.ReferralFromFacilityCode, x.ReferralDiagnosisCode,
                DepartmentCode = x.Department!.BhytCode, DepartmentName = x.Department.Name, RoomCode = x.Room!.Code, RoomName = x.Room.Name,
            })
            .FirstOrDefaultAsync(ct);
        if (v is null) return null;
        var p = await db.Set<Patient>().AsNoTracking().FirstAsync(x => x.Id == v.PatientId, ct);
        var exam = await db.Set<ExamRecord>().AsNoTracking().FirstOrDefaultAsync(e => e.VisitId == visitId, ct);
        var doctor = exam?.DoctorStaffId is { } staffId
            ? await db.Set<Staff>().AsNoTracking().Where(s => s.Id == staffId).Select(s => new { s.Name, s.PracticeCertificateNo }).FirstOrDefaultAsync(ct)
            : null;
        var vitals = await db.Set<VitalSigns>().AsNoTracking().Where(x => x.VisitId == visitId && x.VoidedAt == null)
            .OrderByDescending(x => x.MeasuredAt).FirstOrDefaultAsync(ct);
        // Signed prescriptions only: a draft is not yet part of the record.
        var drugs = (await db.Set<Prescription>().AsNoTracking().Include(x => x.Lines)
                .Where(x => x.VisitId == visitId && x.Status == PrescriptionStatus.Signed && x.VoidedAt == null)
                .OrderBy(x => x.Id).ToListAsync(ct))
            .SelectMany(x => x.Lines.OrderBy(l => l.Position).Select(l => new { Rx = x, Line = l }))
            .ToList();
        var orders = await db.Set<ServiceOrder>().AsNoTracking().Where(o => o.VisitId == visitId && o.VoidedAt == null)
            .OrderBy(o => o.OrderedAt).ThenBy(o => o.Id).ToListAsync(ct);
        var orderIds = orders.Select(o => o.Id).ToList();
        var labValues = await db.Set<ServiceResult>().AsNoTracking()
            .Where(r => orderIds.Contains(r.ServiceOrderId) && r.SupersededAt == null).OrderBy(r => r.Id).ToListAsync(ct);
        var facilityCode = (await facility.GetAsync(ct))?.FacilityCode ?? "";
        var address = await unitNames.FormatterAsync(ct);
        var signer = doctor?.Name ?? exam?.ConcludedBy ?? exam?.StartedBy ?? "";

        return new HoSoBenhAn
        {
            ThongTinBenhNhan = new ThongTinBenhNhan
            {
                mabn = p.Code,
                hoten = p.FullName,
                ngaysinh = p.DateOfBirth is { } born ? born.ToString("yyyyMMdd", CultureInfo.InvariantCulture) : p.BirthYear.ToString("0000", CultureInfo.InvariantCulture) + "0000",
                gioitinh = ((int)p.Sex).ToString(CultureInfo.InvariantCulture),
                sodinhdanh = p.Cccd ?? "",
                madantoc = p.EthnicityCode ?? "",
                maquoctich = p.NationalityCode ?? "",
                manghenghiep = p.OccupationCode ?? "",
                diachi = address(p.AddressLine, p.CommuneCode, p.ProvinceCode),
                matinh_cu_tru = p.ProvinceCode ?? "",
                maxa_cu_tru = p.CommuneCode ?? "",
                dienthoai = p.Phone ?? "",
                mathe_bhyt = v.CardNumber ?? "",
                nguoigiamho = p.GuardianName ?? "",
            },
            ThongTinVaoVien = new ThongTinVaoVien
            {
                ma_lk = v.MaLk,
                mavaovien = v.Code,
                macskcb = facilityCode,
                ngayvao = Time(v.RegisteredAt),
                lydovaovien = v.Reason ?? "",
                doituong = v.Kind switch { VisitKind.Bhyt => "1", VisitKind.Fee => "2", _ => "3" },
                makhoa = v.DepartmentCode,
                tenkhoa = v.DepartmentName,
                maphong = v.RoomCode,
                tenphong = v.RoomName,
                noigioithieu = v.ReferralFromFacilityCode ?? "",
                maicd_noigioithieu = v.ReferralDiagnosisCode ?? "",
            },
            ThongTinDieuTri = exam is null ? new ThongTinDieuTri() : new ThongTinDieuTri
            {
                lydokham = exam.Reason ?? "",
                benhsu = exam.PresentIllness ?? "",
                tiensu_banthan = exam.PastHistory ?? "",
                tiensu_giadinh = exam.FamilyHistory ?? "",
                mach = Number(vitals?.Pulse),
                nhietdo = Number(vitals?.TemperatureC),
                huyetap = vitals?.SystolicMmHg is { } sys ? $"{sys}/{vitals.DiastolicMmHg}" : "",
                nhiptho = Number(vitals?.RespiratoryRate),
                spo2 = Number(vitals?.SpO2Percent),
                chieucao = Number(vitals?.HeightCm),
                cannang = Number(vitals?.WeightKg),
                khamtoanthan = exam.ExamGeneral ?? "",
                khambophan = BodySystems(exam),
                maicd = exam.PrimaryDiagnosisCode ?? "",
                chandoan = exam.PrimaryDiagnosisText ?? "",
                maicd_khac = string.Join(';', DiagnosisSummary.Codes(exam.SecondaryDiagnosisCodes)),
                chandoan_khac = exam.SecondaryDiagnosisText ?? "",
                ketluan = exam.Conclusion ?? "",
                huongdieutri = exam.TreatmentPlan ?? "",
                huongxutri = exam.Disposition == ExamDisposition.None ? "" : ((int)exam.Disposition).ToString(CultureInfo.InvariantCulture),
                ketqua_dieutri = Number(exam.OutcomeCode),
                ngayketthuc = Time(exam.ConcludedAt),
                ngaytaikham = exam.FollowUpDate?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "",
                mabacsi = doctor?.PracticeCertificateNo ?? "",
                chuky_hoten = signer,
            },
            YLenhThuocVatTu = drugs.Select(d => new ThuocVatTu
            {
                sodonthuoc = d.Rx.NationalCode ?? "",
                mathuocvattu_byt = d.Line.DrugCode,
                tenthuocvattu = d.Line.DrugName,
                hoatchat = d.Line.ActiveIngredient,
                hamluong = d.Line.Strength ?? "",
                donvitinh = d.Line.Unit,
                duongdung = d.Line.Route ?? "",
                lieudung = d.Line.Usage ?? "",
                songay = Number(d.Line.Days),
                soluong = Number(d.Line.Quantity),
                ngayylenh = Time(d.Rx.SignedAt ?? d.Rx.CreatedAt),
                chuky_hoten = d.Rx.SignedBy ?? d.Rx.CreatedBy,
            }).ToList(),
            PhieuChiDinh = orders.Select(o => new ChiDinh
            {
                sophieu = o.RequestNumber,
                machidinh = o.ServiceCode,
                tenchidinh = o.ServiceName,
                ngaychidinh = Time(o.OrderedAt),
                trangthai = ((int)o.Status).ToString(CultureInfo.InvariantCulture),
                chuky_hoten = o.OrderedBy,
            }).ToList(),
            KetQuaChanDoanHinhAnh = orders.Where(o => o.Kind != OrderKind.Lab && (o.ResultText is not null || o.ResultConclusion is not null))
                .Select(o => new KetQuaCdha
                {
                    machidinh = o.ServiceCode,
                    tenchidinh = o.ServiceName,
                    mota = o.ResultText ?? "",
                    ketluan = o.ResultConclusion ?? "",
                    ngaykq = Time(o.PerformedAt),
                    chuky_hoten = o.PerformedBy ?? "",
                }).ToList(),
            KetQuaXetNghiem = labValues.Select(r => new ChiSoXetNghiem
            {
                machidinh = orders.First(o => o.Id == r.ServiceOrderId).ServiceCode,
                machiso = r.TestCode,
                tenchiso = r.TestName,
                giatri = r.Value,
                donvido = r.Unit ?? "",
                chisobinhthuong = r.ReferenceRange ?? "",
                canhbao = Orders.OrderLabels.Flag(r.Flag),
                ngaykq = Time(r.ResultedAt),
                chuky_hoten = r.ReleasedBy,
            }).ToList(),
            GiayChuyenVien = exam is { Disposition: ExamDisposition.ReferOut } ? new GiayChuyenVien
            {
                macskcb_den = exam.ReferToFacilityCode ?? "",
                tencskcb_den = exam.ReferToFacilityName ?? "",
                lydochuyen = Number(exam.ReferralReasonCode),
                dauhieulamsang = exam.ReferralClinicalSummary ?? "",
                maicd = exam.PrimaryDiagnosisCode ?? "",
                chandoan = exam.PrimaryDiagnosisText ?? "",
                phuongphap_dieutri = exam.ReferralTreatmentGiven ?? "",
                tinhtrang_chuyen = exam.ReferralConditionAtTransfer ?? "",
                phuongtien = exam.ReferralTransport ?? "",
                ngaychuyen = Time(exam.ConcludedAt),
                chuky_hoten = signer,
            } : null,
        };
    }

    /// <summary>Writes the Export audit row of the visit's record (key: the visit id).</summary>
    public Task RecordExportAsync(int visitId, CancellationToken ct) =>
        audit.RecordEventAsync(AuditAction.Export, AuditEntity, visitId.ToString(CultureInfo.InvariantCulture), ct);

    /// <summary>Local Vietnam time, yyyyMMddHHmm as in the BHYT XML tables.</summary>
    private static string Time(DateTime? utc) =>
        utc is { } t ? VietnamCalendar.ToLocal(t).ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture) : "";

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>Without the trailing zeros a decimal(18,3) column reads back with on PostgreSQL.</summary>
    private static string Number(decimal? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "";

    private static string BodySystems(ExamRecord e) => string.Join("\n", new[]
    {
        ("Tuần hoàn", e.ExamCardiovascular), ("Hô hấp", e.ExamRespiratory), ("Tiêu hóa", e.ExamDigestive),
        ("Thận – tiết niệu", e.ExamRenalUrinary), ("Thần kinh", e.ExamNeurological), ("Cơ – xương – khớp", e.ExamMusculoskeletal),
        ("Tai – mũi – họng", e.ExamEnt), ("Khác", e.ExamOther),
    }.Where(s => !string.IsNullOrWhiteSpace(s.Item2)).Select(s => $"{s.Item1}: {s.Item2}"));
}
