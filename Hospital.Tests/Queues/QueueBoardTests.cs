using System.Net;
using System.Text;
using Hospital.Domain.Data;
using Hospital.Domain.Visits;
using Hospital.Tests.Infrastructure;
using Hospital.Web.Demo;
using Hospital.Web.Features.Queues.Board;

namespace Hospital.Tests.Queues;

/// <summary>Display boards: created by an admin with a token shown once, opened without sign-in, revoked; the live event stream.</summary>
public sealed class QueueBoardTests
{
    [Fact]
    public void Board_names_keep_family_and_given_name_and_shorten_the_middle()
    {
        Assert.Equal("Nguyễn V. An", BoardNames.Shorten("Nguyễn Văn An"));
        Assert.Equal("Tôn N. T. Hoa", BoardNames.Shorten("Tôn Nữ Thị Hoa"));
        Assert.Equal("Lê Na", BoardNames.Shorten(" Lê  Na "));
        Assert.Equal("Đặng Đ. Đức", BoardNames.Shorten("Đặng đình Đức"));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Admin_creates_a_board_sees_its_url_once_and_revoking_it_closes_the_board(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var ticket = await QueueWebKit.AddTicketAsync(app, "PK03", "Nguyễn Văn An");
        using var admin = await QueueWebKit.SignedInAsync(app, "admin");

        var (_, page) = await admin.GetPageAsync("/admin/queue-boards");
        // Nothing chosen: a Vietnamese message, nothing stored.
        var bad = await admin.SubmitAsync(page, "[data-testid=board-create-form]", new Dictionary<string, string> { ["name"] = "" });
        var badHtml = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Nhập tên bảng", badHtml);
        Assert.Contains("Chọn ít nhất một phòng khám để hiển thị.", badHtml);

        var created = await admin.Client.PostAsync("/admin/queue-boards", new FormUrlEncodedContent(
            [.. Hidden(page), new("name", "Sảnh tầng 2"), new("room", "PK03"), new("room", "PK04")]));
        Assert.True(WebSession.IsRedirectTo(created, "/admin/queue-boards"), created.StatusCode.ToString());
        (_, page) = await admin.GetPageAsync("/admin/queue-boards");
        var url = page.QuerySelector("[data-testid=new-board-url]")!.GetAttribute("value")!;
        Assert.Matches("^http://localhost/board/[A-Za-z0-9_-]{43}$", url);
        var path = new Uri(url).AbsolutePath;
        // Shown once: the next visit of the page has no URL.
        (_, page) = await admin.GetPageAsync("/admin/queue-boards");
        Assert.Null(page.QuerySelector("[data-testid=new-board-url]"));

        await using (var db = app.Database.NewContext())
        {
            var stored = db.Set<QueueBoard>().Single(b => b.Name == "Sảnh tầng 2");
            Assert.Equal("PK03,PK04", stored.RoomCodes);
            Assert.Equal(BoardTokens.Hash(path["/board/".Length..]), stored.TokenHash);
            Assert.DoesNotContain(path["/board/".Length..], stored.TokenHash);
        }

        // The TV opens it without signing in and shows the rooms; a called number with the shortened name.
        using var tv = app.NewSession();
        using (var db = app.Database.NewContext())
            await new QueueCalls(db, TimeProvider.System).CallNextAsync(ticket.RoomId, QueueWebKit.Today, "doctor");
        var (boardResponse, board) = await tv.GetPageAsync(path);
        Assert.Equal(HttpStatusCode.OK, boardResponse.StatusCode);
        Assert.Equal(["PK03", "PK04"], board.QuerySelectorAll("[data-room]").Select(r => r.GetAttribute("data-room")));
        var called = board.QuerySelector("[data-testid=board-called-PK03]")!.TextContent;
        Assert.Contains(ticket.Number.ToString(), called);
        Assert.Contains("Nguyễn V. An", called);
        Assert.DoesNotContain("Nguyễn Văn An", board.DocumentElement.OuterHtml);

        // Revoked: the page and its stream answer 404.
        var id = page.QuerySelector("[data-testid^=revoke-board-]")!.GetAttribute("data-testid")!["revoke-board-".Length..];
        var revoked = await admin.Client.PostAsync("/admin/queue-boards", new FormUrlEncodedContent(
            [.. Hidden(page, $"board-revoke-{id}")]));
        Assert.True(WebSession.IsRedirectTo(revoked, "/admin/queue-boards"), revoked.StatusCode.ToString());
        var gone = await tv.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Contains("Không tìm thấy bảng gọi số", await gone.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await tv.Client.GetAsync(path + "/events")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tv.Client.GetAsync("/board/made-up-token")).StatusCode);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_event_stream_delivers_a_call_made_here_and_one_made_by_another_instance(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider,
            new Dictionary<string, string?> { ["Queues:Board:HeartbeatSeconds"] = "1" }, kestrel: true);
        var first = await QueueWebKit.AddTicketAsync(app, "PK05", "Võ Thị Mai");
        var second = await QueueWebKit.AddTicketAsync(app, "PK05", "Đỗ Văn Hùng");

        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        using var response = await http.GetAsync(DemoQueueBoard.Path + "/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var initial = await NextEventAsync(reader, "board");
        Assert.Contains("data-room=\"PK05\"", initial);

        // Called from the doctor's page of this instance: the notifier wakes the stream.
        using var doctor = new WebSession(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true })
            { BaseAddress = new Uri(app.BaseUrl) });
        Assert.True(WebSession.IsRedirectTo(await doctor.SignInAsync("doctor"), "/"));
        var (_, page) = await doctor.GetPageAsync("/clinic/rooms/PK05/queue");
        await doctor.SubmitAsync(page, "#queue-action", new Dictionary<string, string> { ["op"] = "call-next" });
        var afterCall = await NextEventAsync(reader, "board");
        Assert.Contains("Võ T. Mai", afterCall);
        Assert.Contains($"data-call-key=\"{first.Id}:1\"", afterCall);

        // Called through the database by another app instance: seen by the poll.
        using (var db = app.Database.NewContext())
            await new QueueCalls(db, TimeProvider.System).CallNextAsync(second.RoomId, QueueWebKit.Today, "doctor2");
        var afterOther = await NextEventAsync(reader, "board");
        Assert.Contains("Đỗ V. Hùng", afterOther);

        // Quiet queue: heartbeat comments keep the connection alive.
        Assert.StartsWith(": heartbeat", await NextLineStartingAsync(reader, ":"));
    }

    /// <summary>Reads until the next event named <paramref name="name"/> and returns its data (lines joined with \n).</summary>
    private static async Task<string> NextEventAsync(StreamReader reader, string name)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        string? current = null;
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event: ")) current = line["event: ".Length..];
            else if (line.StartsWith("data: ")) data.Append(line["data: ".Length..]).Append('\n');
            else if (line.Length == 0)
            {
                if (current == name) return data.ToString();
                current = null;
                data.Clear();
            }
        }
        throw new InvalidOperationException("The stream ended.");
    }

    private static async Task<string> NextLineStartingAsync(StreamReader reader, string prefix)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
            if (line.StartsWith(prefix)) return line;
        throw new InvalidOperationException("The stream ended.");
    }

    /// <summary>The hidden fields (antiforgery, form name) of the form named <paramref name="formName"/>.</summary>
    private static List<KeyValuePair<string, string>> Hidden(AngleSharp.Html.Dom.IHtmlDocument page, string formName = "board-create")
    {
        var form = page.QuerySelectorAll("form").First(f =>
            f.QuerySelector("input[name='_handler']")?.GetAttribute("value") == formName);
        return [.. form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))];
    }
}
