using Hospital.Lis.Specimens;

namespace Hospital.Web.Features.Analysers;

/// <summary>
/// Worklist push on receipt (issue 5 item 9): when the lab receives a tube, every running analyser declared with
/// Broadcast gets the tests still pending on it for that tube (its own codes, from its code map), queued for its
/// dialogue to send. Analysers with nothing to run on the tube are not bothered.
/// </summary>
public sealed class AnalyserWorklistPush(AnalyserSessions sessions) : ISpecimenReceivedListener
{
    public async Task SpecimenReceivedAsync(SpecimenReceived received, CancellationToken ct)
    {
        foreach (var link in sessions.BroadcastLinks())
        {
            var order = await link.WorkOrderAsync(received.Barcode, ct);
            if (order is { Tests.Count: > 0 }) link.Push(order);
        }
    }
}
