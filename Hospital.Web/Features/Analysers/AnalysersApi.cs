using Hospital.Lis.Analysers;

namespace Hospital.Web.Features.Analysers;

/// <summary><c>GET /api/v1/analysers</c> (issue 5 "API contract": keep the field names and spellings stable).</summary>
public static class AnalysersApi
{
    /// <param name="Protocol">astm | hl7.</param>
    /// <param name="Transport">serial | tcp-client | tcp-server.</param>
    public sealed record AnalyserDto(string Name, string Protocol, string Transport, bool Connected, DateTime? LastMessageAt, string? LastError);
    public sealed record AnalyserList(IReadOnlyList<AnalyserDto> Items);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/analysers", (AnalyserStatusBoard board) =>
                new AnalyserList(board.All().Select(s => new AnalyserDto(s.Name, AnalyserSpelling.Of(s.Protocol), AnalyserSpelling.Of(s.Transport),
                    s.Connected, s.LastMessageAt, s.LastError)).ToList()))
            .WithSummary("Trạng thái máy xét nghiệm: {items: [{name, protocol: astm|hl7, transport: serial|tcp-client|tcp-server, connected, lastMessageAt, lastError}]}.");
    }
}
