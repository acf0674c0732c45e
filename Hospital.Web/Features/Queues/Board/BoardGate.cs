using Hospital.Domain.Data;
using Microsoft.AspNetCore.Diagnostics;

namespace Hospital.Web.Features.Queues.Board;

/// <summary>
/// Answers <c>GET /board/{token}</c> with an unknown or revoked token by a 404 page of its own,
/// before the board page renders: the shared not-found page lives in the signed-in layout (and
/// its re-execution would send the TV to the sign-in page), and a Razor page that sets 404 while
/// rendering gets its body replaced by the framework's not-found handling.
/// </summary>
public static class BoardGate
{
    public static void UseBoardGate(this WebApplication app) => app.Use(async (ctx, next) =>
    {
        if (HttpMethods.IsGet(ctx.Request.Method)
            && ctx.Request.Path.StartsWithSegments("/board", out var rest)
            && rest.Value is { Length: > 1 } tail && tail.IndexOf('/', 1) < 0)
        {
            var db = ctx.RequestServices.GetRequiredService<HospitalDbContext>();
            if (await BoardTokens.FindAsync(db, tail[1..], ctx.RequestAborted) is null)
            {
                if (ctx.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
                ctx.Response.StatusCode = StatusCodes.Status404NotFound;
                ctx.Response.ContentType = "text/html; charset=utf-8";
                ctx.Response.Headers.CacheControl = "no-store";
                await ctx.Response.WriteAsync(MissingHtml, ctx.RequestAborted);
                return;
            }
        }
        await next();
    });

    // Vietnamese only: the TV has no language cookie and nobody to press a switch.
    private const string MissingHtml = """
        <!DOCTYPE html>
        <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex"><title>404 – Không tìm thấy bảng gọi số</title>
        <link rel="stylesheet" href="/css/board.css"></head>
        <body><main class="board board-missing" data-testid="board-missing">
        <h1>Không tìm thấy bảng gọi số</h1>
        <p>Đường dẫn không đúng hoặc bảng đã bị thu hồi. Hãy nhờ quản trị viên tạo bảng mới và mở đường dẫn mới trên màn hình này.</p>
        </main></body></html>
        """;
}
