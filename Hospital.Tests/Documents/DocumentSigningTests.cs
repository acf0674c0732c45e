using Hospital.Domain.Audit;
using Hospital.Domain.Clinical;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Emr.Documents;
using Hospital.Emr.Documents.Verification;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hospital.Tests.Documents.DocumentTestKit;

namespace Hospital.Tests.Documents;

/// <summary>Issuing signed documents for a concluded exam: what pdfsig and pdftotext see, tampering, versions, immutability, refusals.</summary>
public sealed class DocumentSigningTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_signed_exam_record_verifies_in_pdfsig_and_keeps_its_vietnamese_text(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var doctor = await UserAsync(app);
        var exam = await ConcludedExamAsync(app);

        var id = await IssueAsync(app, doctor, new DocumentToSign(ClinicalDocumentKind.ExamRecord, exam.VisitId, exam.ExamId));

        var pdf = await ContentAsync(app, id);
        var sig = await PopplerAsync("pdfsig", pdf);
        Assert.Contains("Signature is Valid", sig);
        Assert.Contains("BS. Lê Văn Khám", sig);
        var text = await PopplerAsync("pdftotext", pdf);
        foreach (var expected in new[] { "PHIẾU KHÁM BỆNH", "Cơn đau thắt ngực, không đặc hiệu (I20.9)", "Tăng huyết áp vô căn", "Bản điện tử", "phiên bản 1" })
            Assert.Contains(expected, text);

        await using var db = app.Database.NewContext();
        var stored = await db.Set<ClinicalDocument>().SingleAsync(d => d.Id == id);
        Assert.Equal((1, exam.PatientId, doctor.UserId), (stored.Version, stored.PatientId, stored.SignedByUserId));
        Assert.Contains("CN=BS. Lê Văn Khám", stored.CertificateSubject);
        var audit = await db.Set<AuditEntry>().Where(a => a.Entity == nameof(ClinicalDocument) && a.EntityKey == id.ToString()).ToListAsync();
        Assert.Equal([AuditAction.Sign], audit.Select(a => a.Action));
        Assert.Equal("doctor", audit[0].UserName);
        Assert.DoesNotContain("JVBER", audit[0].Changes);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Signs_the_conclusion_being_saved_in_the_same_save(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var doctor = await UserAsync(app);
        var exam = await ConcludedExamAsync(app, draft: true);

        await using (var db = AuditedContext(app, doctor))
        {
            var record = await db.Set<ExamRecord>().SingleAsync(e => e.Id == exam.ExamId);
            record.Conclusion = "Kết luận vừa sửa trước khi lưu";
            record.Status = ExamStatus.Concluded;
            await Issuer(doctor).AddSignedAsync(db, new DocumentToSign(ClinicalDocumentKind.ExamRecord, exam.VisitId, exam.ExamId), HospitalAppFactory.Password);
            await db.SaveChangesAsync();
        }

        await using var read = app.Database.NewContext();
        var document = await read.Set<ClinicalDocument>().SingleAsync();
        Assert.Contains("Kết luận vừa sửa trước khi lưu", await PopplerAsync("pdftotext", document.Content));
        Assert.Equal(ExamStatus.Concluded, (await read.Set<ExamRecord>().SingleAsync(e => e.Id == exam.ExamId)).Status);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Prescription_and_referral_render_their_forms(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var doctor = await UserAsync(app);
        var exam = await ConcludedExamAsync(app, referral: true);

        var rx = await ContentAsync(app, await IssueAsync(app, doctor, new DocumentToSign(ClinicalDocumentKind.Prescription, exam.VisitId, exam.PrescriptionId)));
        var rxText = await PopplerAsync("pdftotext", rx);
        foreach (var expected in new[] { "ĐƠN THUỐC", "37001ab12cd3-c", "Amlodipin", "SL: 05 Viên", "SL: 28 Viên", "Ăn nhạt, hạn chế mỡ" })
            Assert.Contains(expected, rxText);
        Assert.Contains("Signature is Valid", await PopplerAsync("pdfsig", rx));

        var referral = await ContentAsync(app, await IssueAsync(app, doctor, new DocumentToSign(ClinicalDocumentKind.Referral, exam.VisitId, exam.ExamId)));
        var referralText = await PopplerAsync("pdftotext", referral);
        foreach (var expected in new[] { "GIẤY CHUYỂN", "Bệnh viện Bạch Mai", "Xe cứu thương", "I20.9" })
            Assert.Contains(expected, referralText);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Tampering_with_the_stored_pdf_makes_it_invalid(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var doctor = await UserAsync(app);
        var exam = await ConcludedExamAsync(app);
        var id = await IssueAsync(app, doctor, new DocumentToSign(ClinicalDocumentKind.ExamRecord, exam.VisitId, exam.ExamId));

        using (var scope = app.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<SignedDocuments>().ForVisitAsync(exam.VisitId)).Single().IsValid);

        await DocumentTampering.ChangeOneByteAsync(app, id);
        using (var scope = app.Services.CreateScope())
            Assert.Equal(DocumentCheck.ContentChanged,
                (await scope.ServiceProvider.GetRequiredService<SignedDocuments>().ForVisitAsync(exam.VisitId)).Single().Verdict.Check);

        // An attacker who also rewrites the stored hash is caught by the signature itself.
        await DocumentTampering.ChangeOneByteAsync(app, id, rehash: true);
        using (var scope = app.Services.CreateScope())
            Assert.Equal(DocumentCheck.SignatureInvalid,
                (await scope.ServiceProvider.GetRequiredService<SignedDocuments>().ForVisitAsync(exam.VisitId)).Single().Verdict.Check);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_second_version_needs_a_reason_and_keeps_the_first(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var doctor = await UserAsync(app);
        var exam = await ConcludedExamAsync(app);
        var v1 = await IssueAsync(app, doctor, new DocumentToSign(ClinicalDocumentKind.ExamRecord, exam.VisitId, exam.ExamId));

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            IssueAsync(app, doctor, new DocumentToSign(ClinicalDocumentKind.ExamRecord, exam.VisitId, exam.ExamId)));
        Assert.Contains("lý do", refused.Message);

        await using (var db = app.Database.NewContext())
        {
            db.Add(new ExamAddendum { ExamRecordId = exam.ExamId, Text = "Bổ sung: điện tim ST chênh xuống V4-V6", Reason = "Có kết quả điện tim", CreatedAt = DateTime.UtcNow, CreatedBy = "doctor" });
            await db.SaveChangesAsync();
        }
        var v2 = await IssueAsync(app, doctor, new DocumentToSign(ClinicalDocumentKind.ExamRecord, exam.VisitId, exam.ExamId, "Bổ sung kết quả điện tim"));

        await using var read = app.Database.NewContext();
        var second = await read.Set<ClinicalDocument>().SingleAsync(d => d.Id == v2);
        Assert.Equal((2, v1, "Bổ sung kết quả điện tim"), (second.Version, second.PreviousVersionId, second.CorrectionReason));
        var text = await PopplerAsync("pdftotext", second.Content);
        Assert.Contains("Bổ sung: điện tim ST chênh xuống V4-V6", text);
        Assert.Contains("phiên bản 2", text);
        Assert.Contains("Signature is Valid", await PopplerAsync("pdfsig", await ContentAsync(app, v1)));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_signed_document_cannot_be_changed_through_the_application(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var doctor = await UserAsync(app);
        var exam = await ConcludedExamAsync(app);
        var id = await IssueAsync(app, doctor, new DocumentToSign(ClinicalDocumentKind.ExamRecord, exam.VisitId, exam.ExamId));
        var before = await ContentAsync(app, id);

        await using (var db = AuditedContext(app, doctor))
        {
            var document = await db.Set<ClinicalDocument>().SingleAsync(d => d.Id == id);
            document.Title = "Sửa lén";
            await Assert.ThrowsAsync<DomainException>(() => db.SaveChangesAsync());
        }
        await using (var db = AuditedContext(app, doctor))
        {
            db.Remove(await db.Set<ClinicalDocument>().SingleAsync(d => d.Id == id));
            await Assert.ThrowsAsync<DomainException>(() => db.SaveChangesAsync());
        }
        Assert.Equal(before, await ContentAsync(app, id));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Wrong_password_or_no_certificate_is_refused_with_nothing_stored(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var exam = await ConcludedExamAsync(app);
        var document = new DocumentToSign(ClinicalDocumentKind.ExamRecord, exam.VisitId, exam.ExamId);
        var doctor = await UserAsync(app);
        var cashier = await UserAsync(app, "cashier");

        var wrong = await Assert.ThrowsAsync<DomainException>(() => IssueAsync(app, doctor, document, "sai-mat-khau"));
        Assert.Contains("Mật khẩu chứng thư số không đúng", wrong.Message);
        // The cashier is no clinician: the demo gave him no certificate.
        var none = await Assert.ThrowsAsync<DomainException>(() => IssueAsync(app, cashier, document));
        Assert.Contains("chưa có chứng thư số", none.Message);

        await using (var db = app.Database.NewContext())
        {
            var certificate = await db.Set<ClinicianCertificate>().SingleAsync(c => c.UserId == doctor.UserId);
            await db.Set<ClinicianCertificate>().Where(c => c.Id == certificate.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.NotAfter, DateTime.UtcNow.AddDays(-1)));
        }
        var expired = await Assert.ThrowsAsync<DomainException>(() => IssueAsync(app, doctor, document));
        Assert.Contains("đã hết hạn", expired.Message);

        await using var read = app.Database.NewContext();
        Assert.Equal(0, await read.Set<ClinicalDocument>().CountAsync());
        Assert.Equal(0, await read.Set<AuditEntry>().CountAsync(a => a.Action == AuditAction.Sign));
    }
}
