using Hospital.Domain.Data;
using Hospital.Domain.Insurance;
using Hospital.Domain.Insurance.Claims;
using Hospital.Domain.Outbox;
using Hospital.Integration.Bhxh.Simulator;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hospital.Tests.Claims.ClaimBoardKit;

namespace Hospital.Tests.Claims;

/// <summary>
/// Sending claims from the board through the outbox to the portal simulator (demo mode, outbox
/// driven by hand): an outage loses nothing and every attempt is on record; a refused file shows
/// on the board with the portal's code and text.
/// </summary>
public sealed class ClaimSendingTests
{
    private static readonly DateOnly Day = new(2026, 11, 20);

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Portal_down_keeps_the_claim_sent_with_failed_attempts_and_it_is_accepted_when_the_portal_returns(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var simulator = app.Services.GetRequiredService<BhxhPortalSimulator>();
        var claim = await ClaimAsync(app, await VisitAsync(app, "V-CLM-1"), ClaimStatus.Ready, Day);

        using var officer = app.NewSession();
        Assert.True(WebSession.IsRedirectTo(await officer.SignInAsync("insurance"), "/"));
        var (_, page) = await officer.GetPageAsync($"/insurance/claims/{claim.Id}");
        var sent = await officer.SubmitAsync(page, $"form[action='/insurance/claims/{claim.Id}/send']", new Dictionary<string, string>());
        Assert.True(WebSession.IsRedirectTo(sent, $"/insurance/claims/{claim.Id}"), $"{(int)sent.StatusCode}");

        simulator.Unavailable = true;
        Assert.Equal(1, await RunOutboxAsync(app));
        await MakeDueAsync(app);
        Assert.Equal(1, await RunOutboxAsync(app));
        await using (var db = app.Database.NewContext())
        {
            var stored = await db.Set<Claim>().AsNoTracking().SingleAsync(c => c.Id == claim.Id);
            Assert.Equal(ClaimStatus.Sent, stored.Status);
            Assert.Equal("insurance", stored.SentBy);
            var attempts = await db.Set<ClaimSubmission>().AsNoTracking().Where(s => s.ClaimId == claim.Id).ToListAsync();
            Assert.Equal(2, attempts.Count);
            Assert.All(attempts, a => Assert.Contains("HTTP 503", a.Error));
            Assert.All(attempts, a => Assert.Null(a.ResultCode));
            var message = await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Type == BhxhOutboxTypes.ClaimSend);
            Assert.Equal((OutboxState.Pending, 2, claim.MaLk), (message.State, message.Attempts, message.Reference));
        }
        Assert.Empty(simulator.Claims);

        simulator.Unavailable = false;
        await MakeDueAsync(app);
        Assert.Equal(1, await RunOutboxAsync(app));
        var received = Assert.Single(simulator.Claims);
        Assert.Equal((claim.MaLk, Facility), (received.MaLk, received.FacilityCode));
        Assert.Equal(["XML1", "XML3"], received.Tables);
        await using (var db = app.Database.NewContext())
        {
            var stored = await db.Set<Claim>().AsNoTracking().SingleAsync(c => c.Id == claim.Id);
            Assert.Equal(ClaimStatus.Accepted, stored.Status);
            Assert.Equal(received.TransactionCode, stored.TransactionCode);
            Assert.Equal(("200", "Tiếp nhận thành công"), (stored.PortalResultCode, stored.PortalMessage));
            var attempts = await db.Set<ClaimSubmission>().AsNoTracking().Where(s => s.ClaimId == claim.Id).OrderBy(s => s.Id).ToListAsync();
            Assert.Equal([null, null, "200"], attempts.Select(a => a.ResultCode));
            Assert.Equal(received.TransactionCode, attempts[2].TransactionCode);
            Assert.Equal(14, attempts[2].ReceivedAt?.Length); // thoiGianTiepNhan yyyyMMddHHmmss
            Assert.Equal(OutboxState.Sent, (await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Type == BhxhOutboxTypes.ClaimSend)).State);
        }

        var (_, board) = await officer.GetPageAsync("/insurance/claims?status=accepted");
        Assert.Equal("1", board.QuerySelector("[data-status=accepted]")?.GetAttribute("data-count"));
        Assert.Equal("Cổng đã tiếp nhận", board.QuerySelector("[data-testid=claim-status]")?.TextContent.Trim());
        var (_, detail) = await officer.GetPageAsync($"/insurance/claims/{claim.Id}");
        Assert.Equal(received.TransactionCode, detail.QuerySelector("[data-testid=transaction-code]")?.TextContent);
        Assert.Equal(3, detail.QuerySelectorAll("[data-testid=claim-submissions] tbody tr").Length);
        Assert.Null(detail.QuerySelector("[data-testid=claim-send]")); // nothing left to send
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_refused_file_is_rejected_for_good_and_the_board_shows_the_portal_code_and_text(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var good = await ClaimAsync(app, await VisitAsync(app, "V-CLM-2"), ClaimStatus.Ready, Day);
        // Signed for another facility: the portal refuses it whatever the number of tries.
        var bad = await ClaimAsync(app, await VisitAsync(app, "V-CLM-3"), ClaimStatus.Ready, Day, facility: "99999");
        var invalid = await ClaimAsync(app, await VisitAsync(app, "V-CLM-4"), ClaimStatus.Invalid, Day,
            errors: [new ClaimError("XML1", "MA_BENH_CHINH", "Chưa có chẩn đoán chính.", "/clinic/visits/1/exam")]);
        var otherDay = await ClaimAsync(app, await VisitAsync(app, "V-CLM-5"), ClaimStatus.Ready, Day.AddDays(-3));

        using var officer = app.NewSession();
        Assert.True(WebSession.IsRedirectTo(await officer.SignInAsync("insurance"), "/"));
        var (_, board) = await officer.GetPageAsync("/insurance/claims?from=2026-11-20&to=2026-11-20");
        Assert.Equal("2", board.QuerySelector("[data-status=ready]")?.GetAttribute("data-count"));
        Assert.Equal("1", board.QuerySelector("[data-status=invalid]")?.GetAttribute("data-count"));
        var response = await officer.SubmitAsync(board, "form[action='/insurance/claims/send-ready']", new Dictionary<string, string>());
        Assert.True(WebSession.IsRedirectTo(response, "/insurance/claims?from=2026-11-20&to=2026-11-20"), $"{(int)response.StatusCode} {response.Headers.Location}");

        Assert.Equal(2, await RunOutboxAsync(app));
        await using (var db = app.Database.NewContext())
        {
            var statuses = await db.Set<Claim>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Status);
            Assert.Equal(ClaimStatus.Accepted, statuses[good.Id]);
            Assert.Equal(ClaimStatus.Rejected, statuses[bad.Id]);
            Assert.Equal(ClaimStatus.Invalid, statuses[invalid.Id]);
            Assert.Equal(ClaimStatus.Ready, statuses[otherDay.Id]); // outside the filtered dates
            var message = await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Reference == bad.MaLk);
            Assert.Equal(OutboxState.FailedPermanently, message.State);
            var attempt = await db.Set<ClaimSubmission>().AsNoTracking().SingleAsync(s => s.ClaimId == bad.Id);
            Assert.Equal("400", attempt.ResultCode);
        }

        var (_, rejected) = await officer.GetPageAsync("/insurance/claims?status=rejected");
        Assert.Equal("400", rejected.QuerySelector("[data-testid=portal-code]")?.TextContent);
        Assert.Contains("MACSKCB trong hồ sơ (99999) khác maCSKCB (37001)", rejected.QuerySelector("#claim-board tbody")?.TextContent);
        var (_, detail) = await officer.GetPageAsync($"/insurance/claims/{bad.Id}");
        Assert.Contains("MACSKCB trong hồ sơ (99999) khác maCSKCB (37001)", detail.QuerySelector("[data-testid=portal-answer]")?.TextContent);
        Assert.NotNull(detail.QuerySelector("[data-testid=claim-rebuild]")); // fix and build a new version

        var (_, invalidPage) = await officer.GetPageAsync($"/insurance/claims/{invalid.Id}");
        // The diagnosis is the doctor's to fix: the officer is told who, not sent to a refused page (ClaimFixOwnerTests).
        Assert.Equal("Cần bộ phận Khám bệnh sửa", invalidPage.QuerySelector("[data-testid=claim-fix-owner]")?.TextContent.Trim());
        Assert.Contains("Chưa có chẩn đoán chính.", invalidPage.QuerySelector("[data-testid=claim-errors]")?.TextContent);
        Assert.Null(invalidPage.QuerySelector("[data-testid=claim-send]"));

        // The decoded tables of a signed file, for reading.
        var (_, goodPage) = await officer.GetPageAsync($"/insurance/claims/{good.Id}");
        Assert.Contains("Tổng phân tích tế bào máu", goodPage.QuerySelector("details[data-table=XML3]")?.TextContent);
        Assert.Contains("Nguyễn Văn An", goodPage.QuerySelector("details[data-table=XML1]")?.TextContent);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Only_a_ready_claim_is_sent_once_and_a_sent_one_is_not_rebuilt(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var ready = await ClaimAsync(app, await VisitAsync(app, "V-CLM-6"), ClaimStatus.Ready, Day);
        var invalid = await ClaimAsync(app, await VisitAsync(app, "V-CLM-7"), ClaimStatus.Invalid, Day);

        using var scope = app.Services.CreateScope();
        var sending = scope.ServiceProvider.GetRequiredService<Hospital.Web.Features.ClaimBoard.ClaimSending>();
        await sending.SendAsync(ready.Id, "giamdinh");
        var twice = await Assert.ThrowsAsync<Hospital.Domain.Common.DomainException>(() => sending.SendAsync(ready.Id, "giamdinh2"));
        Assert.Equal($"Hồ sơ {ready.MaLk} đã được gửi và đang chờ cổng BHXH trả lời.", twice.Message);
        var notValid = await Assert.ThrowsAsync<Hospital.Domain.Common.DomainException>(() => sending.SendAsync(invalid.Id, "giamdinh"));
        Assert.Equal($"Hồ sơ {invalid.MaLk} còn lỗi: sửa dữ liệu nguồn rồi dựng lại hồ sơ trước khi gửi.", notValid.Message);
        var rebuild = await Assert.ThrowsAsync<Hospital.Domain.Common.DomainException>(() => sending.RebuildAsync(ready.Id, "giamdinh"));
        Assert.Equal($"Hồ sơ {ready.MaLk} đang chờ cổng BHXH trả lời: chưa dựng lại được.", rebuild.Message);

        await using var db = app.Database.NewContext();
        Assert.Equal(1, await db.Set<OutboxMessage>().CountAsync(m => m.Type == BhxhOutboxTypes.ClaimSend));
        Assert.Equal(ClaimStatus.Invalid, (await db.Set<Claim>().AsNoTracking().SingleAsync(c => c.Id == invalid.Id)).Status);
    }
}
