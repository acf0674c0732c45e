using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Queues.Board;

/// <summary>Creating and revoking display boards (Admin). The plain token leaves this class once, in <see cref="Created"/>.</summary>
public sealed class QueueBoardAdministration(HospitalDbContext db, TimeProvider clock)
{
    public sealed record Created(int Id, string Name, string Token);

    /// <summary>The new board, or the Vietnamese reasons it cannot be created (nothing stored then).</summary>
    public async Task<(Created? Board, List<string> Errors)> CreateAsync(string? name, IReadOnlyCollection<string> roomCodes, string user, CancellationToken ct)
    {
        var errors = new List<string>();
        name = name?.Trim() ?? "";
        if (name.Length == 0) errors.Add("Nhập tên bảng, ví dụ: Sảnh chờ tầng 1.");
        else if (name.Length > 200) errors.Add("Tên bảng tối đa 200 ký tự.");
        var known = await db.Set<Room>().AsNoTracking().Where(r => r.Kind == RoomKind.ExamRoom && r.IsActive)
            .OrderBy(r => r.Code).Select(r => r.Code).ToListAsync(ct);
        var chosen = known.Where(roomCodes.Contains).ToList();
        if (chosen.Count == 0) errors.Add("Chọn ít nhất một phòng khám để hiển thị.");
        if (roomCodes.Except(known).Any()) errors.Add("Có phòng không tồn tại hoặc không phải phòng khám đang hoạt động.");
        if (errors.Count > 0) return (null, errors);

        var token = BoardTokens.NewToken();
        var board = new QueueBoard
        {
            Name = name,
            RoomCodes = string.Join(",", chosen),
            TokenHash = BoardTokens.Hash(token),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = user,
        };
        db.Add(board);
        await db.SaveChangesAsync(ct);
        return (new Created(board.Id, board.Name, token), errors);
    }

    /// <summary>Revokes the board: its page and stream answer 404 from now on (open streams end at their next check).</summary>
    public async Task<bool> RevokeAsync(int id, CancellationToken ct)
    {
        var board = await db.Set<QueueBoard>().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (board is null || board.RevokedAt is not null) return false;
        board.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }
}
