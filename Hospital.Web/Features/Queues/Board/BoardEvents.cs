using System.Text;
using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Domain.Visits;
using Hospital.Web.Platform;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hospital.Web.Features.Queues.Board;

/// <summary>Settings <c>Queues:Board:PollSeconds</c> (default 1) and <c>Queues:Board:HeartbeatSeconds</c> (default 15).</summary>
public sealed class BoardStreamOptions
{
    public double PollSeconds { get; set; } = 1;
    public double HeartbeatSeconds { get; set; } = 15;
}

/// <summary>
/// <c>GET /board/{token}/events</c>: the board's live part as server-sent events
/// (text/event-stream, WHATWG HTML §9.2). Each connection polls the cheap
/// <see cref="QueueVersions"/> fingerprint of its rooms about once a second, so a change made on
/// any app instance reaches every board; a change on this instance wakes it at once
/// (<see cref="QueueNotifier"/>). When the fingerprint moves, the fragment is rendered and sent
/// as one <c>board</c> event; otherwise a comment line every ~15 s keeps proxies from closing the
/// connection. A revoked board gets a <c>revoked</c> event and the stream ends.
/// </summary>
public static class BoardEvents
{
    public static async Task StreamAsync(string token, HttpContext http, IDbContextFactory<HospitalDbContext> dbs,
        QueueNotifier notifier, TimeProvider clock, IOptions<BoardStreamOptions> options, ILoggerFactory logs)
    {
        var ct = http.RequestAborted;
        QueueBoard? board;
        List<int> roomIds;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            board = await BoardTokens.FindAsync(db, token, ct);
            if (board is null)
            {
                // A plain 404 for the EventSource (which then stops retrying), not the signed-in error page.
                if (http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                await http.Response.WriteAsync("Bảng gọi số không tồn tại hoặc đã bị thu hồi.", ct);
                return;
            }
            var codes = BoardTokens.RoomCodes(board);
            roomIds = await db.Set<Room>().Where(r => codes.Contains(r.Code)).Select(r => r.Id).ToListAsync(ct);
        }

        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        // Nginx and similar proxies would otherwise buffer the stream.
        http.Response.Headers["X-Accel-Buffering"] = "no";
        var poll = TimeSpan.FromSeconds(options.Value.PollSeconds);
        var heartbeat = TimeSpan.FromSeconds(options.Value.HeartbeatSeconds);
        await using var renderer = new HtmlRenderer(http.RequestServices, logs);
        string? lastVersion = null;
        var lastWrite = clock.GetUtcNow();
        try
        {
            // Reconnect after 3 s if the connection drops (server restart, Wi-Fi).
            await WriteAsync(http, "retry: 3000\n\n", ct);
            while (!ct.IsCancellationRequested)
            {
                // Taken before reading, so a change between the read and the wait is not missed.
                var woken = notifier.NextChange;
                var day = VietnamTime.Today(clock);
                await using (var db = await dbs.CreateDbContextAsync(ct))
                {
                    var version = day.DayNumber + "|" + await QueueVersions.ReadAsync(db, roomIds, day, ct);
                    if (version != lastVersion)
                    {
                        var model = await BoardModel.LoadAsync(db, board, day, ct);
                        var html = await RenderAsync(renderer, model);
                        await WriteAsync(http, Event("board", html), ct);
                        lastVersion = version;
                        lastWrite = clock.GetUtcNow();
                    }
                    else if (clock.GetUtcNow() - lastWrite >= heartbeat)
                    {
                        // The board may have been revoked meanwhile: checked at heartbeat pace, not every poll.
                        if (await BoardTokens.FindAsync(db, token, ct) is null)
                        {
                            await WriteAsync(http, Event("revoked", ""), ct);
                            return;
                        }
                        await WriteAsync(http, ": heartbeat\n\n", ct);
                        lastWrite = clock.GetUtcNow();
                    }
                }
                await Task.WhenAny(woken, Task.Delay(poll, clock, ct));
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The TV was switched off or the page closed: nothing to clean up.
        }
    }

    private static async Task<string> RenderAsync(HtmlRenderer renderer, BoardModel model) =>
        await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<BoardRooms>(
                ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(BoardRooms.Model)] = model }));
            return output.ToHtmlString();
        });

    /// <summary>One event; every line of the data gets its own "data:" field (the client joins them with newlines).</summary>
    public static string Event(string name, string data)
    {
        var sb = new StringBuilder().Append("event: ").Append(name).Append('\n');
        foreach (var line in data.Replace("\r", "").Split('\n')) sb.Append("data: ").Append(line).Append('\n');
        return sb.Append('\n').ToString();
    }

    private static async Task WriteAsync(HttpContext http, string text, CancellationToken ct)
    {
        await http.Response.WriteAsync(text, ct);
        await http.Response.Body.FlushAsync(ct);
    }
}
