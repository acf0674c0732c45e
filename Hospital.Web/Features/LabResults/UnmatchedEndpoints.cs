using Hospital.Lis.Results;
using Hospital.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hospital.Web.Features.LabResults;

/// <summary>
/// <c>GET /lab/unmatched/{id}/tests?AssignBarcode=…</c>: the unmatched page's htmx fragment, the
/// tests of the typed tube that the value may be assigned to, with the code map's suggestion.
/// </summary>
public static class UnmatchedEndpoints
{
    public static void Map(WebApplication app)
    {
        var lab = app.MapGroup("/lab/unmatched").RequireAuthorization(HospitalModule.Lab).ExcludeFromDescription();
        lab.MapGet("/{id:long}/tests", async Task<Results<RazorComponentResult<UnmatchedTestPicker>, NotFound>> (
            long id, string? assignBarcode, UnmatchedResultResolution queue, CancellationToken ct) =>
        {
            var row = await queue.FindAsync(id, ct);
            if (row is null) return TypedResults.NotFound();
            var choices = await queue.ChoicesAsync(row, assignBarcode, ct);
            return new RazorComponentResult<UnmatchedTestPicker>(new Dictionary<string, object?> { [nameof(UnmatchedTestPicker.Choices)] = choices });
        });
    }
}
