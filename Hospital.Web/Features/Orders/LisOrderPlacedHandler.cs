using System.Text.Json;
using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Hospital.Domain.Outbox;

namespace Hospital.Web.Features.Orders;

/// <summary>
/// Delivers <see cref="LabOrderHandoff.OrderPlacedType"/>. Our LIS (issue 5) shares the database
/// and takes its work from the lab <see cref="ServiceOrder"/> rows themselves, so for it the
/// request is delivered once its orders are committed and readable; this handler checks that
/// they are and records the handoff in the log. It exists rather than leaving the type unhandled
/// because the dispatcher keeps an unhandled message pending for ever with a "no handler" error
/// (a deployment gap), which would put every lab request on the outbox screen as a fault.
/// Issue 5 (specimens, analyser worklists) or an external LIS over HL7 ORM replaces the body.
/// </summary>
internal sealed class LisOrderPlacedHandler(HospitalDbContext db, ILogger<LisOrderPlacedHandler> log) : IOutboxHandler
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Type => LabOrderHandoff.OrderPlacedType;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var placed = Read(message);
        var ids = placed.OrderIds.ToList();
        var found = await db.Set<ServiceOrder>().AsNoTracking()
            .CountAsync(o => ids.Contains(o.Id) && o.Kind == OrderKind.Lab && o.RequestNumber == placed.RequestNumber, ct);
        if (found != ids.Count)
            throw new PermanentOutboxFailure($"Phiếu chỉ định {placed.RequestNumber}: chỉ tìm thấy {found}/{ids.Count} chỉ định xét nghiệm.");
        log.LogInformation("Lab request {RequestNumber} of visit {VisitId} handed to the LIS worklist: {Count} orders", placed.RequestNumber, placed.VisitId, ids.Count);
    }

    private static LabOrdersPlaced Read(OutboxMessage message)
    {
        try
        {
            return JsonSerializer.Deserialize<LabOrdersPlaced>(message.Payload, Json)
                ?? throw new PermanentOutboxFailure("Nội dung tin nhắn rỗng.");
        }
        catch (JsonException ex)
        {
            throw new PermanentOutboxFailure("Nội dung tin nhắn không đọc được: " + ex.Message, ex);
        }
    }
}
