using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Hospital.Domain.Audit;
using Hospital.Domain.Data;
using Hospital.Tests.Infrastructure;
using Hospital.Tests.Queues;
using Hospital.Web.Features.Chart;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Chart;

/// <summary>The CV 365 HoSoBenhAn export of a visit: well-formed XML, JSON with the same values, every export logged.</summary>
public sealed class RecordExportTests
{
    private static readonly string[] Groups =
    [
        "ThongTinBenhNhan", "ThongTinVaoVien", "ThongTinDieuTri", "YLenhThuocVatTu", "PhieuChiDinh", "KetQuaChanDoanHinhAnh",
        "KetQuaXetNghiem", "GiayChuyenVien", "HoSoCapCuu", "PhieuThuThuat", "PhieuPhauThuat",
    ];

    /// <summary>(group, path below the group, expected value) read from both files.</summary>
    private static readonly (string Group, string[] Path, Func<ChartTestKit.Seeded, string> Expected)[] Values =
    [
        ("ThongTinBenhNhan", ["mabn"], s => s.PatientCode),
        ("ThongTinBenhNhan", ["quanhuyen_ma"], _ => ""),
        ("ThongTinVaoVien", ["ma_lk"], s => s.MaLk),
        ("ThongTinDieuTri", ["maicd"], _ => "J06.9"),
        ("ThongTinDieuTri", ["maicd_khac"], _ => "I10;E11.9"),
        ("ThongTinDieuTri", ["huyetap"], _ => "142/91"),
        ("ThongTinDieuTri", ["nhietdo"], _ => "38.4"),
        ("ThongTinDieuTri", ["chuky_hoten"], _ => "*"),
        ("YLenhThuocVatTu", ["0", "soluong"], _ => "10"),
        ("YLenhThuocVatTu", ["0", "mathuocvattu_byt"], _ => "*"),
        ("PhieuChiDinh", ["0", "machidinh"], _ => "*"),
        ("KetQuaChanDoanHinhAnh", ["0", "ketluan"], _ => "Không thấy tổn thương"),
        ("KetQuaXetNghiem", ["0", "machiso"], _ => "WBC"),
        ("KetQuaXetNghiem", ["0", "giatri"], _ => "12.5"),
        ("KetQuaXetNghiem", ["0", "canhbao"], _ => "H"),
        ("KetQuaXetNghiem", ["1", "machiso"], _ => "HGB"),
        ("GiayChuyenVien", ["macskcb_den"], _ => "01001"),
    ];

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Xml_and_json_carry_the_same_record_and_each_export_is_audited(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var s = await ChartTestKit.VisitAsync(app);
        using var doctor = await QueueWebKit.SignedInAsync(app, "doctor");

        var xmlResponse = await doctor.Client.GetAsync($"/clinic/patients/{s.PatientId}/visits/{s.VisitId}/export.xml");
        Assert.Equal(HttpStatusCode.OK, xmlResponse.StatusCode);
        Assert.Equal("application/xml", xmlResponse.Content.Headers.ContentType!.MediaType);
        var xml = XDocument.Parse(await xmlResponse.Content.ReadAsStringAsync());
        var jsonResponse = await doctor.Client.GetAsync($"/api/v1/visits/{s.VisitId}/record.json");
        Assert.Equal(HttpStatusCode.OK, jsonResponse.StatusCode);
        using var json = JsonDocument.Parse(await jsonResponse.Content.ReadAsStringAsync());
        var root = json.RootElement.GetProperty("HoSoBenhAn");

        Assert.Equal("HoSoBenhAn", xml.Root!.Name.LocalName);
        Assert.Equal(Groups, xml.Root.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(Groups, root.EnumerateObject().Select(p => p.Name));
        foreach (var empty in new[] { "HoSoCapCuu", "PhieuThuThuat", "PhieuPhauThuat" })
        {
            Assert.False(xml.Root.Element(empty)!.HasElements);
            Assert.Empty(root.GetProperty(empty).EnumerateObject());
        }
        foreach (var (group, path, expected) in Values)
        {
            var fromXml = XmlValue(xml.Root.Element(group)!, path);
            var fromJson = JsonValue(root.GetProperty(group), path);
            Assert.Equal(fromXml, fromJson);
            if (expected(s) == "*") Assert.False(string.IsNullOrEmpty(fromXml), $"{group}/{string.Join('/', path)} is empty");
            else Assert.Equal(expected(s), fromXml);
        }

        // The same visit under a different patient is not found (and not logged).
        Assert.Equal(HttpStatusCode.NotFound, (await doctor.Client.GetAsync($"/clinic/patients/{s.PatientId + 1000}/visits/{s.VisitId}/export.json")).StatusCode);
        await using var db = app.Database.NewContext();
        var exports = await db.Set<AuditEntry>().Where(e => e.Action == AuditAction.Export).ToListAsync();
        Assert.Equal(2, exports.Count);
        Assert.All(exports, e => Assert.Equal((VisitRecordExport.AuditEntity, s.VisitId.ToString(), "doctor"), (e.Entity, e.EntityKey, e.UserName)));
    }

    /// <summary>A numeric step picks the n-th item of a list group.</summary>
    private static string XmlValue(XElement group, string[] path)
    {
        var e = group;
        foreach (var step in path) e = int.TryParse(step, out var i) ? e.Elements().ElementAt(i) : e.Element(step)!;
        return e.Value;
    }

    private static string JsonValue(JsonElement group, string[] path)
    {
        var e = group;
        foreach (var step in path) e = int.TryParse(step, out var i) ? e[i] : e.GetProperty(step);
        return e.GetString()!;
    }
}
