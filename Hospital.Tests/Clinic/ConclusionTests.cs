using Hospital.Domain.Clinical;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Visits;
using Hospital.Emr.Exams;
using Hospital.Tests.Infrastructure;
using Hospital.Tests.Queues;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hospital.Tests.Clinic.ClinicTestKit;

namespace Hospital.Tests.Clinic;

/// <summary>
/// Concluding a visit and what follows: the record locks, the visit and its ticket finish, edits are
/// refused (page, autosave and the save itself), an addendum adds a new document version. Documents
/// are signed for real with the demo doctor's certificate.
/// </summary>
public sealed class ConclusionTests
{
    private static ExamDraft Complete(ExamDraft stored) => stored with
    {
        Reason = "Sốt, đau họng",
        Vitals = new VitalsReading(Pulse: 90, TemperatureC: 38.2m, SystolicMmHg: 118, DiastolicMmHg: 76),
        PrimaryDiagnosisCode = "J02.9",
        Disposition = ExamDisposition.Home,
        OutcomeCode = 2,
    };

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Conclusion_locks_the_record_finishes_visit_and_ticket_and_refuses_later_edits(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var doctor = await QueueWebKit.SignedInAsync(app, "doctor");
        var (ticket, _) = await StartFromQueueAsync(app, doctor);
        var draft = Complete(await StoredDraftAsync(app, ticket.VisitId));

        // A wrong certificate password stores nothing.
        var failed = await ConcludeAsync(app, ticket.VisitId, draft, "sai-mat-khau");
        Assert.Equal(["Mật khẩu chứng thư số không đúng (hoặc tệp PKCS#12 hỏng)."], failed.Errors.Select(e => e.Message));
        Assert.Equal(ExamStatus.Draft, (await LoadAsync(app, ticket.VisitId)).Exam!.Status);

        var result = await ConcludeAsync(app, ticket.VisitId, draft);
        Assert.True(result.Ok, string.Join("; ", result.Errors.Select(e => e.Message)));
        var (exam, vitals, visit, stored) = await LoadAsync(app, ticket.VisitId);
        Assert.Equal((ExamStatus.Concluded, "doctor", "J02.9"), (exam!.Status, exam.ConcludedBy, exam.PrimaryDiagnosisCode));
        Assert.NotNull(exam.ConcludedAt);
        Assert.Equal("Viêm họng cấp, không đặc hiệu", exam.PrimaryDiagnosisText);
        Assert.Equal(38.2m, Assert.Single(vitals).TemperatureC);
        Assert.Equal(VisitStatus.Concluded, visit.Status);
        Assert.Equal(TicketStatus.Done, stored!.Status);
        await using (var db = app.Database.NewContext())
        {
            var doc = await db.Set<ClinicalDocument>().SingleAsync(d => d.VisitId == ticket.VisitId);
            Assert.Equal((ClinicalDocumentKind.ExamRecord, exam.Id, 1), (doc.Kind, doc.SourceId, doc.Version));
        }

        // The page shows the record locked; its save and the autosave are refused with the Vietnamese message.
        var page = await ExamPageAsync(doctor, ticket.VisitId);
        Assert.NotNull(page.QuerySelector("[data-testid=exam-locked]"));
        Assert.Null(page.QuerySelector("[data-testid=conclude]"));
        var response = await PressAsync(doctor, page, ticket.VisitId, "save", new() { ["Reason"] = "Sửa sau khi ký" });
        Assert.Contains(ExamRecords.ConcludedMessage, await TextAsync(response));
        var answer = await AutosaveAsync(doctor, page, ticket.VisitId, new() { ["Reason"] = "Sửa sau khi ký" });
        Assert.Contains(ExamRecords.ConcludedMessage, answer.QuerySelector("[data-testid=autosave-errors]")!.TextContent);

        // And the save itself refuses a change to the locked row, whoever tries it.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HospitalDbContext>();
            var row = await db.Set<ExamRecord>().SingleAsync(e => e.VisitId == ticket.VisitId);
            row.Reason = "Sửa thẳng vào cơ sở dữ liệu";
            var refused = await Assert.ThrowsAsync<DomainException>(() => db.SaveChangesAsync());
            Assert.Contains("đã khóa (đã kết thúc khám)", refused.Message);
        }
        Assert.Equal("Sốt, đau họng", (await LoadAsync(app, ticket.VisitId)).Exam!.Reason);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task An_addendum_is_signed_as_the_next_version_of_the_exam_record_with_its_reason(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var doctor = await QueueWebKit.SignedInAsync(app, "doctor");
        var (ticket, _) = await StartFromQueueAsync(app, doctor);
        Assert.True((await ConcludeAsync(app, ticket.VisitId, Complete(await StoredDraftAsync(app, ticket.VisitId)))).Ok);

        using var scope = app.Services.CreateScope();
        var issuer = Documents.DocumentTestKit.Issuer(await Documents.DocumentTestKit.UserAsync(app));
        var addenda = ActivatorUtilities.CreateInstance<ExamAddenda>(scope.ServiceProvider, issuer);
        var (none, errors) = await addenda.AddAsync(ticket.VisitId, "", "", "", "doctor");
        Assert.Null(none);
        Assert.Equal(["Nhập nội dung bổ sung.", "Nhập lý do bổ sung.", "Nhập mật khẩu chữ ký số để ký phiếu bổ sung."], errors.Select(e => e.Message));

        var (added, ok) = await addenda.AddAsync(ticket.VisitId, "Bổ sung: họng đỏ, amidan sưng độ II.", "Ghi thiếu khi khám", HospitalAppFactory.Password, "doctor");
        Assert.Empty(ok);
        await using var db = app.Database.NewContext();
        var docs = await db.Set<ClinicalDocument>().Where(d => d.VisitId == ticket.VisitId).OrderBy(d => d.Version).ToListAsync();
        Assert.Equal([1, 2], docs.Select(d => d.Version));
        Assert.Equal((docs[0].Id, "Ghi thiếu khi khám"), (docs[1].PreviousVersionId!.Value, docs[1].CorrectionReason));
        var stored = await db.Set<ExamAddendum>().SingleAsync();
        Assert.Equal((added!.Id, docs[1].Id), (stored.Id, stored.DocumentId!.Value));

        // The locked page lists it.
        var page = await ExamPageAsync(doctor, ticket.VisitId);
        Assert.Contains("amidan sưng độ II", page.QuerySelector("[data-testid=addenda]")!.TextContent);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Referral_and_follow_up_rules_are_checked_before_anything_is_signed(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var doctor = await QueueWebKit.SignedInAsync(app, "doctor");
        var (ticket, _) = await StartFromQueueAsync(app, doctor);
        var draft = Complete(await StoredDraftAsync(app, ticket.VisitId)) with
        {
            Disposition = ExamDisposition.ReferOut,
            FollowUpDate = QueueWebKit.Today,
        };
        var result = await ConcludeAsync(app, ticket.VisitId, draft);
        Assert.Equal(
        [
            "Chuyển tuyến: ghi cơ sở khám bệnh, chữa bệnh chuyển đến.",
            "Chuyển tuyến: chọn lý do chuyển (đủ điều kiện chuyển tuyến hoặc theo yêu cầu người bệnh).",
            $"Ngày hẹn khám lại phải sau hôm nay ({QueueWebKit.Today:dd/MM/yyyy}).",
        ], result.Errors.Select(e => e.Message));

        result = await ConcludeAsync(app, ticket.VisitId, draft with
        {
            FollowUpDate = QueueWebKit.Today.AddDays(7), ReferToFacilityName = "Bệnh viện Bạch Mai", ReferralReasonCode = 1,
            Revision = (await LoadAsync(app, ticket.VisitId)).Exam!.Revision,
        });
        Assert.True(result.Ok, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal([ClinicalDocumentKind.ExamRecord, ClinicalDocumentKind.Referral], result.Documents.Select(d => d.Kind));
    }
}
