using Hospital.Domain.Common;
using Hospital.Lis.Results;
using Hospital.Lis.Validation;
using Hospital.Web.Features.Queues.Board;
using Hospital.Web.Platform.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hospital.Web.Features.LabValidation;

/// <summary>
/// The validation screen's endpoints (LabTech): <c>GET /lab/validation/list</c> (the worklist
/// fragment, filters section/analyser), <c>POST /lab/validation/results/{id}/validate|reject|rerun</c>
/// and <c>POST /lab/validation/specimens/{id}/validate|reject|rerun</c> (form: reason for
/// reject/rerun), <c>POST /lab/validation/tests/{id}/enter</c> (id of the ordered test) (form: value), each answering
/// with the refreshed worklist; and <c>GET /lab/validation/stream</c>, the live notices.
/// </summary>
public static class ValidationEndpoints
{
    private enum Action { Validate, Reject, Rerun }

    public static void Map(WebApplication app)
    {
        var lab = app.MapGroup("/lab/validation").RequireAuthorization(HospitalModule.Lab).ExcludeFromDescription();
        lab.MapGet("/list", (HttpRequest request) => Worklist(request.Query["section"], request.Query["analyser"], null, null));
        lab.MapGet("/stream", StreamAsync);
        foreach (var (name, action) in new[] { ("validate", Action.Validate), ("reject", Action.Reject), ("rerun", Action.Rerun) })
        {
            lab.MapPost($"/results/{{id:long}}/{name}", (long id, HttpRequest request, LabResultValidation validation, CancellationToken ct) =>
                ActAsync(ResultSelection.Result(id), action, request, validation, ct)).WithMetadata(new RequireAntiforgeryTokenAttribute());
            lab.MapPost($"/specimens/{{id:long}}/{name}", (long id, HttpRequest request, LabResultValidation validation, CancellationToken ct) =>
                ActAsync(ResultSelection.Specimen(id), action, request, validation, ct)).WithMetadata(new RequireAntiforgeryTokenAttribute());
        }
        lab.MapPost("/tests/{id:long}/enter", EnterAsync).WithMetadata(new RequireAntiforgeryTokenAttribute());
    }

    private static async Task<RazorComponentResult<ValidationWorklist>> ActAsync(ResultSelection which, Action action, HttpRequest request,
        LabResultValidation validation, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        try
        {
            var reason = form["reason"].ToString();
            var outcome = action switch
            {
                Action.Validate => await validation.ValidateAsync(which, ct),
                Action.Reject => await validation.RejectAsync(which, reason, ct),
                _ => await validation.RerunAsync(which, reason, ct),
            };
            var message = action switch
            {
                Action.Validate => $"Đã duyệt và trả {outcome.Count} kết quả của ống {outcome.Barcode}."
                    + (outcome.Alerts.Count > 0 ? $" Đã báo giá trị nguy hiểm cho bác sĩ chỉ định ({outcome.Alerts.Count})." : ""),
                Action.Reject => $"Đã loại bỏ {outcome.Count} kết quả của ống {outcome.Barcode}.",
                _ => $"Đã yêu cầu chạy lại {outcome.Count} xét nghiệm của ống {outcome.Barcode}.",
            };
            return Worklist(form["section"], form["analyser"], message, null);
        }
        catch (DomainException e)
        {
            return Worklist(form["section"], form["analyser"], null, e.Message);
        }
    }

    /// <param name="id">The ordered test (LabOrderTest).</param>
    private static async Task<RazorComponentResult<ValidationWorklist>> EnterAsync(long id, HttpRequest request,
        LabResultValidation validation, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        try
        {
            var result = await validation.EnterAsync(id, form["value"], ct);
            return Worklist(form["section"], form["analyser"], $"Đã lưu kết quả {result.TestCode}: {result.Value}. Kiểm tra rồi duyệt.", null);
        }
        catch (DomainException e)
        {
            return Worklist(form["section"], form["analyser"], null, e.Message);
        }
    }

    private static RazorComponentResult<ValidationWorklist> Worklist(string? section, string? analyser, string? message, string? error) =>
        new(new Dictionary<string, object?>
        {
            [nameof(ValidationWorklist.Section)] = string.IsNullOrWhiteSpace(section) ? null : section,
            [nameof(ValidationWorklist.Analyser)] = string.IsNullOrWhiteSpace(analyser) ? null : analyser,
            [nameof(ValidationWorklist.Message)] = message,
            [nameof(ValidationWorklist.Error)] = error,
        });

    /// <summary>
    /// Server-sent events (WHATWG HTML §9.2): one <c>results</c> event (data: the barcode) per
    /// <see cref="LabResultNotice"/>, a comment line every 15 s so proxies keep the connection.
    /// Only for an EventSource (Accept: text/event-stream); any other request gets 400 at once
    /// instead of a response that never ends.
    /// </summary>
    private static async Task StreamAsync(HttpContext http, LabResultFeed feed, TimeProvider clock)
    {
        var ct = http.RequestAborted;
        if (!http.Request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsync("Đường dẫn này dành cho EventSource (Accept: text/event-stream).", ct);
            return;
        }
        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        // Subscribed before the first byte goes out, so nothing published after the client sees the stream open is missed.
        var notices = feed.SubscribeAsync(ct).GetAsyncEnumerator(ct);
        var next = notices.MoveNextAsync().AsTask();
        try
        {
            await WriteAsync(http, "retry: 3000\n\n", ct);
            while (!ct.IsCancellationRequested)
            {
                var beat = Task.Delay(TimeSpan.FromSeconds(15), clock, ct);
                if (await Task.WhenAny(next, beat) == next)
                {
                    if (!await next) return;
                    await WriteAsync(http, BoardEvents.Event("results", notices.Current.Barcode), ct);
                    next = notices.MoveNextAsync().AsTask();
                }
                else await WriteAsync(http, ": heartbeat\n\n", ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The page was closed.
        }
        finally
        {
            try { await next; }
            catch (OperationCanceledException) { }
            await notices.DisposeAsync();
        }
    }

    private static async Task WriteAsync(HttpContext http, string text, CancellationToken ct)
    {
        await http.Response.WriteAsync(text, ct);
        await http.Response.Body.FlushAsync(ct);
    }
}
