using System.Threading.Channels;
using Hospital.Domain.Lab;
using Hospital.Lis.Analysers;
using Hospital.Lis.Results;

namespace Hospital.Web.Features.Analysers;

/// <summary>
/// The LIS as one analyser's dialogue sees it (<see cref="IAnalyserLink"/>): journal and events go to the background
/// <see cref="AnalyserJournalWriter"/> and the <see cref="AnalyserStatusBoard"/>; storing and host queries run in a
/// fresh DI scope each (a session lives for days, a DbContext for one unit of work).
/// </summary>
public sealed class AnalyserLink(Analyser definition, IServiceScopeFactory scopes, AnalyserJournalWriter journal, AnalyserStatusBoard board,
    TimeProvider clock, ILogger log) : IAnalyserLink
{
    /// <summary>Worklists waiting for the dialogue; bounded so a disconnected analyser cannot hoard memory (a full queue is reported).</summary>
    private readonly Channel<SpecimenWorkOrder> _broadcasts = Channel.CreateBounded<SpecimenWorkOrder>(
        // Wait mode, but only TryWrite is used: it returns false when full (the Drop modes report a dropped write as written).
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.Wait, SingleReader = false });

    public Analyser Definition { get; } = definition;

    public ChannelReader<SpecimenWorkOrder> Broadcasts => _broadcasts.Reader;

    public void Journal(JournalDirection direction, ReadOnlySpan<byte> data) =>
        journal.Enqueue(new AnalyserJournalEntry { Analyser = Definition.Name, At = Now, Direction = direction, Data = data.ToArray() });

    public void Event(string note, bool isError = false)
    {
        journal.Enqueue(new AnalyserJournalEntry
        {
            Analyser = Definition.Name, At = Now, Direction = JournalDirection.Event, Note = note.Length > 500 ? note[..500] : note,
        });
        if (isError)
        {
            board.Error(Definition.Name, note);
            log.LogWarning("Analyser {Analyser}: {Event}", Definition.Name, note);
        }
        else log.LogInformation("Analyser {Analyser}: {Event}", Definition.Name, note);
    }

    public async Task<UploadOutcome> StoreAsync(AnalyserUpload upload, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<AnalyserResultImport>().ImportAsync(upload, ct);
        board.MessageReceived(Definition.Name);
        if (upload.Error is not null) Event($"Không đọc được thông điệp (đã lưu nguyên văn, mã {outcome.MessageId}): {upload.Error}", isError: true);
        return outcome;
    }

    public async Task<SpecimenWorkOrder?> WorkOrderAsync(string barcode, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var worklist = scope.ServiceProvider.GetRequiredService<SpecimenWorklist>();
        var order = await worklist.ForAnalyserAsync(Definition.Name, barcode, ct);
        // Handed to the dialogue = about to be sent to the analyser: the tests are now "on analyser" for the lab.
        if (order is { Tests.Count: > 0 }) await worklist.MarkOnAnalyserAsync(order.Barcode, order.Tests.Select(t => t.TestCode).ToList(), ct);
        return order;
    }

    /// <summary>Queues a worklist for the dialogue to send (analysers with <see cref="Analyser.Broadcast"/>).</summary>
    public void Push(SpecimenWorkOrder order)
    {
        if (!_broadcasts.Writer.TryWrite(order))
            Event($"Hàng đợi gửi danh sách chỉ định đầy: không gửi được ống {order.Barcode} (máy có đang kết nối không?).", isError: true);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
