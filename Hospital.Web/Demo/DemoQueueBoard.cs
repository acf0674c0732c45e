using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Domain.Visits;
using Hospital.Web.Features.Queues.Board;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Demo;

/// <summary>
/// Demo mode: one display board for all exam rooms with a fixed, published token, so the board
/// URL printed in the start-up banner works on every demo machine. Never used outside demo mode.
/// </summary>
public static class DemoQueueBoard
{
    public const string Token = "demo-board-sanh-cho";
    public const string Path = "/board/" + Token;

    public static async Task SeedAsync(HospitalDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var hash = BoardTokens.Hash(Token);
        if (await db.Set<QueueBoard>().AnyAsync(b => b.TokenHash == hash, ct)) return;
        var rooms = await db.Set<Room>().Where(r => r.Kind == RoomKind.ExamRoom && r.IsActive).OrderBy(r => r.Code).Select(r => r.Code).ToListAsync(ct);
        db.Add(new QueueBoard
        {
            Name = "Sảnh chờ Khoa Khám bệnh",
            RoomCodes = string.Join(",", rooms),
            TokenHash = hash,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = "demo",
        });
        await db.SaveChangesAsync(ct);
    }
}
