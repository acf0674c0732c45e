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
        app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api") && !ctx.Request.Headers.ContainsKey("HX-Request"),
            pages => pages.UseStatusCodePagesWithReExecute("/error/{0}", createScopeForStatusCodePages: true));
    }
}
