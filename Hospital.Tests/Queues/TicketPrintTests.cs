using System.Net;
using Hospital.Domain.Data;
using Hospital.Domain.Visits;
using Hospital.Tests.Infrastructure;

namespace Hospital.Tests.Queues;

/// <summary>The queue ticket as an HTML print view and as a PDF (checked with poppler's pdftotext/pdfinfo).</summary>
public sealed class TicketPrintTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Ticket_print_view_and_pdf_show_number_patient_and_barcode(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        await QueueWebKit.AddTicketAsync(app, "PK06", "Phạm Thị Hường");
        var ticket = await QueueWebKit.AddTicketAsync(app, "PK06", "Nguyễn Thị Ánh Tuyết", PriorityGroup.Aged75, new DateOnly(1946, 3, 2));
        var visit = (await QueueWebKit.LoadAsync(app, ticket.Id)).Visit!;
        using var reception = await QueueWebKit.SignedInAsync(app, "reception");

        var (response, page) = await reception.GetPageAsync($"/reception/visits/{ticket.VisitId}/ticket");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var slip = page.QuerySelector("[data-testid=ticket]")!;
        Assert.Contains("ticket-80mm", slip.ClassName);
        Assert.Equal("2", page.QuerySelector("[data-testid=ticket-number]")!.TextContent.Trim());
        Assert.Contains("Nguyễn Thị Ánh Tuyết", slip.TextContent);
        Assert.Contains("≥ 75 tuổi", slip.TextContent);
        Assert.Contains(visit.Code, slip.TextContent);
        var barcode = slip.QuerySelector("svg.code128")!;
        Assert.Equal(visit.Code, barcode.GetAttribute("data-code128"));
        Assert.True(barcode.QuerySelectorAll("rect").Length > 20);
        Assert.NotNull(page.QuerySelector("[data-testid=ticket-qr] svg"));
        Assert.Contains("@page { size: 80mm", page.Head!.InnerHtml);

        var (_, a5) = await reception.GetPageAsync($"/reception/visits/{ticket.VisitId}/ticket?layout=a5");
        Assert.Contains("ticket-a5", a5.QuerySelector("[data-testid=ticket]")!.ClassName);
        Assert.Contains("@page { size: A5", a5.Head!.InnerHtml);

        var pdf = await reception.Client.GetAsync($"/reception/visits/{ticket.VisitId}/ticket.pdf?layout=80mm");
        Assert.True(pdf.Content.Headers.ContentType?.MediaType == "application/pdf", $"{pdf.StatusCode} {string.Join("\n", app.Logs.Lines.TakeLast(2))}");
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        var file = Path.Combine(Path.GetTempPath(), $"ticket-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, bytes);
        try
        {
            var text = await PopplerTools.RunAsync("pdftotext", $"-layout {file} -");
            Assert.Contains("PHIẾU SỐ THỨ TỰ KHÁM BỆNH", text);
            Assert.Contains("NGUYỄN THỊ ÁNH TUYẾT", text);
            Assert.Contains("Ưu tiên: ≥ 75 tuổi", text);
            Assert.Contains(visit.Code, text);
            Assert.Matches(@"(?m)^\s*2\s*$", text);
            // 80 mm = 226.77 pt wide.
            var info = await PopplerTools.RunAsync("pdfinfo", file);
            Assert.True(System.Text.RegularExpressions.Regex.IsMatch(info, @"Page size:\s+226\.77\d* x"), info);

            var a5Pdf = await reception.Client.GetByteArrayAsync($"/reception/visits/{ticket.VisitId}/ticket.pdf?layout=a5");
            await File.WriteAllBytesAsync(file, a5Pdf);
            Assert.Matches(@"Page size:\s+419\.5\d* x 595\.\d+", await PopplerTools.RunAsync("pdfinfo", file));
        }
        finally
        {
            File.Delete(file);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await reception.Client.GetAsync("/reception/visits/999999/ticket.pdf")).StatusCode);
        using var doctor = await QueueWebKit.SignedInAsync(app, "doctor");
        Assert.Equal(HttpStatusCode.Redirect, (await doctor.Client.GetAsync($"/reception/visits/{ticket.VisitId}/ticket.pdf")).StatusCode);
    }
}
