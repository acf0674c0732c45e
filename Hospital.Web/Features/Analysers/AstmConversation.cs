using System.Text;
using Hospital.Domain.Common;
using Hospital.Domain.Lab;
using Hospital.Integration.Astm;
using Hospital.Integration.Astm.Records;
using Hospital.Lis.Analysers;

namespace Hospital.Web.Features.Analysers;

/// <summary>
/// What the ASTM dialogue does with each link event of one connection: E1381 messages are put together into E1394
/// messages (H … L); a complete one is stored (results) or answered (Q records) before the ACK of its last frame is
/// released; everything else becomes a journal event. An unreadable message is stored as received, with the reason,
/// and acknowledged: the analyser must not resend it forever, and nothing it sent is lost.
/// </summary>
internal sealed class AstmConversation(AstmLinkSession session, IAnalyserLink link, TimeProvider clock)
{
    public static readonly AstmHostIdentity Host = new("HOSPITAL-LIS", "1.0");

    private readonly AstmMessageAssembler _assembler = new();
    private readonly StringBuilder _raw = new();
    /// <summary>The raw text no longer lines up with the assembler's message (several messages in one block): store the re-encoded records instead.</summary>
    private bool _rawUnaligned;
    /// <summary>Why the message being received cannot be read; its records are collected up to its L and stored as they are.</summary>
    private string? _unreadable;

    public async Task OnEventAsync(AstmLinkEvent e, CancellationToken ct)
    {
        switch (e)
        {
            case AstmMessageReceived m:
                await OnTextAsync(m.Text, ct);
                break;
            case AstmReceiveAborted r:
                _assembler.EndOfSession();
                ResetRaw();
                link.Event($"Bỏ thông điệp dở dang ({r.DiscardedBytes} byte, không lưu gì; máy sẽ gửi lại): {r.Reason}", isError: true);
                break;
            case AstmFrameRejected f:
                link.Event($"Khung bị từ chối (NAK), chờ máy gửi lại: {f.Reason}");
                break;
            case AstmSendAborted s:
                link.Event($"Không gửi được thông điệp cho máy: {s.Reason}", isError: true);
                break;
            case AstmMessageSent:
                link.Event("Máy đã nhận thông điệp của LIS.");
                break;
            case AstmBytesIgnored i:
                link.Event($"Bỏ qua {i.Count} byte: {i.Reason}");
                break;
        }
    }

    private async Task OnTextAsync(string text, CancellationToken ct)
    {
        // A new H while a message is open: the sender gave up on the previous one (EOT or 6 failures after records
        // already acknowledged one by one); it will send it again whole, so its first part is dropped, not stored.
        // An unreadable one is kept as it is: the analyser considers it sent.
        if (_raw.Length > 0 && text.StartsWith('H'))
        {
            if (_unreadable is not null) await StoreUnreadableAsync(ct);
            else DropPartial("Thông điệp trước không có bản ghi L (máy đã bỏ dở), không lưu phần đã nhận.");
        }
        _raw.Append(text);
        if (_unreadable is not null)
        {
            if (HasTerminator(text)) await StoreUnreadableAsync(ct);
            await session.ConfirmDeliveredAsync(ct);
            return;
        }
        IReadOnlyList<AstmMessage> done;
        try
        {
            done = _assembler.Add(text);
        }
        catch (AstmFormatException error)
        {
            // Kept whole, up to its L record, as one message with the reason: nothing the analyser sent is lost.
            _unreadable = error.Message;
            if (HasTerminator(text)) await StoreUnreadableAsync(ct);
            await session.ConfirmDeliveredAsync(ct);
            return;
        }
        var replies = new List<AstmMessage>();
        if (done.Count > 0)
        {
            var clean = done.Count == 1 && !_rawUnaligned && EndsWithTerminator(_raw);
            var raw = _raw.ToString();
            _rawUnaligned = !clean && !EndsWithTerminator(_raw);
            _raw.Clear();
            foreach (var message in done)
            {
                var upload = AstmUploadReader.Read(link.Definition.Name, message, clean ? raw : message.ToText(), Now);
                await link.StoreAsync(upload, ct);
                foreach (var query in message.Queries) replies.AddRange(await AnswerAsync(query, ct));
            }
        }
        // The ACK of this end frame: for the L record it is the "stored" receipt the analyser waits for.
        await session.ConfirmDeliveredAsync(ct);
        foreach (var reply in replies) await session.SendAsync(reply.ToText(), ct);
    }

    /// <summary>The answer to one Q record: per specimen asked for, its pending tests, or the explicit "no order" (O-26 Y) / "no such specimen" (Z).</summary>
    private async Task<IReadOnlyList<AstmMessage>> AnswerAsync(AstmQuery query, CancellationToken ct)
    {
        var now = VietnamCalendar.ToLocal(Now);
        if (query.SpecimenIds.Count == 0)
        {
            link.Event("Máy hỏi chỉ định nhưng không gửi mã ống: trả lời không có thông tin (L-3 = I).", isError: true);
            return [AstmHostReplies.NoOrder(Host, now, "", AstmNoOrderStyle.TerminatorNoInformation)];
        }
        // Sysmex asks with the barcode in Q-3 component 3 and reads codes from component 5 of O-5 (lis-protocols.md §2.3).
        var sysmex = query.StartingRange.Any(c => c.Count >= 3 && c[1].Trim().Length == 0 && c[2].Trim().Length > 0);
        var replies = new List<AstmMessage>();
        foreach (var barcode in query.SpecimenIds)
        {
            var order = await link.WorkOrderAsync(barcode, ct);
            if (order is { Tests.Count: > 0 })
            {
                replies.Add(AstmHostReplies.QueryResponse(Host, now, [AstmOrderWriter.ToAstm(order, sysmex)]));
                link.Event($"Trả lời máy hỏi ống {barcode}: {string.Join(", ", order.Tests.Select(t => t.AnalyserTestCode))}.");
            }
            else
            {
                replies.Add(AstmHostReplies.NoOrder(Host, now, barcode, order is null ? AstmNoOrderStyle.OrderReportNoPatient : AstmNoOrderStyle.OrderReportNoOrder));
                link.Event(order is null ? $"Máy hỏi ống {barcode}: không có ống mẫu này." : $"Máy hỏi ống {barcode}: không còn xét nghiệm chờ trên máy này.");
            }
        }
        return replies;
    }

    private async Task StoreUnreadableAsync(CancellationToken ct)
    {
        var raw = _raw.ToString();
        var reason = _unreadable!;
        ResetRaw();
        await link.StoreAsync(new AnalyserUpload(link.Definition.Name, AnalyserProtocol.Astm, raw, null, AnalyserMessageKind.Other, [], Now, reason), ct);
    }

    /// <summary>The text holds an L record (the end of an E1394 message, LIS2-A2 §12).</summary>
    private static bool HasTerminator(string text) =>
        text.Split('\r', '\n').Any(line => line.Length >= 2 && line[0] == 'L' && !char.IsLetterOrDigit(line[1]));

    private void DropPartial(string why)
    {
        var records = _assembler.EndOfSession();
        var had = _raw.Length > 0 || records > 0;
        ResetRaw();
        if (had) link.Event(why, isError: true);
    }

    private void ResetRaw()
    {
        _raw.Clear();
        _rawUnaligned = false;
        _unreadable = null;
    }

    private static bool EndsWithTerminator(StringBuilder raw)
    {
        var text = raw.ToString().TrimEnd('\r', '\n');
        var last = text.LastIndexOfAny(['\r', '\n']);
        return text.Length > 0 && text[last + 1] == 'L';
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
