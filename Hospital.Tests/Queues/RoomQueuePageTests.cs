using System.Net;
using System.Text.Json;
using Hospital.Domain.Data;
using Hospital.Domain.Visits;
using Hospital.Tests.Infrastructure;

namespace Hospital.Tests.Queues;

/// <summary>The doctor's queue page and the queue API over HTTP, on the started app.</summary>
public sealed class RoomQueuePageTests
{
    /// <summary>The value of the pressed button (each button posts the page's one form with op = action:ticket).</summary>
    private static Dictionary<string, string> Op(string op) => new() { ["op"] = op };

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Doctor_calls_skips_recalls_and_starts_the_exam_from_the_queue_page(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var plain = await QueueWebKit.AddTicketAsync(app, "PK01", "Trần Văn Bình");
        var child = await QueueWebKit.AddTicketAsync(app, "PK01", "Lê Bé Na", PriorityGroup.ChildUnder6, QueueWebKit.Today.AddMonths(-30));
        using var doctor = await QueueWebKit.SignedInAsync(app, "doctor");

        // The clinic workspace links each exam room with its waiting count.
        var (_, clinic) = await doctor.GetPageAsync("/clinic");
        var link = clinic.QuerySelector("[data-testid=room-queue-PK01]")!;
        Assert.Equal("/clinic/rooms/PK01/queue", link.GetAttribute("href"));
        Assert.Contains("2 người đang chờ", link.TextContent);

        var (_, page) = await doctor.GetPageAsync("/clinic/rooms/PK01/queue");
        var rows = page.QuerySelectorAll("[data-testid=waiting] tbody tr").Select(r => r.GetAttribute("data-testid")).ToList();
        Assert.Equal([$"waiting-{child.Number}", $"waiting-{plain.Number}"], rows);
        Assert.Contains("Trẻ < 6 tuổi", page.QuerySelector($"[data-testid=waiting-{child.Number}]")!.TextContent);
        Assert.Contains("30 tháng", page.QuerySelector($"[data-testid=waiting-{child.Number}]")!.TextContent);

        var called = await doctor.SubmitAsync(page, "#queue-action", Op("call-next"));
        Assert.True(WebSession.IsRedirectTo(called, "/clinic/rooms/PK01/queue"), called.StatusCode.ToString());
        (_, page) = await doctor.GetPageAsync("/clinic/rooms/PK01/queue");
        Assert.Contains($"Đã gọi số {child.Number}.", page.QuerySelector("#toasts")!.TextContent);
        Assert.Equal(TicketStatus.Called, (await QueueWebKit.LoadAsync(app, child.Id)).Status);

        await doctor.SubmitAsync(page, "#queue-action", Op($"skip:{child.Id}"));
        (_, page) = await doctor.GetPageAsync("/clinic/rooms/PK01/queue");
        Assert.Contains("Lê Bé Na", page.QuerySelector("[data-testid=skipped]")!.TextContent);

        await doctor.SubmitAsync(page, "#queue-action", Op($"recall:{child.Id}"));
        var recalled = await QueueWebKit.LoadAsync(app, child.Id);
        Assert.Equal((TicketStatus.Called, 2), (recalled.Status, recalled.CallCount));

        (_, page) = await doctor.GetPageAsync("/clinic/rooms/PK01/queue");
        await doctor.SubmitAsync(page, "#queue-action", Op($"start:{child.Id}"));
        var started = await QueueWebKit.LoadAsync(app, child.Id);
        Assert.Equal(TicketStatus.InExam, started.Status);
        Assert.Equal(VisitStatus.InExam, started.Visit!.Status);

        // Skipping a patient already in the exam (a stale page): a Vietnamese message, nothing changed.
        var stale = await doctor.SubmitAsync(page, "#queue-action", Op($"skip:{child.Id}"));
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Contains($"Số {child.Number} đang ở trạng thái \"Đang khám\" nên không thể bỏ qua.", WebUtility.HtmlDecode(html));
        Assert.Equal(TicketStatus.InExam, (await QueueWebKit.LoadAsync(app, child.Id)).Status);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Queue_api_lists_the_room_in_call_order_with_stable_names(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var a = await QueueWebKit.AddTicketAsync(app, "PK02", "Trần Văn A");
        var b = await QueueWebKit.AddTicketAsync(app, "PK02", "Cụ Ông B", PriorityGroup.Aged75);
        var c = await QueueWebKit.AddTicketAsync(app, "PK02", "Chị C", PriorityGroup.Emergency);
        using var reception = await QueueWebKit.SignedInAsync(app, "reception");
        using var doctor = await QueueWebKit.SignedInAsync(app, "doctor");
        var (_, page) = await doctor.GetPageAsync("/clinic/rooms/PK02/queue");
        await doctor.SubmitAsync(page, "#queue-action", Op("call-next"));

        var response = await reception.Client.GetAsync("/api/v1/queues/PK02");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([b.Number, a.Number, c.Number], items.Select(i => i.GetProperty("ticketNumber").GetInt32()));
        Assert.Equal(["aged-75", "none", "emergency"], items.Select(i => i.GetProperty("priority").GetString()));
        Assert.Equal(["waiting", "waiting", "called"], items.Select(i => i.GetProperty("status").GetString()));
        Assert.Equal(b.VisitId, items[0].GetProperty("visitId").GetInt32());
        Assert.Equal(["ticketNumber", "visitId", "priority", "status"], items[0].EnumerateObject().Select(p => p.Name));

        var missing = await reception.Client.GetAsync("/api/v1/queues/NOPE");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Không có phòng mã 'NOPE'.", await missing.Content.ReadAsStringAsync());

        // Documented in the OpenAPI file.
        var openApi = await reception.Client.GetStringAsync("/api/v1/openapi.json");
        Assert.Contains("/api/v1/queues/{roomCode}", openApi);
        Assert.Contains("child-under-6", openApi);
    }
}
