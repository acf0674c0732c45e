using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Domain.Insurance.Claims;
using Hospital.Domain.Outbox;
using Hospital.Domain.Patients;
using Hospital.Domain.Visits;
using Hospital.Integration.Bhxh;
using Hospital.Tests.Infrastructure;
using Hospital.Web.Features.Insurance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Tests.Claims;

/// <summary>
/// Claim versions written straight through the domain, as the claim builder leaves them, with a
/// small GIAMDINHHS file (XML1 + one XML3 row) signed by the app's facility signer, so the board,
/// the sending and the export are tested without the builder.
/// </summary>
internal static class ClaimBoardKit
{
    public const string Facility = "37001";

    public static async Task<int> VisitAsync(HospitalAppFactory app, string code)
    {
        await using var db = app.Database.NewContext();
        var patient = await db.Set<Patient>().OrderBy(p => p.Id).FirstAsync();
        var room = await db.Set<Room>().Where(r => r.Kind == RoomKind.ExamRoom).OrderBy(r => r.Id).FirstAsync();
        var now = DateTime.UtcNow;
        var visit = new Visit
        {
            Code = code, MaLk = "LK" + code, PatientId = patient.Id, Kind = VisitKind.Bhyt, RegisteredAt = now, RegisteredBy = "reception",
            VisitDate = Hospital.Domain.Common.VietnamCalendar.DateOf(now), DepartmentId = room.DepartmentId, RoomId = room.Id,
            CardNumber = "DN4370000000001", BenefitCategoryCode = "1.1", PayableSharePercent = 80, CardCheck = CardCheckState.Valid,
        };
        db.Add(visit);
        await db.SaveChangesAsync();
        return visit.Id;
    }

    public static async Task<Claim> ClaimAsync(HospitalAppFactory app, int visitId, ClaimStatus status, DateOnly endDate, int version = 1,
        string facility = Facility, IReadOnlyList<ClaimError>? errors = null, int? departmentId = null, string objectCode = "1.1")
    {
        await using var db = app.Database.NewContext();
        var visit = await db.Set<Visit>().AsNoTracking().SingleAsync(v => v.Id == visitId);
        var signer = app.Services.GetRequiredService<FacilitySigning>().Signer;
        var claim = new Claim
        {
            VisitId = visitId, MaLk = visit.MaLk, Version = version, Status = status, BuiltAt = DateTime.UtcNow.AddMinutes(-version), BuiltBy = "giamdinh",
            EndDate = endDate, DepartmentId = departmentId ?? visit.DepartmentId, BenefitCategoryCode = objectCode, PatientId = visit.PatientId,
            SettlementPeriod = endDate.Year * 100 + endDate.Month,
            TotalCost = 150_000.50m, InsuranceCost = 120_000m, InsurancePays = 96_000m, CoPayment = 24_000m, PatientOutOfScope = 30_000.50m,
            MucHuong = 80, ErrorsJson = JsonSerializer.Serialize(errors ?? []),
            SignedXml = status == ClaimStatus.Invalid ? null : File(signer, facility, visit.MaLk, endDate),
        };
        db.Add(claim);
        await db.SaveChangesAsync();
        return claim;
    }

    /// <summary>A GIAMDINHHS envelope of one hồ sơ (bhyt-claims.md §2), signed into CHUKYDONVI.</summary>
    public static byte[] File(FacilityXmlSigner signer, string facility, string maLk, DateOnly endDate, string count = "1")
    {
        var ngayRa = endDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "1030";
        var xml1 = new XElement("TONG_HOP", new XElement("MA_LK", maLk), new XElement("STT", 1), new XElement("HO_TEN", new XCData("Nguyễn Văn An")),
            new XElement("NGAY_RA", ngayRa), new XElement("T_TONGCHI_BV", "150000.50"), new XElement("T_BHTT", "96000"));
        var xml3 = new XElement("CHITIEU_CHITIET_DVKT_VTYT", new XElement("DSACH_CHI_TIET_DVKT",
            Row(maLk, 1, "02.1896", "Khám Nội"), Row(maLk, 2, "23.0020", "Tổng phân tích tế bào máu")));
        var doc = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("GIAMDINHHS",
                new XElement("THONGTINDONVI", new XElement("MACSKCB", facility)),
                new XElement("THONGTINHOSO",
                    new XElement("NGAYLAP", endDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture)),
                    new XElement("SOLUONGHOSO", count),
                    new XElement("DANHSACHHOSO", new XElement("HOSO", FileHoSo("XML1", xml1), FileHoSo("XML3", xml3)))),
                new XElement("CHUKYDONVI")));
        var xmlDoc = new XmlDocument { PreserveWhitespace = true };
        xmlDoc.LoadXml(doc.Declaration + doc.ToString(SaveOptions.DisableFormatting));
        signer.Sign(xmlDoc, "CHUKYDONVI");
        return Encoding.UTF8.GetBytes(xmlDoc.OuterXml);
    }

    private static XElement Row(string maLk, int stt, string code, string name) =>
        new("CHI_TIET_DVKT", new XElement("MA_LK", maLk), new XElement("STT", stt), new XElement("MA_DICH_VU", code), new XElement("TEN_DICH_VU", name));

    private static XElement FileHoSo(string type, XElement table) =>
        new("FILEHOSO", new XElement("LOAIHOSO", type),
            new XElement("NOIDUNGFILE", Convert.ToBase64String(Encoding.UTF8.GetBytes(table.ToString(SaveOptions.DisableFormatting)))));

    public static async Task<int> RunOutboxAsync(HospitalAppFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().RunOnceAsync();
    }

    /// <summary>Makes every backing-off message due now, as if its wait had passed.</summary>
    public static async Task MakeDueAsync(HospitalAppFactory app)
    {
        await using var db = app.Database.NewContext();
        await db.Set<OutboxMessage>().Where(m => m.State == OutboxState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, DateTime.UtcNow.AddSeconds(-1)));
    }
}
