using System.Net;
using AngleSharp.Html.Dom;
using Hospital.Domain.Data;
using Hospital.Domain.Outbox;
using Hospital.Tests.Infrastructure;

namespace Hospital.Tests.Outbox;

/// <summary>The outbox admin screen: the list, and cancel/retry as form posts with antiforgery.</summary>
public sealed class OutboxScreenTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Admin_sees_messages_and_cancels_and_retries_them(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var ids = await OutboxTestKit.EnqueueAsync(app.Database, TimeProvider.System, "bhxh.card-check", 3);
        using var admin = app.NewSession();
        Assert.True(WebSession.IsRedirectTo(await admin.SignInAsync("admin"), "/"));

        var (response, page) = await admin.GetPageAsync("/admin/outbox?reference=REF-0002");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = Assert.Single(page.QuerySelectorAll("#outbox-table tbody tr"));
        Assert.Contains("bhxh.card-check", row.TextContent);
        Assert.Equal("Chờ gửi", row.QuerySelector("[data-testid=outbox-state]")!.TextContent.Trim());
        Assert.NotNull(row.QuerySelector("button[data-testid=outbox-cancel][data-confirm]"));

        var cancelled = await admin.SubmitAsync(page, $"form[action='/admin/outbox/{ids[1]}/cancel']", new Dictionary<string, string>());
        Assert.True(WebSession.IsRedirectTo(cancelled, "/admin/outbox?reference=REF-0002"), $"{(int)cancelled.StatusCode} {cancelled.Headers.Location}");
        var m = await OutboxTestKit.LoadAsync(app.Database, ids[1]);
        Assert.Equal(OutboxState.Cancelled, m.State);
        Assert.Equal("admin", m.HandledBy);

        (_, page) = await admin.GetPageAsync(cancelled.Headers.Location!.OriginalString);
        Assert.Contains($"Đã hủy tin nhắn #{ids[1]}.", page.QuerySelector("[data-testid=toast]")!.TextContent);
        Assert.Equal("Đã hủy", page.QuerySelector("[data-testid=outbox-state]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("button[data-testid=outbox-cancel]"));

        // Cancelling again from a stale page: refused with the reason, nothing changes.
        var stale = await admin.SubmitAsync(page, $"form[action='/admin/outbox/{ids[1]}/retry']", new Dictionary<string, string>(),
            $"/admin/outbox/{ids[1]}/cancel");
        (_, page) = await admin.GetPageAsync(stale.Headers.Location!.OriginalString);
        Assert.Contains("đã bị hủy trước đó", page.QuerySelector("[data-testid=toast]")!.TextContent);

        var retried = await admin.SubmitAsync(page, $"form[action='/admin/outbox/{ids[1]}/retry']", new Dictionary<string, string>());
        Assert.True(WebSession.IsRedirectTo(retried, "/admin/outbox"));
        Assert.Equal(OutboxState.Pending, (await OutboxTestKit.LoadAsync(app.Database, ids[1])).State);

        (_, page) = await admin.GetPageAsync("/admin/outbox?state=Cancelled");
        Assert.Empty(page.QuerySelectorAll("#outbox-table tbody tr [data-testid=outbox-state]"));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Actions_without_an_antiforgery_token_or_by_another_role_are_refused(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var id = (await OutboxTestKit.EnqueueAsync(app.Database, TimeProvider.System, "bhxh.card-check", 1)).Single();

        using var admin = app.NewSession();
        Assert.True(WebSession.IsRedirectTo(await admin.SignInAsync("admin"), "/"));
        var forged = await admin.Client.PostAsync($"/admin/outbox/{id}/cancel", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        using var doctor = app.NewSession();
        Assert.True(WebSession.IsRedirectTo(await doctor.SignInAsync("doctor"), "/"));
        var (_, home) = await doctor.GetPageAsync("/");
        var token = (home.QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement)!.Value;
        var denied = await doctor.Client.PostAsync($"/admin/outbox/{id}/cancel",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.True(WebSession.IsRedirectTo(denied, "/account/access-denied") || denied.StatusCode == HttpStatusCode.Forbidden,
            $"{(int)denied.StatusCode} {denied.Headers.Location}");

        Assert.Equal(OutboxState.Pending, (await OutboxTestKit.LoadAsync(app.Database, id)).State);
    }
}
