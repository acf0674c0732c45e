using System.Diagnostics;
using System.Security.Claims;

namespace Hospital.Web.Platform;

/// <summary>
/// One log line per request with request id and user, and a scope so every line logged while
/// handling it carries both. Only the path is logged, never the query string or the body:
/// searches carry patient names, CCCD and card numbers.
/// </summary>
public sealed class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var user = context.User.Identity?.IsAuthenticated == true
            ? context.User.FindFirstValue(ClaimTypes.Name) ?? "?"
            : "anonymous";
        using (logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = context.TraceIdentifier, ["User"] = user }))
        {
            try
            {
                await next(context);
            }
            finally
            {
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var level = context.Response.StatusCode >= 500 ? LogLevel.Error : LogLevel.Information;
                if (!context.Request.Path.StartsWithSegments("/lib") && !context.Request.Path.StartsWithSegments("/css"))
                    logger.Log(level, "{Method} {Path} {StatusCode} {ElapsedMs:0.0} ms",
                        context.Request.Method, context.Request.Path.Value, context.Response.StatusCode, ms);
            }
        }
    }
}
