using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Tests.Infrastructure;
using Hospital.Tests.Queues;
using Microsoft.EntityFrameworkCore;
using static Hospital.Tests.Lis.LabTestKit;
using static Hospital.Tests.Orders.OrdersTestKit;

namespace Hospital.Tests.Lis;

/// <summary>Receiving tubes by scanning at /lab, and their 50 × 25 mm labels.</summary>
public sealed class SpecimenReceiptPageTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Scanning_a_barcode_receives_the_tube_and_shows_what_it_holds(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var visitId = await VisitAsync(app);
        await OrderServicesAsync(app, visitId, BloodCount, Glucose);
        await DeliverAsync(app);
        string serum;
        await using (var db = app.Database.NewContext())
            serum = await db.Set<Specimen>().Where(s => s.SpecimenType == SpecimenType.Serum).Select(s => s.Barcode).SingleAsync();

        using var lab = await QueueWebKit.SignedInAsync(app, "labtech");
        var (_, page) = await lab.GetPageAsync("/lab");
        Assert.NotNull(page.QuerySelector("[data-testid=specimen-scan] input[name=barcode]"));
        Assert.Contains(serum, page.QuerySelector("[data-testid=pending-specimens]")!.TextContent);

        var html = await ScanAsync(lab, page, serum);
        var result = new HtmlParser().ParseDocument(html);
        Assert.Contains("Đã nhận ống mẫu", result.QuerySelector("[data-testid=specimen-scan-ok]")!.TextContent);
        Assert.Contains(serum, html);
        Assert.Contains("Định lượng glucose (máu)", html);
        Assert.Contains("Đã nhận mẫu", html);
        await using (var db = app.Database.NewContext())
        {
            var specimen = await db.Set<Specimen>().Include(s => s.Tests).SingleAsync(s => s.Barcode == serum);
            Assert.NotNull(specimen.ReceivedAt);
            Assert.Equal("labtech", specimen.ReceivedBy);
            Assert.All(specimen.Tests, t => Assert.Equal(LabTestStatus.Received, t.Status));
            var edta = await db.Set<Specimen>().Include(s => s.Tests).SingleAsync(s => s.SpecimenType == SpecimenType.WholeBloodEdta);
            Assert.Null(edta.ReceivedAt);
            Assert.All(edta.Tests, t => Assert.Equal(LabTestStatus.Ordered, t.Status));
        }

        Assert.Contains("đã được nhận lúc", await ScanAsync(lab, page, serum));
        var (_, after) = await lab.GetPageAsync("/lab");
        Assert.DoesNotContain(serum, after.QuerySelector("[data-testid=pending-specimens]")!.TextContent);
        var unknown = new HtmlParser().ParseDocument(await ScanAsync(lab, page, "99X-NOT-A-TUBE"));
        Assert.Contains("Không tìm thấy ống mẫu có mã vạch \"99X-NOT-A-TUBE\"", unknown.QuerySelector("[data-testid=specimen-scan-error]")!.TextContent);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_label_is_a_50_by_25_mm_pdf_with_patient_tube_and_barcode(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var visitId = await VisitAsync(app);
        await OrderServicesAsync(app, visitId, BloodCount, Glucose);
        await DeliverAsync(app);
        await using var db = app.Database.NewContext();
        var edta = await db.Set<Specimen>().SingleAsync(s => s.SpecimenType == SpecimenType.WholeBloodEdta);
        var patient = await db.Set<Domain.Patients.Patient>().SingleAsync(p => p.Id == edta.PatientId);

        using var lab = await QueueWebKit.SignedInAsync(app, "labtech");
        var bytes = await lab.Client.GetByteArrayAsync($"/lab/specimens/{edta.Barcode}/label.pdf");
        var file = Path.Combine(Path.GetTempPath(), $"label-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, bytes);
        try
        {
            var text = await PopplerTools.RunAsync("pdftotext", $"-layout {file} -");
            Assert.Contains(patient.FullName.ToUpperInvariant(), text);
            Assert.Contains(patient.Code, text);
            Assert.Contains(patient.DateOfBirth!.Value.ToString("dd/MM/yyyy"), text);
            Assert.Contains("EDTA", text);
            Assert.Contains(edta.Barcode, text);
            Assert.Contains("WBC", text);
            // 50 × 25 mm = 141.73 × 70.87 pt.
            Assert.Matches(@"Page size:\s+141\.7\d* x 70\.8\d*", await PopplerTools.RunAsync("pdfinfo", file));

            var order = await lab.Client.GetByteArrayAsync($"/lab/orders/{edta.LabOrderId}/labels.pdf");
            await File.WriteAllBytesAsync(file, order);
            Assert.Matches(@"Pages:\s+2\b", await PopplerTools.RunAsync("pdfinfo", file));
        }
        finally
        {
            File.Delete(file);
        }
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await lab.Client.GetAsync("/lab/specimens/NOPE/label.pdf")).StatusCode);
    }

    private static async Task<string> ScanAsync(WebSession lab, AngleSharp.Html.Dom.IHtmlDocument page, string barcode)
    {
        var response = await lab.SubmitAsync(page, "[data-testid=specimen-scan] form", new Dictionary<string, string> { ["barcode"] = barcode }, "/lab/specimens/receive");
        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        return await response.Content.ReadAsStringAsync();
    }
}
