using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Tests.Infrastructure;
using Hospital.Tests.Queues;
using static Hospital.Tests.Lis.Unmatched.UnmatchedTestKit;

namespace Hospital.Tests.Lis.Unmatched;

/// <summary>The unmatched queue through HTTP: the API of the contract and the technician's /lab/unmatched page.</summary>
public sealed class UnmatchedPageTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_api_lists_open_rows_oldest_first_with_exactly_the_contract_fields(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var now = DateTime.UtcNow;
        var newer = await QueueAsync(app, "B-2", "GLU", "5.1", UnmatchedReason.NotOrdered, "BS1", now.AddMinutes(-5));
        var older = await QueueAsync(app, "A-1", "WBC", "----", receivedAt: now.AddHours(-3));
        var settled = await QueueAsync(app, "C-3", "PLT", "250", receivedAt: now.AddHours(-4));
        await WithQueueAsync(app, async q => { await q.DiscardAsync(settled, "Mẫu thử máy", "labtech", default); return 0; });

        using var lab = await QueueWebKit.SignedInAsync(app, "labtech");
        var response = await lab.Client.GetAsync("/api/v1/lab-results/unmatched");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([older, newer], items.Select(i => i.GetProperty("id").GetInt64()));
        Assert.All(items, i => Assert.Equal(["id", "analyser", "barcode", "analyserTestCode", "value", "receivedAt"], i.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(("XN1", "A-1", "WBC", "----"), (items[0].GetProperty("analyser").GetString(), items[0].GetProperty("barcode").GetString(),
            items[0].GetProperty("analyserTestCode").GetString(), items[0].GetProperty("value").GetString()));
        Assert.Equal(now.AddHours(-3), items[0].GetProperty("receivedAt").GetDateTime().ToUniversalTime(), TimeSpan.FromMilliseconds(1));

        using var doctor = await QueueWebKit.SignedInAsync(app, "doctor");
        Assert.Equal(HttpStatusCode.Forbidden, (await doctor.Client.GetAsync("/api/v1/lab-results/unmatched")).StatusCode);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_technician_assigns_a_row_on_the_page_and_a_discard_without_reason_is_refused(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var tubes = await TubesAsync(app);
        var id = await QueueAsync(app, "99" + tubes.Edta, "PLT", "180", unit: "10*3/uL");
        var other = await QueueAsync(app, tubes.Serum, "HBA1C", "6.1", UnmatchedReason.UnmappedCode, "BS1");

        using var lab = await QueueWebKit.SignedInAsync(app, "labtech");
        var (_, list) = await lab.GetPageAsync("/lab/unmatched");
        var rows = list.QuerySelectorAll("[data-testid=unmatched-row]");
        Assert.Equal([id.ToString(), other.ToString()], rows.Select(r => r.GetAttribute("data-id")));
        Assert.Contains("Không tìm thấy ống mẫu", rows[0].TextContent);
        Assert.Contains("Mã xét nghiệm chưa ánh xạ", rows[1].TextContent);
        Assert.Equal("unmapped-code", rows[1].GetAttribute("data-reason"));
        Assert.Null(list.QuerySelector("[data-testid=unmatched-resolve]"));

        var (pageResponse, page) = await lab.GetPageAsync($"/lab/unmatched?id={id}");
        Assert.True(page.QuerySelector("[data-testid=unmatched-resolve]") is not null, app.Logs.All);
        Assert.Equal(id.ToString(), page.QuerySelector("[data-testid=unmatched-resolve]")!.GetAttribute("data-id"));
        // The analyser's barcode is unknown: the pick list is empty until the right tube is typed.
        Assert.NotNull(page.QuerySelector("[data-testid=assign-barcode-unknown]"));
        var fragment = new HtmlParser().ParseDocument(await lab.Client.GetStringAsync($"/lab/unmatched/{id}/tests?AssignBarcode={tubes.Edta}"));
        var options = fragment.QuerySelectorAll("#assign-test option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains("HH-PLT", options);
        Assert.DoesNotContain("SH-GLU", options);
        Assert.Equal("HH-PLT", fragment.QuerySelector("#assign-test option[selected]")!.GetAttribute("value"));

        var refused = await lab.SubmitAsync(page, "[data-testid=unmatched-discard-form]", new Dictionary<string, string> { ["DiscardReason"] = " " }, $"/lab/unmatched?id={id}");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Nhập lý do hủy kết quả chưa khớp.", refusedPage.QuerySelector("[data-testid=unmatched-error]")!.TextContent.Trim());

        var wrong = await lab.SubmitAsync(page, "[data-testid=unmatched-assign-form]",
            new Dictionary<string, string> { ["AssignBarcode"] = tubes.Serum, ["AssignTestCode"] = "HH-PLT" }, $"/lab/unmatched?id={id}");
        var wrongPage = new HtmlParser().ParseDocument(await wrong.Content.ReadAsStringAsync());
        Assert.True(wrongPage.QuerySelector("[data-testid=unmatched-error]") is not null, app.Logs.All);
        Assert.Equal($"Xét nghiệm HH-PLT không được chỉ định trên ống mẫu {tubes.Serum}.", wrongPage.QuerySelector("[data-testid=unmatched-error]")!.TextContent.Trim());

        var assigned = await lab.SubmitAsync(page, "[data-testid=unmatched-assign-form]",
            new Dictionary<string, string> { ["AssignBarcode"] = tubes.Edta, ["AssignTestCode"] = "HH-PLT" }, $"/lab/unmatched?id={id}");
        Assert.True(WebSession.IsRedirectTo(assigned, "/lab/unmatched"), assigned.StatusCode.ToString());
        var row = await RowAsync(app, id);
        Assert.Equal((UnmatchedResolution.Assigned, "labtech"), (row.Resolution, row.ResolvedBy));

        var (_, after) = await lab.GetPageAsync("/lab/unmatched");
        Assert.Equal([other.ToString()], after.QuerySelectorAll("[data-testid=unmatched-row]").Select(r => r.GetAttribute("data-id")));
        // A second technician's stale page: the row is gone and the reason is said.
        var stale = await lab.SubmitAsync(page, "[data-testid=unmatched-assign-form]",
            new Dictionary<string, string> { ["AssignBarcode"] = tubes.Edta, ["AssignTestCode"] = "HH-PLT" }, $"/lab/unmatched?id={id}");
        var stalePage = new HtmlParser().ParseDocument(await stale.Content.ReadAsStringAsync());
        Assert.Contains("đã được gán bởi labtech", stalePage.QuerySelector("[data-testid=unmatched-error]")!.TextContent);
        Assert.Null(stalePage.QuerySelector("[data-testid=unmatched-resolve]"));
    }
}
