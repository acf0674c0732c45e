using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Domain.Identity;
using Hospital.Domain.Visits;
using Hospital.Tests.Documents;
using Hospital.Tests.Infrastructure;
using Hospital.Tests.Queues;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Hospital.Tests.Browser;

/// <summary>
/// Issue 4's acceptance flow in Chromium: a doctor calls the next patient, records vitals and an
/// ICD-10 diagnosis found by its unaccented name, orders a lab panel and an X-ray, prescribes two
/// drugs, concludes and signs; the chart shows the signed exam record and prescription, and the
/// stored PDF carries Vietnamese text and a signature pdfsig accepts as the doctor's.
/// </summary>
public sealed class OutpatientExamFlowBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Doctor_examines_orders_prescribes_concludes_and_signs(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider, kestrel: true);
        var ticket = await QueueWebKit.AddTicketAsync(app, "PK03", "Trần Thị Hằng");
        await using var context = await browser.Browser.NewContextAsync();
        var doctor = await BrowserFixture.SignedInPageAsync(context, app, "doctor");

        await doctor.GotoAsync(app.BaseUrl + "/clinic/rooms/PK03/queue");
        await doctor.ClickAsync("[data-testid=call-next]");
        await doctor.ClickAsync($"[data-testid=current-{ticket.Number}] [data-testid=start-{ticket.Number}]");
        await doctor.WaitForURLAsync($"**/clinic/visits/{ticket.VisitId}/exam");

        await doctor.FillAsync("[data-testid=vital-pulse]", "84");
        await doctor.FillAsync("[data-testid=vital-temperature]", "36,8");
        await doctor.FillAsync("[data-testid=vital-systolic]", "158");
        await doctor.FillAsync("[data-testid=vital-diastolic]", "96");
        await doctor.FillAsync("[data-testid=dx-primary-search]", "benh ly tang huyet ap");
        await doctor.ClickAsync("[data-testid=dx-result-I10]");
        await Assertions.Expect(doctor.Locator("[data-testid=dx-primary-code]")).ToHaveValueAsync("I10");
        await doctor.ClickAsync("label[for=disp-home]");

        // A lab panel from its order-set button, an X-ray found by typing.
        await doctor.ClickAsync("[data-testid=order-set-SHM-CB]");
        await Assertions.Expect(doctor.Locator("[data-testid=orders-success]")).ToBeVisibleAsync();
        await TypeUntilShownAsync(doctor, "[data-testid=order-service-search]", "x quang nguc thang", "[data-testid=order-search-result]");
        await doctor.Locator("[data-testid=order-service-search]").PressAsync("Enter");
        await Assertions.Expect(doctor.Locator("[data-testid=order-row][data-service-code='18.0119.0028']")).ToBeVisibleAsync();

        await PrescribeAsync(doctor, "amlodipin 5", "TH0019");
        await PrescribeAsync(doctor, "losartan", "TH0021");
        await Assertions.Expect(doctor.Locator("[data-testid=rx-line]")).ToHaveCountAsync(2);

        await Assertions.Expect(doctor.Locator("[data-testid=autosave-status]")).ToContainTextAsync("Đã lưu nháp lúc");
        await TypeUntilKeptAsync(doctor, "[data-testid=signing-password]", HospitalAppFactory.Password);
        await doctor.ClickAsync("[data-testid=conclude]");
        await doctor.WaitForSelectorAsync("[data-testid=exam-locked], [data-testid=exam-errors]", new() { Timeout = 30000 });
        Assert.Equal("", await doctor.Locator("[data-testid=exam-errors]").AllInnerTextsAsync() is var errors && errors.Count > 0 ? string.Join(" | ", errors) : "");
        await Assertions.Expect(doctor.Locator("[data-testid^=document-valid-]")).ToHaveCountAsync(2);
        await Assertions.Expect(doctor.Locator("[data-testid=rx-national-code]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9A-Za-z]{5}[0-9a-z]{7}-C$"));

        // What was stored: concluded, two lab tests and an X-ray each with its charge, two drug lines.
        int patientId;
        long examDocumentId;
        string doctorName;
        await using (var db = app.Database.NewContext())
        {
            var visit = await db.Set<Visit>().SingleAsync(v => v.Id == ticket.VisitId);
            patientId = visit.PatientId;
            Assert.Equal(VisitStatus.Concluded, visit.Status);
            var orders = await db.Set<ServiceOrder>().Where(o => o.VisitId == ticket.VisitId).ToListAsync();
            Assert.Contains(orders, o => o.Kind == OrderKind.Imaging);
            Assert.True(orders.Count(o => o.Kind == OrderKind.Lab) >= 2);
            Assert.All(orders, o => Assert.NotNull(o.ChargeId));
            Assert.Equal(2, await db.Set<PrescriptionLine>().CountAsync());
            var documents = await db.Set<ClinicalDocument>().Where(d => d.VisitId == ticket.VisitId)
                .Select(d => new { d.Id, d.Kind }).ToListAsync();
            Assert.Equal([ClinicalDocumentKind.ExamRecord, ClinicalDocumentKind.Prescription], documents.Select(d => d.Kind).Order());
            examDocumentId = documents.Single(d => d.Kind == ClinicalDocumentKind.ExamRecord).Id;
            doctorName = await db.Set<AppUser>().Where(u => u.UserName == "doctor").Select(u => u.FullName).SingleAsync();
        }

        await doctor.ClickAsync("[data-testid=open-chart]");
        await doctor.WaitForURLAsync($"**/clinic/patients/{patientId}/chart");
        var chartDocuments = doctor.Locator("[data-testid=documents]");
        await Assertions.Expect(chartDocuments).ToContainTextAsync("Phiếu khám bệnh");
        await Assertions.Expect(chartDocuments).ToContainTextAsync("Đơn thuốc");
        await Assertions.Expect(doctor.Locator("[data-testid=diagnoses]")).ToContainTextAsync("I10");

        // The PDF as the doctor opens it: Vietnamese text intact, and pdfsig names the doctor's certificate.
        var response = await context.APIRequest.GetAsync($"{app.BaseUrl}/clinic/documents/{examDocumentId}/pdf");
        Assert.Equal(200, response.Status);
        var pdf = await response.BodyAsync();
        var text = await DocumentTestKit.PopplerAsync("pdftotext", pdf);
        Assert.Contains("PHIẾU KHÁM BỆNH", text);
        Assert.Contains("trần thị hằng", text.ToLowerInvariant());
        Assert.Contains("tăng huyết áp", text.ToLowerInvariant());
        var signature = await DocumentTestKit.PopplerAsync("pdfsig", pdf);
        Assert.Contains("Signature is Valid", signature);
        Assert.Contains(doctorName, signature);

        // The audit trail names the doctor for the edits, each signature, the chart opening and the print.
        await using (var db = app.Database.NewContext())
        {
            var trail = await db.Set<Hospital.Domain.Audit.AuditEntry>().Where(a => a.UserName == "doctor")
                .Select(a => new { a.Action, a.Entity, a.EntityKey, a.At }).ToListAsync();
            Assert.Contains(trail, a => a is { Action: "Update", Entity: "ExamRecord" });
            Assert.Equal(2, trail.Count(a => a.Action == "Sign"));
            Assert.Contains(trail, a => a.Action == "Open" && a.Entity == "PatientChart" && a.EntityKey == patientId.ToString());
            Assert.Contains(trail, a => a.Action == "Print" && a.EntityKey == examDocumentId.ToString());
            Assert.All(trail, a => Assert.True(a.At > DateTime.UtcNow.AddMinutes(-10)));
        }
    }

    private static async Task PrescribeAsync(IPage doctor, string search, string drugCode)
    {
        var result = $"[data-testid=rx-drug-result][data-drug-code={drugCode}]";
        await TypeUntilShownAsync(doctor, "[data-testid=rx-drug-search]", search, result);
        await doctor.ClickAsync(result);
        await Assertions.Expect(doctor.Locator("[data-testid=rx-selected-drug]")).ToBeVisibleAsync();
        await doctor.FillAsync("[data-testid=rx-dose]", "1");
        await doctor.FillAsync("[data-testid=rx-times]", "1");
        await doctor.FillAsync("[data-testid=rx-days]", "30");
        var lines = await doctor.Locator("[data-testid=rx-line]").CountAsync();
        await doctor.ClickAsync("[data-testid=rx-add-line]");
        await Assertions.Expect(doctor.Locator("[data-testid=rx-line]")).ToHaveCountAsync(lines + 1);
    }

    // The panels re-render themselves after each action (htmx outerHTML swaps), and under load a late
    // swap can land after the test has typed into the new input and wipe it (seen in CI; see the
    // issue-4 note). A doctor would retype; so does the test, at most three times.
    private static async Task TypeUntilShownAsync(IPage page, string input, string text, string shown)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.FillAsync(input, "");
            await page.FillAsync(input, text);
            try
            {
                await Assertions.Expect(page.Locator(shown).First).ToBeVisibleAsync(new() { Timeout = 8000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3) { }
        }
    }

    private static async Task TypeUntilKeptAsync(IPage page, string input, string text)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.FillAsync(input, text);
            await Task.Delay(1000);
            if (await page.InputValueAsync(input) == text || attempt == 3) break;
        }
        await Assertions.Expect(page.Locator(input)).ToHaveValueAsync(text);
    }
}
