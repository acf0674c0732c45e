using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hospital.Domain.Audit;
using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Emr.Documents;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Hospital.Tests.Documents.DocumentTestKit;

namespace Hospital.Tests.Documents;

/// <summary>The documents API contract (field names, bytes as stored, audit of each download), the CA PEM, and the panel's valid/invalid badges.</summary>
public sealed class DocumentApiTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Lists_downloads_and_verifies_by_the_contract(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var doctor = await UserAsync(app);
        var exam = await ConcludedExamAsync(app);
        var id = await IssueAsync(app, doctor, new DocumentToSign(ClinicalDocumentKind.ExamRecord, exam.VisitId, exam.ExamId));
        var stored = await ContentAsync(app, id);
        using var session = app.NewSession();
        Assert.True(WebSession.IsRedirectTo(await session.SignInAsync("doctor"), "/"));

        var list = await session.Client.GetFromJsonAsync<JsonElement>($"/api/v1/documents?visitId={exam.VisitId}");
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(["id", "kind", "version", "signedBy", "signedAt", "valid"], item.EnumerateObject().Select(p => p.Name));
        Assert.Equal((id, "ExamRecord", 1, "BS. Lê Văn Khám", true), (item.GetProperty("id").GetInt64(), item.GetProperty("kind").GetString(),
            item.GetProperty("version").GetInt32(), item.GetProperty("signedBy").GetString(), item.GetProperty("valid").GetBoolean()));

        var pdf = await session.Client.GetAsync($"/api/v1/documents/{id}/pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal(stored, await pdf.Content.ReadAsByteArrayAsync());
        var inline = await session.Client.GetAsync($"/clinic/documents/{id}/pdf");
        Assert.Equal(HttpStatusCode.OK, inline.StatusCode);
        Assert.StartsWith("inline", inline.Content.Headers.ContentDisposition?.ToString() ?? inline.Headers.GetValues("Content-Disposition").First());
        await using (var db = app.Database.NewContext())
            Assert.Equal(2, await db.Set<AuditEntry>().CountAsync(a => a.Action == AuditAction.Print && a.Entity == nameof(ClinicalDocument) && a.EntityKey == id.ToString()));

        var ca = await session.Client.GetStringAsync("/api/v1/documents/signing-ca");
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", ca);

        Assert.Equal(HttpStatusCode.BadRequest, (await session.Client.GetAsync("/api/v1/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync("/api/v1/documents/999999/pdf")).StatusCode);

        var (_, panel) = await session.GetPageAsync($"/clinic/visits/{exam.VisitId}/documents");
        Assert.NotNull(panel.QuerySelector($"[data-testid=document-valid-{id}]"));

        await DocumentTampering.ChangeOneByteAsync(app, id);
        var after = await session.Client.GetFromJsonAsync<JsonElement>($"/api/v1/documents?visitId={exam.VisitId}");
        Assert.False(after.GetProperty("items")[0].GetProperty("valid").GetBoolean());
        (_, panel) = await session.GetPageAsync($"/clinic/visits/{exam.VisitId}/documents");
        Assert.NotNull(panel.QuerySelector($"[data-testid=document-invalid-{id}]"));
        Assert.Null(panel.QuerySelector($"[data-testid=document-valid-{id}]"));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Reception_cannot_read_clinical_documents(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var session = app.NewSession();
        Assert.True(WebSession.IsRedirectTo(await session.SignInAsync("reception"), "/"));
        Assert.Equal(HttpStatusCode.Forbidden, (await session.Client.GetAsync("/api/v1/documents?visitId=1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/api/v1/documents/signing-ca")).StatusCode);
    }
}
