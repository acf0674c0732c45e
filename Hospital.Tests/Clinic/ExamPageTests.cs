using System.Net;
using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Domain.Visits;
using Hospital.Tests.Infrastructure;
using Hospital.Tests.Queues;
using static Hospital.Tests.Clinic.ClinicTestKit;

namespace Hospital.Tests.Clinic;

/// <summary>The doctor's worklist and exam page over HTTP: start, autosave, refusals, conclusion, the locked record.</summary>
public sealed class ExamPageTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Start_exam_creates_the_draft_record_and_opens_the_exam_page_with_the_patient_banner(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var doctor = await QueueWebKit.SignedInAsync(app, "doctor");
        var (ticket, response) = await StartFromQueueAsync(app, doctor, "Trần Thị Dị Ứng");
        Assert.True(WebSession.IsRedirectTo(response, ExamUrl(ticket.VisitId)), $"{(int)response.StatusCode} {response.Headers.Location}");

        var (exam, _, visit, stored) = await LoadAsync(app, ticket.VisitId);
        Assert.Equal((ExamStatus.Draft, "doctor"), (exam!.Status, exam.StartedBy));
        Assert.Equal(VisitStatus.InExam, visit.Status);
        Assert.Equal(TicketStatus.InExam, stored!.Status);

        await AddAllergyAsync(app, ticket.VisitId, "Penicillin");
        var page = await ExamPageAsync(doctor, ticket.VisitId);
        Assert.Contains("Trần Thị Dị Ứng", page.QuerySelector("[data-testid=patient-name]")!.TextContent);
        var allergies = page.QuerySelector("[data-testid=patient-allergies]")!;
        Assert.Contains("Penicillin", allergies.TextContent);
        Assert.Contains("text-danger", allergies.ClassName);
        Assert.Contains("46 tuổi", page.QuerySelector("[data-testid=patient-age]")!.TextContent);
        Assert.NotNull(page.QuerySelector("[data-testid=vital-temperature]"));
        Assert.NotNull(page.QuerySelector("[data-testid=conclude]"));

        // The worklist shows the visit in exam with a link to the record.
        var (_, queue) = await doctor.GetPageAsync("/clinic/rooms/PK01/queue");
        Assert.Equal("Đang khám", queue.QuerySelector($"[data-testid=visit-status-{ticket.Number}]")!.TextContent.Trim());
        Assert.Equal(ExamUrl(ticket.VisitId), queue.QuerySelector($"[data-testid=open-{ticket.Number}]")!.GetAttribute("href"));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Autosave_stores_the_draft_and_a_stale_tab_is_told_instead_of_overwriting(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var doctor = await QueueWebKit.SignedInAsync(app, "doctor");
        var (ticket, _) = await StartFromQueueAsync(app, doctor);
        var page = await ExamPageAsync(doctor, ticket.VisitId);
        var tab2 = await ExamPageAsync(doctor, ticket.VisitId);

        var answer = await AutosaveAsync(doctor, page, ticket.VisitId, new()
        {
            ["Reason"] = "Sốt, đau họng 2 ngày", ["PresentIllness"] = "Sốt cao về chiều", ["TemperatureC"] = "38,5",
            ["Pulse"] = "96", ["SystolicMmHg"] = "120", ["DiastolicMmHg"] = "75", ["HeightCm"] = "170", ["WeightKg"] = "65",
            ["PrimaryDiagnosisCode"] = "j02.9",
        });
        Assert.Contains("Đã lưu nháp lúc", answer.QuerySelector("[data-testid=autosave-status]")!.TextContent);
        Assert.Equal("1", answer.QuerySelector("#exam-revision")!.GetAttribute("value"));
        Assert.Equal("22,5", answer.QuerySelector("[data-testid=vital-bmi]")!.TextContent.Trim()); // as Vietnamese write it

        var (exam, vitals, _, _) = await LoadAsync(app, ticket.VisitId);
        Assert.Equal(("Sốt, đau họng 2 ngày", "Sốt cao về chiều", "J02.9", 1), (exam!.Reason, exam.PresentIllness, exam.PrimaryDiagnosisCode, exam.Revision));
        var v = Assert.Single(vitals);
        Assert.Equal((38.5m, 96, 120, 75, 22.5m), (v.TemperatureC, v.Pulse, v.SystolicMmHg, v.DiastolicMmHg, v.Bmi));

        // The next autosave of the same tab (its revision came back out of band) updates the same vitals row.
        answer = await AutosaveAsync(doctor, page, ticket.VisitId, new() { ["Revision"] = "1", ["Reason"] = "Sốt, đau họng", ["TemperatureC"] = "38" });
        Assert.Equal("2", answer.QuerySelector("#exam-revision")!.GetAttribute("value"));
        (exam, vitals, _, _) = await LoadAsync(app, ticket.VisitId);
        Assert.Equal(("Sốt, đau họng", 38m), (exam!.Reason, Assert.Single(vitals).TemperatureC));

        // A second tab opened before those saves still carries revision 0: told, nothing stored.
        answer = await AutosaveAsync(doctor, tab2, ticket.VisitId, new() { ["Reason"] = "Ghi đè" });
        Assert.Contains("vừa được lưu ở một thẻ hoặc máy khác", answer.QuerySelector("[data-testid=autosave-conflict]")!.TextContent);
        (exam, _, _, _) = await LoadAsync(app, ticket.VisitId);
        Assert.Equal(("Sốt, đau họng", 2), (exam!.Reason, exam.Revision));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Implausible_vitals_are_refused_with_the_vietnamese_message_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var doctor = await QueueWebKit.SignedInAsync(app, "doctor");
        var (ticket, _) = await StartFromQueueAsync(app, doctor);
        var page = await ExamPageAsync(doctor, ticket.VisitId);

        var answer = await AutosaveAsync(doctor, page, ticket.VisitId, new()
        {
            ["Reason"] = "Không được lưu", ["TemperatureC"] = "50", ["SystolicMmHg"] = "70", ["DiastolicMmHg"] = "110",
        });
        var errors = answer.QuerySelector("[data-testid=autosave-errors]")!.TextContent;
        Assert.Contains("Nhiệt độ 50 °C không hợp lý: phải trong khoảng 34–43 °C.", errors);
        Assert.Contains("Huyết áp tâm thu (70 mmHg) phải lớn hơn huyết áp tâm trương (110 mmHg).", errors);

        // The page's own save button says the same and keeps what was typed.
        var response = await PressAsync(doctor, page, ticket.VisitId, "save", new() { ["Reason"] = "Không được lưu", ["TemperatureC"] = "50" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await TextAsync(response);
        Assert.Contains("Nhiệt độ 50 °C không hợp lý", html);
        Assert.Contains("Không được lưu", html);

        var (exam, vitals, _, _) = await LoadAsync(app, ticket.VisitId);
        Assert.Null(exam!.Reason);
        Assert.Equal(0, exam.Revision);
        Assert.Empty(vitals);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Conclusion_without_a_main_diagnosis_or_with_a_code_not_allowed_as_main_is_refused(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var doctor = await QueueWebKit.SignedInAsync(app, "doctor");
        var (ticket, _) = await StartFromQueueAsync(app, doctor);
        var page = await ExamPageAsync(doctor, ticket.VisitId);
        var form = new Dictionary<string, string> { ["Reason"] = "Ngã", ["Disposition"] = "Home", ["signingPassword"] = "123456" };

        var response = await PressAsync(doctor, page, ticket.VisitId, "conclude", form);
        var html = await TextAsync(response);
        Assert.Contains("Chưa có chẩn đoán chính (mã ICD-10).", html);
        Assert.NotNull(new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("[data-testid=exam-errors]"));

        // W19 (a fall, chapter XX external cause) and G63.2* (an asterisk code) are never the main diagnosis.
        response = await PressAsync(doctor, page, ticket.VisitId, "conclude", new(form) { ["PrimaryDiagnosisCode"] = "W19" });
        Assert.Contains("Mã W19 không được dùng làm chẩn đoán chính", await TextAsync(response));
        response = await PressAsync(doctor, page, ticket.VisitId, "conclude", new(form) { ["PrimaryDiagnosisCode"] = "G63.2*" });
        Assert.Contains("Mã G63.2* là mã dấu sao (*)", await TextAsync(response));

        var (exam, _, visit, stored) = await LoadAsync(app, ticket.VisitId);
        Assert.Equal((ExamStatus.Draft, null, 0), (exam!.Status, exam.Reason, exam.Revision));
        Assert.Equal(VisitStatus.InExam, visit.Status);
        Assert.Equal(TicketStatus.InExam, stored!.Status);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Waiting_for_results_and_back_shows_on_the_worklist(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var doctor = await QueueWebKit.SignedInAsync(app, "doctor");
        var (ticket, _) = await StartFromQueueAsync(app, doctor);
        var page = await ExamPageAsync(doctor, ticket.VisitId);

        var response = await PressAsync(doctor, page, ticket.VisitId, "wait-results", new() { ["Reason"] = "Đau bụng" });
        Assert.True(WebSession.IsRedirectTo(response, "/clinic/rooms/PK01/queue"), $"{(int)response.StatusCode}");
        var (exam, _, visit, _) = await LoadAsync(app, ticket.VisitId);
        Assert.Equal((VisitStatus.WaitingResults, "Đau bụng"), (visit.Status, exam!.Reason));
        var (_, queue) = await doctor.GetPageAsync("/clinic/rooms/PK01/queue");
        Assert.Equal("Chờ kết quả", queue.QuerySelector($"[data-testid=visit-status-{ticket.Number}]")!.TextContent.Trim());

        page = await ExamPageAsync(doctor, ticket.VisitId);
        await PressAsync(doctor, page, ticket.VisitId, "reopen");
        Assert.Equal(VisitStatus.InExam, (await LoadAsync(app, ticket.VisitId)).Visit.Status);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_nurse_records_vitals_in_the_draft_but_only_a_doctor_concludes(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var doctor = await QueueWebKit.SignedInAsync(app, "doctor");
        using var nurse = await QueueWebKit.SignedInAsync(app, "nurse");
        var (ticket, _) = await StartFromQueueAsync(app, doctor);
        var page = await ExamPageAsync(nurse, ticket.VisitId);
        var answer = await AutosaveAsync(nurse, page, ticket.VisitId, new() { ["Pulse"] = "80", ["SpO2Percent"] = "97" });
        Assert.Contains("Đã lưu nháp lúc", answer.QuerySelector("[data-testid=autosave-status]")!.TextContent);
        Assert.Equal(97, Assert.Single((await LoadAsync(app, ticket.VisitId)).Vitals).SpO2Percent);

        var response = await PressAsync(nurse, page, ticket.VisitId, "conclude", new()
        {
            ["Revision"] = "1", ["PrimaryDiagnosisCode"] = "J02.9", ["Disposition"] = "Home", ["signingPassword"] = "123456",
        });
        Assert.Contains("Chỉ bác sĩ được kết thúc khám, ký hồ sơ và ký phiếu bổ sung.", await TextAsync(response));
        Assert.Equal(ExamStatus.Draft, (await LoadAsync(app, ticket.VisitId)).Exam!.Status);
    }
}
