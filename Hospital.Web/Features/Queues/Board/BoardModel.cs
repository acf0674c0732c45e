using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Queues.Board;

/// <summary>What one display board shows: per room, the number being called and the next few waiting.</summary>
public sealed record BoardModel(string Name, IReadOnlyList<BoardRoom> Rooms)
{
    /// <summary>How many waiting numbers each room lists under the called one.</summary>
    public const int NextCount = 4;

    public static async Task<BoardModel> LoadAsync(HospitalDbContext db, QueueBoard board, DateOnly day, CancellationToken ct)
    {
        var codes = BoardTokens.RoomCodes(board);
        var rooms = await db.Set<Room>().AsNoTracking().Where(r => codes.Contains(r.Code))
            .Select(r => new { r.Id, r.Code, r.Name }).ToListAsync(ct);
        var ids = rooms.Select(r => r.Id).ToList();
        // Only what the board shows: called and waiting tickets of its rooms (one query for all rooms).
        var tickets = await db.Set<QueueTicket>().AsNoTracking()
            .Where(t => t.ServiceDate == day && ids.Contains(t.RoomId)
                        && (t.Status == TicketStatus.Called || t.Status == TicketStatus.Waiting))
            .Select(t => new { t.Id, t.RoomId, t.Number, t.Status, t.Priority, t.PriorityRank, t.CalledAt, t.CallCount, t.Visit!.Patient!.FullName })
            .ToListAsync(ct);
        var list = new List<BoardRoom>();
        foreach (var code in codes)
        {
            if (rooms.FirstOrDefault(r => r.Code == code) is not { } room) continue;
            var mine = tickets.Where(t => t.RoomId == room.Id).ToList();
            var called = mine.Where(t => t.Status == TicketStatus.Called).OrderByDescending(t => t.CalledAt).FirstOrDefault();
            var next = mine.Where(t => t.Status == TicketStatus.Waiting).OrderBy(t => t.PriorityRank).ThenBy(t => t.Number)
                .Take(NextCount).Select(t => new BoardNumber(t.Number, t.Priority)).ToList();
            list.Add(new BoardRoom(room.Code, room.Name,
                called is null ? null : new BoardCall(called.Id, called.Number, BoardNames.Shorten(called.FullName), called.Priority, called.CallCount),
                next, mine.Count(t => t.Status == TicketStatus.Waiting)));
        }
        return new BoardModel(board.Name, list);
    }
}

public sealed record BoardRoom(string Code, string Name, BoardCall? Called, IReadOnlyList<BoardNumber> Next, int Waiting);

/// <summary>The called number; <see cref="CallKey"/> changes on every call or recall, which makes the board flash.</summary>
public sealed record BoardCall(int TicketId, int Number, string ShortName, PriorityGroup Priority, int CallCount)
{
    public string CallKey => $"{TicketId}:{CallCount}";
}

public sealed record BoardNumber(int Number, PriorityGroup Priority);
