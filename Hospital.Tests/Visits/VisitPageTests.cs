using System.Net;
using Hospital.Domain.Data;
using Hospital.Domain.Patients;
using Hospital.Domain.Visits;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Hospital.Tests.Visits.VisitTestKit;

namespace Hospital.Tests.Visits;

/// <summary>The clerk's pages at the HTTP level: register from the form, see the ticket, cancel, find it in today's list.</summary>
public sealed class VisitPageTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Clerk_registers_a_bhyt_visit_sees_the_ticket_and_cancels_it(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var patient = await PatientAsync(app, age: 80, cardNumber: "HT3370123456789");
        await using (var db = app.Database.NewContext())
        {
            db.Add(new PatientAllergy { PatientId = patient.Id, Substance = "Penicillin", SubstanceKey = "penicillin", Reaction = "phát ban", RecordedAt = DateTime.UtcNow, RecordedBy = "test" });
            await db.SaveChangesAsync();
        }
        using var clerk = app.NewSession();
        Assert.True(WebSession.IsRedirectTo(await clerk.SignInAsync("reception"), "/"));

        var (response, page) = await clerk.GetPageAsync($"/reception/patients/{patient.Id}/visits/new");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(patient.FullName, page.QuerySelector("[data-testid=patient-header]")!.TextContent);
        Assert.Contains("Penicillin (phát ban)", page.QuerySelector("[data-testid=allergy-banner]")!.TextContent);
        Assert.True(page.QuerySelector("#kind-bhyt")!.HasAttribute("checked"));
        Assert.Equal("Aged75", page.QuerySelector("#priority option[selected]")!.GetAttribute("value"));
        Assert.Equal(7, page.QuerySelectorAll("[data-testid=room-option]").Length);
        Assert.Equal("1.1", page.QuerySelector("[data-testid=benefit-category]")!.TextContent.Trim());
        Assert.Equal("95%", page.QuerySelector("[data-testid=benefit-share]")!.TextContent.Trim());
        var pk01 = page.QuerySelector("input[name='Input.RoomId'][data-room-key='1']")!.GetAttribute("value")!;

        // Without a room: the form comes back with the message under the picker, nothing stored.
        var missing = await clerk.SubmitAsync(page, "#visit-form", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Bhyt", ["Input.Priority"] = "Aged75", ["Input.CardPresentation"] = "BhytCard",
        });
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("Chọn phòng khám.", await missing.Content.ReadAsStringAsync());
        Assert.Equal(0, (await CountAsync(app)).Visits);

        var saved = await clerk.SubmitAsync(page, "#visit-form", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Bhyt", ["Input.Priority"] = "Aged75", ["Input.CardPresentation"] = "VneId",
            ["Input.RoomId"] = pk01, ["Input.Reason"] = "Đau ngực",
        });
        Assert.True(WebSession.IsRedirectTo(saved, "/reception/visits/"), $"{(int)saved.StatusCode} {saved.Headers.Location}");
        var location = saved.Headers.Location!;
        var visitUrl = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString;

        (_, page) = await clerk.GetPageAsync(visitUrl);
        Assert.Equal("1", page.QuerySelector("[data-testid=ticket-number]")!.TextContent.Trim());
        Assert.Equal("thẻ chưa kiểm tra", page.QuerySelector("[data-testid=card-check]")!.TextContent.Trim());
        Assert.StartsWith("37001", page.QuerySelector("[data-testid=ma-lk]")!.TextContent.Trim());
        Assert.Equal("39.000", page.QuerySelector("[data-testid=charge-amount]")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector($"a[href='{visitUrl}/ticket']"));
        Assert.NotNull(page.QuerySelector($"a[href='{visitUrl}/ticket.pdf']"));
        Assert.Contains("Đã đăng ký lượt khám", page.QuerySelector("[data-testid=toast]")!.TextContent);

        (_, var list) = await clerk.GetPageAsync("/reception/visits?room=PK01");
        Assert.Contains(patient.FullName, list.QuerySelector("#visits tbody")!.TextContent);
        (_, list) = await clerk.GetPageAsync("/reception/visits?kind=Fee");
        Assert.DoesNotContain(patient.FullName, list.QuerySelector("#visits tbody")!.TextContent);

        var cancelled = await clerk.SubmitAsync(page, "[data-testid=visit-cancel-form]", new Dictionary<string, string> { ["CancelReason"] = "Người bệnh đổi ý" });
        Assert.True(WebSession.IsRedirectTo(cancelled, visitUrl), $"{(int)cancelled.StatusCode}");
        (_, page) = await clerk.GetPageAsync(visitUrl);
        Assert.Equal("Đã hủy", page.QuerySelector("[data-testid=visit-status]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-testid=visit-cancel-form]"));
        await using var check = app.Database.NewContext();
        var v = await check.Set<Visit>().SingleAsync();
        Assert.Equal((CardPresentation.VneId, "Đau ngực", "Người bệnh đổi ý"), (v.CardPresentation, v.Reason, v.VoidReason));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Without_a_valid_card_bhyt_is_disabled_with_the_reason_and_the_fragments_answer(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var patient = await PatientAsync(app, cardNumber: "DN4370123450001", cardFrom: Today.AddYears(-1), cardTo: Today.AddDays(-1));
        using var clerk = app.NewSession();
        Assert.True(WebSession.IsRedirectTo(await clerk.SignInAsync("reception"), "/"));

        var (_, page) = await clerk.GetPageAsync($"/reception/patients/{patient.Id}/visits/new");
        Assert.True(page.QuerySelector("#kind-bhyt")!.HasAttribute("disabled"));
        Assert.True(page.QuerySelector("#kind-fee")!.HasAttribute("checked"));
        Assert.Contains("đã hết hạn ngày", page.QuerySelector("[data-testid=no-bhyt-reason]")!.TextContent);

        (_, var preview) = await clerk.GetPageAsync($"/reception/visits/benefit-preview?patientId={patient.Id}&Input.Kind=Bhyt");
        Assert.Contains("đã hết hạn ngày", preview.Body!.TextContent);
        (_, var picker) = await clerk.GetPageAsync("/reception/visits/room-picker");
        Assert.Equal(7, picker.QuerySelectorAll("[data-testid=room-option]").Length);

        Assert.Equal(HttpStatusCode.NotFound, (await clerk.Client.GetAsync("/reception/patients/999999/visits/new")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.Client.GetAsync("/reception/visits/999999")).StatusCode);
    }
}
