using Hospital.Domain.Common;
using Hospital.Domain.Lab;
using Hospital.Integration.Astm;
using Hospital.Integration.Transport;

namespace Hospital.Web.Features.Analysers;

/// <summary>
/// The ASTM conversation with an analyser (E1381 link over any channel, E1394 records): the LIS plays the computer
/// role (yields on contention, E1381 §6.2) and holds the ACK of every end frame until what it completed is stored
/// (lis-protocols.md §7.2: persist before acknowledging); host queries are answered and worklists pushed in
/// sessions of our own. With <see cref="Analyser.NakedAstm"/> records travel without framing (non-compliant TCP firmware, §5).
/// </summary>
public sealed class AstmDialogue(TimeProvider clock) : IAnalyserDialogue
{
    public AnalyserProtocol Protocol => AnalyserProtocol.Astm;

    public async Task RunAsync(IByteChannel channel, IAnalyserLink link, CancellationToken ct)
    {
        var a = link.Definition;
        var options = new AstmLinkOptions
        {
            Role = AstmLinkRole.Computer,
            HoldAckUntilConfirmed = true,
            AcceptNakedRecords = a.NakedAstm,
            SendNaked = a.NakedAstm,
        };
        await using var session = new AstmLinkSession(channel, options, clock,
            t => link.Journal(t.Outgoing ? JournalDirection.Out : JournalDirection.In, t.Bytes));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var run = session.RunAsync(stop.Token);
        var pushes = a.Broadcast ? PushWorklistsAsync(session, link, stop.Token) : Task.CompletedTask;
        var conversation = new AstmConversation(session, link, clock);
        try
        {
            await foreach (var e in session.Events.ReadAllAsync(CancellationToken.None))
                await conversation.OnEventAsync(e, stop.Token);
        }
        finally
        {
            await stop.CancelAsync();
            try { await pushes; } catch (OperationCanceledException) { }
        }
        await run;
    }

    /// <summary>Sends each worklist the link hands over as an E1394 order download (O-26 = O, action N).</summary>
    private async Task PushWorklistsAsync(AstmLinkSession session, IAnalyserLink link, CancellationToken ct)
    {
        await foreach (var order in link.Broadcasts.ReadAllAsync(ct))
        {
            var message = Integration.Astm.Records.AstmHostReplies.Worklist(AstmConversation.Host, VietnamCalendar.ToLocal(clock.GetUtcNow().UtcDateTime),
                [AstmOrderWriter.ToAstm(order, sysmexCodes: false)]);
            await session.SendAsync(message.ToText(), ct);
            link.Event($"Đã xếp hàng danh sách chỉ định ống {order.Barcode} ({order.Tests.Count} xét nghiệm) để gửi máy.");
        }
    }
}
