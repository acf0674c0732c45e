using Hospital.Web.Api;
using Microsoft.AspNetCore.Diagnostics;

namespace Hospital.Web.Platform;

/// <summary>
/// Unhandled errors and unknown addresses: a friendly Vietnamese page for people, problem
/// details for the JSON API. The exception itself goes to the log with the request id.
/// </summary>
public static class ErrorHandling
{
    public static void UseHospitalErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            ExceptionHandler = async ctx =>
            {
                var status = ctx.Response.StatusCode;
                if (ctx.Request.Path.StartsWithSegments("/api"))
                {
                    await ApiProblems.Write(ctx, status);
                    return;
                }
                ctx.Response.ContentType = "text/html; charset=utf-8";
                await ctx.Response.WriteAsync(ErrorPageHtml.Render(status, ctx.TraceIdentifier));
            },
        });
        // The JSON API answers errors with problem details; pages re-render the status inside the layout.
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages(ctx =>
            ApiProblems.Write(ctx.HttpContext, ctx.HttpContext.Response.StatusCode)));
        app.UseWhen(ctx => IsPage(ctx) && IsRead(ctx),
            pages => pages.UseStatusCodePagesWithReExecute("/error/{0}", createScopeForStatusCodePages: true));
        // A refused form post (e.g. a missing antiforgery token on a minimal-API form endpoint) must
        // not be re-executed as a POST of the error page: that post would be refused again (500).
        app.UseWhen(ctx => IsPage(ctx) && !IsRead(ctx), posts => posts.UseStatusCodePages(async ctx =>
        {
            ctx.HttpContext.Response.ContentType = "text/html; charset=utf-8";
            await ctx.HttpContext.Response.WriteAsync(ErrorPageHtml.Render(ctx.HttpContext.Response.StatusCode, ctx.HttpContext.TraceIdentifier));
        }));
    }

    private static bool IsPage(HttpContext ctx) =>
        !ctx.Request.Path.StartsWithSegments("/api") && !ctx.Request.Headers.ContainsKey("HX-Request");

    private static bool IsRead(HttpContext ctx) => HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method);
}
