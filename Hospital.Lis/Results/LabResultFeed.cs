using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Hospital.Lis.Results;

/// <summary>Something changed on a specimen's results: new values arrived, or a technician validated, rejected or asked for a rerun.</summary>
/// <param name="Analyser">The analyser that sent the values (null for a technician's action).</param>
/// <param name="Section">Lab section of the analyser or the tests, so a section's worklist only reacts to its own.</param>
public sealed record LabResultNotice(long SpecimenId, string Barcode, string? Analyser, string? Section, string What);

/// <summary>
/// In-process fan-out of <see cref="LabResultNotice"/>s to the open validation screens (SSE).
/// A singleton: the import publishes after its transaction commits; each subscriber has a small
/// bounded buffer that drops its oldest notice when a screen stops reading, so a stalled browser
/// can never slow the analyser sessions down (a notice only tells the screen to reload its rows).
/// </summary>
public sealed class LabResultFeed
{
    private readonly ConcurrentDictionary<Channel<LabResultNotice>, byte> subscribers = new();

    public void Publish(LabResultNotice notice)
    {
        foreach (var channel in subscribers.Keys) channel.Writer.TryWrite(notice);
    }

    /// <summary>Notices published from now until <paramref name="ct"/> is cancelled.</summary>
    public async IAsyncEnumerable<LabResultNotice> SubscribeAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var channel = Channel.CreateBounded<LabResultNotice>(new BoundedChannelOptions(64)
        {
            FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true,
        });
        subscribers.TryAdd(channel, 0);
        try
        {
            while (await channel.Reader.WaitToReadAsync(ct).ConfigureAwait(false))
                while (channel.Reader.TryRead(out var notice)) yield return notice;
        }
        finally
        {
            subscribers.TryRemove(channel, out _);
        }
    }

    public int SubscriberCount => subscribers.Count;
}
