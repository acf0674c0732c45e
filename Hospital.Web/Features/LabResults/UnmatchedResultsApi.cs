using Hospital.Lis.Results;

namespace Hospital.Web.Features.LabResults;

/// <summary>
/// <c>GET /api/v1/lab-results/unmatched</c> of issue 5's API contract (keep the field names stable):
/// the results waiting in the unmatched queue, oldest first. Lab role (cookie or API key).
/// </summary>
public static class UnmatchedResultsApi
{
    public sealed record UnmatchedResultDto(long Id, string Analyser, string Barcode, string AnalyserTestCode, string Value, DateTime ReceivedAt);
    public sealed record UnmatchedResultList(IReadOnlyList<UnmatchedResultDto> Items);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/lab-results/unmatched", async (UnmatchedResultResolution queue, CancellationToken ct) =>
            {
                var open = await queue.OpenAsync(ct);
                return new UnmatchedResultList(open.Select(u => new UnmatchedResultDto(u.Id, u.Analyser, u.Barcode, u.AnalyserTestCode, u.Value, u.ReceivedAt)).ToList());
            })
            .WithSummary("Kết quả chưa khớp đang chờ xử lý, cũ nhất trước: {items: [{id, analyser, barcode, analyserTestCode, value, receivedAt}]}.");
    }
}
