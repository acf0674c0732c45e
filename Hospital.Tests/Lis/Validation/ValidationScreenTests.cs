using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Domain.Visits;
using Hospital.Tests.Infrastructure;
using Hospital.Tests.Queues;
using Microsoft.EntityFrameworkCore;
using static Hospital.Tests.Lis.LabTestKit;
using static Hospital.Tests.Lis.Validation.ValidationTestKit;

namespace Hospital.Tests.Lis.Validation;

/// <summary>The technician's screen, the doctor's critical value alert, the results API and the lab report.</summary>
public sealed class ValidationScreenTests
{
    private static readonly HtmlParser Parser = new();

    private static async Task<IHtmlDocument> PostAsync(WebSession session, IHtmlDocument page, string url, Dictionary<string, string>? fields = null)
    {
        var values = new Dictionary<string, string>(fields ?? [])
        {
            ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        };
        var response = await session.Client.PostAsync(url, new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Parser.ParseDocument(await response.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_technician_validates_a_critical_value_the_doctor_sees_it_in_the_exam_and_acknowledges_the_alert(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var (visitId, tubes) = await ReceivedSpecimensAsync(app, Glucose, BloodCount);
        await OrderedByDoctorAsync(app, visitId);
        var serum = tubes[SpecimenType.Serum];
        var edta = tubes[SpecimenType.WholeBloodEdta];
        await SendAsync(app, "BS1", Value(serum, "GLU", "30", flags: "HH"));
        await SendAsync(app, "XN1", Value(edta, "WBC", "6.1"));

        using var lab = await QueueWebKit.SignedInAsync(app, "labtech");
        var (_, page) = await lab.GetPageAsync("/lab/validation");
        var card = page.QuerySelector($"[data-testid=specimen-{serum}]")!;
        var row = card.QuerySelector($"[data-testid=result-{serum}-SH-GLU]")!;
        Assert.Equal("pending", row.GetAttribute("data-status"));
        Assert.Equal("criticalHigh", row.QuerySelector("[data-testid=flag]")!.GetAttribute("data-flag"));
        Assert.Equal("HH", row.QuerySelector("[data-testid=analyser-flags]")!.TextContent.Trim());
        Assert.Equal("30", row.QuerySelector("[data-testid=value]")!.TextContent.Trim());
        Assert.NotNull(row.QuerySelector("[data-testid=validate]"));
        Assert.NotNull(page.QuerySelector($"[data-testid=specimen-{edta}] [data-testid=result-{edta}-HH-WBC]"));
        // Tests of the tube still waiting for their analyser are listed without actions.
        Assert.Equal("none", page.QuerySelector($"[data-testid=result-{edta}-HH-PLT]")!.GetAttribute("data-status"));

        // Filters: the chemistry analyser's list has the serum tube only.
        var (_, chemistry) = await lab.GetPageAsync("/lab/validation/list?analyser=BS1");
        Assert.NotNull(chemistry.QuerySelector($"[data-testid=specimen-{serum}]"));
        Assert.Null(chemistry.QuerySelector($"[data-testid=specimen-{edta}]"));

        // Rerun without a reason: refused, said why.
        var specimenId = card.GetAttribute("data-specimen-id");
        var refused = await PostAsync(lab, page, $"/lab/validation/specimens/{specimenId}/rerun", new() { ["reason"] = "" });
        Assert.Contains("Cần ghi lý do chạy lại", refused.QuerySelector("[data-testid=validation-error]")!.TextContent);

        var after = await PostAsync(lab, page, $"/lab/validation/specimens/{specimenId}/validate");
        Assert.Contains("Đã báo giá trị nguy hiểm cho bác sĩ chỉ định", after.QuerySelector("[data-testid=validation-message]")!.TextContent);
        Assert.Null(after.QuerySelector($"[data-testid=specimen-{serum}]"));

        // The doctor's exam shows the released value; the room queue shows the alert until acknowledged.
        using var doctor = await QueueWebKit.SignedInAsync(app, "doctor");
        var (_, orders) = await doctor.GetPageAsync($"/clinic/visits/{visitId}/orders");
        Assert.Contains("30", orders.QuerySelector("[data-testid=order-result][data-test-code=SH-GLU] [data-testid=order-result-value]")!.TextContent);
        string room;
        await using (var db = app.Database.NewContext())
            room = await db.Set<Visit>().Where(v => v.Id == visitId).Select(v => v.Room!.Code).SingleAsync();
        var (_, queue) = await doctor.GetPageAsync($"/clinic/rooms/{room}/queue");
        var alert = queue.QuerySelector("[data-testid=critical-alert]")!;
        Assert.Contains("Định lượng glucose (máu)", alert.TextContent);
        Assert.Contains("30 mmol/L", alert.TextContent);
        // Another clinician does not get the alert meant for the ordering doctor.
        using (var nurse = await QueueWebKit.SignedInAsync(app, "nurse"))
            Assert.Null((await nurse.GetPageAsync($"/clinic/rooms/{room}/queue")).Page.QuerySelector("[data-testid=critical-alert]"));
        var acknowledged = await PostAsync(doctor, queue, $"/clinic/lab-alerts/{alert.GetAttribute("data-alert-id")}/acknowledge");
        Assert.Null(acknowledged.QuerySelector("[data-testid=critical-alert]"));
        await using (var db = app.Database.NewContext())
        {
            var stored = await db.Set<CriticalValueAlert>().SingleAsync();
            Assert.Equal(("doctor", "doctor", "labtech", ResultFlag.CriticalHigh, visitId), (stored.NotifyUser, stored.AcknowledgedBy, stored.RaisedBy, stored.Flag, stored.VisitId!.Value));
            Assert.NotNull(stored.AcknowledgedAt);
        }
        var (_, later) = await doctor.GetPageAsync($"/clinic/rooms/{room}/queue");
        Assert.Null(later.QuerySelector("[data-testid=critical-alert]"));

    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_results_api_lists_the_current_results_of_a_tube_and_the_report_prints_them(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var (_, tubes) = await ReceivedSpecimensAsync(app, Glucose, Creatinine);
        var serum = tubes[SpecimenType.Serum];
        await SendAsync(app, "BS1", Value(serum, "GLU", "7,1"));
        using var lab = await QueueWebKit.SignedInAsync(app, "labtech");

        var json = JsonDocument.Parse(await lab.Client.GetStringAsync($"/api/v1/lab-results?barcode={serum}")).RootElement;
        var item = Assert.Single(json.GetProperty("items").EnumerateArray());
        Assert.Equal(["analyser", "flag", "referenceRange", "resultedAt", "status", "testCode", "unit", "value"],
            item.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(("SH-GLU", "7,1", "mmol/L", "3.9 - 6.4", "high", "pending", "BS1"),
            (item.GetProperty("testCode").GetString(), item.GetProperty("value").GetString(), item.GetProperty("unit").GetString(),
             item.GetProperty("referenceRange").GetString(), item.GetProperty("flag").GetString(), item.GetProperty("status").GetString(),
             item.GetProperty("analyser").GetString()));
        Assert.Equal(Measured, item.GetProperty("resultedAt").GetDateTime().ToUniversalTime(), TimeSpan.FromSeconds(1));

        var unknown = await lab.Client.GetAsync("/api/v1/lab-results?barcode=NO-SUCH-TUBE");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Không tìm thấy ống mẫu có mã vạch \"NO-SUCH-TUBE\".", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await lab.Client.GetAsync("/api/v1/lab-results")).StatusCode);

        var (_, page) = await lab.GetPageAsync("/lab/validation");
        var id = page.QuerySelector($"[data-testid=specimen-{serum}]")!.GetAttribute("data-specimen-id");
        await PostAsync(lab, page, $"/lab/validation/specimens/{id}/validate");
        json = JsonDocument.Parse(await lab.Client.GetStringAsync($"/api/v1/lab-results?barcode={serum}")).RootElement;
        Assert.Equal("released", json.GetProperty("items")[0].GetProperty("status").GetString());

        string patientName;
        await using (var db = app.Database.NewContext())
            patientName = await db.Set<Domain.Patients.Patient>().Where(p => db.Set<Specimen>().Any(s => s.Barcode == serum && s.PatientId == p.Id)).Select(p => p.FullName).SingleAsync();
        var bytes = await lab.Client.GetByteArrayAsync($"/lab/specimens/{serum}/report.pdf");
        var file = Path.Combine(Path.GetTempPath(), $"lab-report-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, bytes);
        try
        {
            var text = await PopplerTools.RunAsync("pdftotext", $"-layout {file} -");
            Assert.Contains("PHIẾU KẾT QUẢ XÉT NGHIỆM", text);
            Assert.Contains(patientName.ToUpperInvariant(), text);
            Assert.Contains(serum, text);
            Assert.Matches(@"Định lượng glucose \(máu\) \(SH-GLU\)\s+7,1\s+mmol/L\s+3\.9 - 6\.4\s+H", text);
            Assert.Matches(@"Định lượng creatinin \(máu\) \(SH-CREA\)\s+Chờ kết quả", text);
            Assert.Contains("Người duyệt kết quả: labtech lúc", text);
            Assert.Contains("SINH HÓA", text.ToUpperInvariant());
        }
        finally
        {
            File.Delete(file);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await lab.Client.GetAsync("/lab/specimens/NO-SUCH-TUBE/report.pdf")).StatusCode);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_admin_sets_auto_verification_and_delta_limits_per_test_and_bad_input_stores_nothing(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var admin = await QueueWebKit.SignedInAsync(app, "admin");
        var (_, page) = await admin.GetPageAsync("/admin/lab-rules");
        var row = page.QuerySelector("[data-testid=lab-rule-SH-GLU]")!;
        var url = row.QuerySelector("[data-testid=save-rule]")!.GetAttribute("hx-post")!;

        var bad = await PostAsync(admin, page, url, new() { ["autoVerify"] = "on", ["deltaLimit"] = "nhiều", ["windowDays"] = "0" });
        Assert.Contains("Ngưỡng thay đổi phải là số phần trăm", bad.Body!.TextContent);
        Assert.Contains("Số ngày so sánh phải là số nguyên từ 1 đến 3650", bad.Body!.TextContent);
        Assert.Equal("nhiều", bad.QuerySelector("[data-testid=delta-limit]")!.GetAttribute("value"));
        await using (var db = app.Database.NewContext())
            Assert.Equal(0, await db.Set<AutoVerificationRule>().CountAsync());

        var saved = await PostAsync(admin, page, url, new() { ["autoVerify"] = "on", ["deltaLimit"] = "25,5", ["windowDays"] = "60" });
        Assert.NotNull(saved.QuerySelector("[data-testid=rule-saved]"));
        Assert.Equal("checked", saved.QuerySelector("[data-testid=auto-verify]")!.GetAttribute("checked") is null ? null : "checked");
        await using (var db = app.Database.NewContext())
        {
            var rule = await db.Set<AutoVerificationRule>().SingleAsync();
            Assert.Equal((true, 25.5m, 60, "admin"), (rule.AutoVerify, rule.DeltaLimitPercent, rule.DeltaWindowDays, rule.UpdatedBy));
        }
        // Turned off again, no delta check.
        await PostAsync(admin, page, url, new() { ["deltaLimit"] = "", ["windowDays"] = "30" });
        await using (var db = app.Database.NewContext())
        {
            var rule = await db.Set<AutoVerificationRule>().SingleAsync();
            Assert.Equal((false, (decimal?)null), (rule.AutoVerify, rule.DeltaLimitPercent));
        }
    }
}
