using System.Collections.Concurrent;
using System.Text;
using System.Text.Unicode;
using System.Threading.Channels;
using Hospital.Integration.Hl7;
using Hospital.Integration.Hl7.Building;
using Hospital.Integration.Mllp;
using Hospital.Integration.Transport;
using Hospital.Lis.Analysers;

namespace Hospital.Web.Features.Analysers;

/// <summary>
/// One MLLP connection with an HL7 analyser. A reader takes the analyser's messages in order and answers each
/// (ACK only after the link has stored it, QCK/RSP/ORR from the pending work); a sender sends our own messages
/// (DSR^Q03 after its QCK, OML^O33 after its RSP, pushed worklists) one at a time, each waiting for the analyser's
/// ACK matched on MSA-2 = its MSH-10 (HL7 v2.5 ch. 2 §2.9; Mirth #1441 in spec §3.3). Bad input is answered
/// AE/AR with ERR, stored with its error, and the connection keeps working.
/// </summary>
internal sealed class Hl7Conversation(IByteChannel channel, IAnalyserLink link, MllpOptions options, TimeProvider clock)
{
    private readonly MllpFrameReader reader = new(channel, options.MaxMessageBytes, options.PartialFrameTimeout);
    private readonly SemaphoreSlim writing = new(1, 1);
    private readonly Channel<Hl7Message> followUps = Channel.CreateUnbounded<Hl7Message>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, TaskCompletionSource<Hl7Message>> awaitingAck = new();
    private volatile Hl7Message? lastHeard;

    private string Analyser => link.Definition.Name;

    private Hl7ReplyHeader Header => options.ReplyHeader;

    public async Task RunAsync(CancellationToken ct)
    {
        link.Event($"HL7/MLLP: bắt đầu phiên trên {channel.Description}");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sender = SendLoopAsync(stop.Token);
        try
        {
            await ReadLoopAsync(stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or ObjectDisposedException or MllpFrameTimeoutException)
        {
            link.Event($"HL7/MLLP: kết nối lỗi ({e.GetType().Name}: {e.Message})", isError: true);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try { await sender.ConfigureAwait(false); } catch (OperationCanceledException) { }
            foreach (var pending in awaitingAck.Values) pending.TrySetCanceled();
            link.Event($"HL7/MLLP: kết thúc phiên trên {channel.Description}");
        }
    }

    private async Task ReadLoopAsync(CancellationToken ct)
    {
        while (true)
        {
            var frame = await reader.ReadAsync(ct).ConfigureAwait(false);
            switch (frame.Status)
            {
                case MllpFrameStatus.EndOfStream:
                    return;
                case MllpFrameStatus.TruncatedAtEnd:
                    link.Event($"HL7/MLLP: máy đóng kết nối giữa chừng một thông điệp ({frame.TotalBytes} byte bỏ dở)", isError: true);
                    return;
                case MllpFrameStatus.Interrupted:
                    // The sender abandoned that block and restarted (HL7 v2.5 App. C); it resends after its own timeout.
                    link.Event($"HL7/MLLP: thông điệp bị bỏ dở, máy bắt đầu thông điệp mới ({frame.TotalBytes} byte)", isError: true);
                    continue;
                case MllpFrameStatus.TooLarge:
                    await TooLargeAsync(frame, ct).ConfigureAwait(false);
                    continue;
                default:
                    await AnswerAsync(frame.Payload, ct).ConfigureAwait(false);
                    continue;
            }
        }
    }

    private async Task AnswerAsync(ReadOnlyMemory<byte> payload, CancellationToken ct)
    {
        var receivedAt = clock.GetUtcNow().UtcDateTime;
        Hl7Message message;
        try
        {
            message = Hl7Message.Parse(payload.Span, options.Parse);
        }
        catch (Hl7FormatException e)
        {
            await UnreadableAsync(payload, e, receivedAt, ct).ConfigureAwait(false);
            return;
        }
        // An answer to one of ours (ACK, or ORL/ORR with an MSA), matched on MSA-2 = our MSH-10.
        var msa = message.First("MSA");
        if (msa is not null && awaitingAck.TryRemove(msa.Value(2), out var waiting))
        {
            waiting.TrySetResult(message);
            return;
        }
        if (msa is not null || message.Type.Kind == Hl7MessageKind.Ack)
        {
            // A response nobody waits for (late, after our timeout): an answer is never answered (HL7 v2.5 §2.9.2).
            link.Event($"HL7: {message.Type} cho {msa?.Value(2)} không khớp thông điệp nào đang chờ; bỏ qua", isError: true);
            return;
        }
        lastHeard = message;
        try
        {
            await DispatchAsync(message, receivedAt, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not (OperationCanceledException or IOException or System.Net.Sockets.SocketException or ObjectDisposedException))
        {
            // A reply we could not build or write (e.g. a name the analyser's 8859/1 cannot carry): say so, keep the link.
            link.Event($"HL7: lỗi khi xử lý {message.Type} {message.ControlId}: {e.GetType().Name}: {e.Message}", isError: true);
            await SendAsync(Hl7Replies.Ack(message, Hl7AckCode.Error, new Hl7AckError(Hl7ErrorCode.ApplicationInternalError, "the message could not be processed; please resend"), Header), ct).ConfigureAwait(false);
        }
    }

    private async Task DispatchAsync(Hl7Message message, DateTime receivedAt, CancellationToken ct)
    {
        switch (message.Type.Kind)
        {
            case Hl7MessageKind.OruR01 or Hl7MessageKind.OulR22:
                await ResultsAsync(message, receivedAt, ct).ConfigureAwait(false);
                break;
            case Hl7MessageKind.QryQ02 or Hl7MessageKind.QbpQ11:
            case Hl7MessageKind.OrmO01 when Hl7QueryAnswers.IsOrderQuery(message):
                await QueryAsync(message, ct).ConfigureAwait(false);
                break;
            default:
                var error = new Hl7AckError(Hl7ErrorCode.UnsupportedMessageType, $"{message.Type} is not taken from an analyser (results ORU^R01/OUL^R22 and queries QRY^Q02/QBP^Q11/ORM^O01 RF are)");
                await StoreAsync(Hl7UploadReader.Unread(Analyser, message.Encode(), message.ControlId, receivedAt, $"Loại thông điệp không hỗ trợ: {message.Type}"), ct).ConfigureAwait(false);
                link.Event($"HL7: thông điệp {message.Type} {message.ControlId} không được hỗ trợ; trả AR", isError: true);
                await SendAsync(Hl7Replies.Ack(message, Hl7AckCode.Reject, error, Header), ct).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Results: stored (with their error if unreadable), and only then acknowledged (spec §7.2).</summary>
    private async Task ResultsAsync(Hl7Message message, DateTime receivedAt, CancellationToken ct)
    {
        var reading = Hl7UploadReader.Read(message, Analyser, receivedAt);
        var outcome = await StoreAsync(reading.Upload, ct).ConfigureAwait(false);
        if (outcome is null)
        {
            // Not stored: AE asks the analyser to send it again, so the result is not lost.
            await SendAsync(Hl7Replies.Ack(message, Hl7AckCode.Error, new Hl7AckError(Hl7ErrorCode.ApplicationInternalError, "the message could not be stored; please resend"), Header), ct).ConfigureAwait(false);
            return;
        }
        if (reading.Error is { } error)
        {
            link.Event($"HL7: không đọc được kết quả {message.ControlId}: {error.Reason}; đã lưu thông điệp, trả AE", isError: true);
            await SendAsync(Hl7Replies.Ack(message, Hl7AckCode.Error, error, Header), ct).ConfigureAwait(false);
            return;
        }
        if (outcome.Duplicate) link.Event($"HL7: {message.ControlId} đã nhận trước đó (máy gửi lại vì mất ACK); xác nhận lại, không lưu lần hai");
        await SendAsync(Hl7Replies.Ack(message, header: Header), ct).ConfigureAwait(false);
    }

    /// <summary>Host queries answered with the tests pending on this analyser for the specimen, or an explicit "no order".</summary>
    private async Task QueryAsync(Hl7Message query, CancellationToken ct)
    {
        var barcode = Hl7QueryAnswers.QueriedBarcode(query);
        SpecimenWorkOrder? order;
        try
        {
            order = barcode is null ? null : await link.WorkOrderAsync(barcode, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            link.Event($"HL7: không tra được chỉ định cho {barcode}: {e.Message}", isError: true);
            await SendAsync(Hl7Replies.Ack(query, Hl7AckCode.Error, new Hl7AckError(Hl7ErrorCode.ApplicationInternalError, "the orders could not be read; please ask again"), Header), ct).ConfigureAwait(false);
            return;
        }
        var found = order is { Tests.Count: > 0 };
        switch (query.Type.Kind)
        {
            case Hl7MessageKind.QryQ02:
                await SendAsync(Hl7Replies.QckQ02(query, found, Header), ct).ConfigureAwait(false);
                if (found) await followUps.Writer.WriteAsync(Hl7Replies.DsrQ03(query, Hl7QueryAnswers.DsrSample(order!), header: Header), ct).ConfigureAwait(false);
                break;
            case Hl7MessageKind.QbpQ11:
                await SendAsync(Hl7Replies.RspK11(query, found, Header), ct).ConfigureAwait(false);
                var work = found ? Hl7QueryAnswers.WorklistOrder(order!) : Hl7QueryAnswers.NoWork(barcode ?? "");
                await followUps.Writer.WriteAsync(Hl7Worklists.OmlO33(work, Hl7QueryAnswers.DestinationOf(query), Header with { ControlId = null }), ct).ConfigureAwait(false);
                break;
            default:
                await SendAsync(Hl7Replies.OrrO02(query, found ? Hl7QueryAnswers.WorklistOrder(order!) : null, barcode ?? "", Header), ct).ConfigureAwait(false);
                break;
        }
        link.Event(found
            ? $"HL7: máy hỏi {barcode}: gửi {order!.Tests.Count} xét nghiệm ({string.Join(",", order.Tests.Select(t => t.AnalyserTestCode))})"
            : $"HL7: máy hỏi {barcode ?? "(không có mã vạch)"}: không có chỉ định");
    }

    private async Task UnreadableAsync(ReadOnlyMemory<byte> payload, Hl7FormatException e, DateTime receivedAt, CancellationToken ct)
    {
        var error = Hl7AckError.From(e);
        var code = Hl7Replies.AckCodeFor(e);
        await StoreAsync(Hl7UploadReader.Unread(Analyser, Text(payload.Span), null, receivedAt, $"Không đọc được thông điệp HL7: {e.Message}"), ct).ConfigureAwait(false);
        link.Event($"HL7: không đọc được thông điệp ({e.Message}); đã lưu, trả {(code == Hl7AckCode.Reject ? "AR" : "AE")}", isError: true);
        await SendAsync(Hl7Replies.AckForUnreadable(payload.Span, code, error, Header), ct).ConfigureAwait(false);
    }

    private async Task TooLargeAsync(MllpFrame frame, CancellationToken ct)
    {
        var detail = $"{frame.TotalBytes} byte, quá giới hạn {options.MaxMessageBytes} byte";
        await StoreAsync(Hl7UploadReader.Unread(Analyser, Text(frame.Payload.Span), null, clock.GetUtcNow().UtcDateTime, $"Thông điệp quá lớn ({detail}); chỉ lưu phần đầu"), ct).ConfigureAwait(false);
        link.Event($"HL7: thông điệp quá lớn ({detail}); trả AR", isError: true);
        var error = Hl7AckError.TooLarge(frame.TotalBytes, options.MaxMessageBytes);
        await SendAsync(Hl7Replies.AckForUnreadable(frame.Payload.Span, Hl7AckCode.Reject, error, Header), ct).ConfigureAwait(false);
    }

    /// <summary>Stores through the link; null (and an error event) when the database refused it.</summary>
    private async Task<UploadOutcome?> StoreAsync(AnalyserUpload upload, CancellationToken ct)
    {
        try
        {
            return await link.StoreAsync(upload, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            link.Event($"HL7: không lưu được thông điệp {upload.ControlId}: {e.GetType().Name}: {e.Message}", isError: true);
            return null;
        }
    }

    /// <summary>Our own messages, one at a time: follow-ups of answered queries first, then worklists to push.</summary>
    private async Task SendLoopAsync(CancellationToken ct)
    {
        var broadcasts = link.Broadcasts;
        var broadcastsOpen = true;
        Task<bool>? followUpWait = null, broadcastWait = null; // kept across turns, so waiting adds no waiter per message
        while (!ct.IsCancellationRequested)
        {
            if (followUps.Reader.TryRead(out var followUp))
            {
                await SendAndAwaitAckAsync(followUp, ct).ConfigureAwait(false);
                continue;
            }
            if (broadcastsOpen && broadcasts.TryRead(out var order))
            {
                if (order.Tests.Count > 0) await PushAsync(order, ct).ConfigureAwait(false);
                continue;
            }
            followUpWait ??= followUps.Reader.WaitToReadAsync(ct).AsTask();
            if (broadcastsOpen) broadcastWait ??= broadcasts.WaitToReadAsync(ct).AsTask();
            Task<bool>[] waits = broadcastsOpen ? [followUpWait, broadcastWait!] : [followUpWait];
            var done = await Task.WhenAny(waits).ConfigureAwait(false);
            var more = await done.ConfigureAwait(false);
            if (done == followUpWait) followUpWait = null;
            else
            {
                broadcastWait = null;
                broadcastsOpen = more; // false: the host closed the worklist feed
            }
        }
    }

    private async Task PushAsync(SpecimenWorkOrder order, CancellationToken ct)
    {
        Hl7Message worklist;
        try
        {
            var heard = lastHeard;
            worklist = Hl7QueryAnswers.Worklist(order, heard?.Msh.VersionId, Hl7QueryAnswers.DestinationOf(heard), Header with { ControlId = null });
        }
        catch (Exception e) when (e is Hl7FormatException or ArgumentException)
        {
            link.Event($"HL7: không tạo được danh sách xét nghiệm cho {order.Barcode}: {e.Message}", isError: true);
            return;
        }
        await SendAndAwaitAckAsync(worklist, ct).ConfigureAwait(false);
    }

    private async Task SendAndAwaitAckAsync(Hl7Message message, CancellationToken ct)
    {
        var answer = new TaskCompletionSource<Hl7Message>(TaskCreationOptions.RunContinuationsAsynchronously);
        awaitingAck[message.ControlId] = answer;
        try
        {
            await SendAsync(message, ct).ConfigureAwait(false);
            var ack = await answer.Task.WaitAsync(options.AckTimeout, ct).ConfigureAwait(false);
            var code = ack.First("MSA")?.Value(1);
            if (code is not ("AA" or "CA"))
                link.Event($"HL7: máy trả {code} cho {message.Type} {message.ControlId}: {ack.First("MSA")?.Value(3)}", isError: true);
        }
        catch (TimeoutException)
        {
            link.Event($"HL7: không nhận được ACK cho {message.Type} {message.ControlId} sau {options.AckTimeout.TotalSeconds:0} giây", isError: true);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            link.Event($"HL7: không gửi được {message.Type} {message.ControlId}: {e.GetType().Name}: {e.Message}", isError: true);
        }
        finally
        {
            awaitingAck.TryRemove(message.ControlId, out _);
        }
    }

    private async Task SendAsync(Hl7Message message, CancellationToken ct)
    {
        await writing.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await MllpFraming.WriteAsync(channel, message, ct).ConfigureAwait(false);
        }
        finally
        {
            writing.Release();
        }
    }

    /// <summary>Bytes that are not a readable message, kept as text: UTF-8 when valid, else Latin-1 (every byte a character).</summary>
    private static string Text(ReadOnlySpan<byte> bytes) =>
        Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : Encoding.Latin1.GetString(bytes);
}
