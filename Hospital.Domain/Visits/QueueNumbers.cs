using Hospital.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Domain.Visits;

/// <summary>Hands out the next ticket number of a room for a day (see <see cref="QueueCounter"/>).</summary>
public static class QueueNumbers
{
    public static async Task<int> NextAsync(HospitalDbContext db, int roomId, DateOnly day, CancellationToken ct = default)
    {
        // Same SQL on both providers (SQLite ≥ 3.35 and PostgreSQL support upsert + RETURNING).
        // The date is bound as text on SQLite and as a date on PostgreSQL, matching each column type.
        var numbers = await db.Database.SqlQueryRaw<int>(
            """
            INSERT INTO queue_counters (room_id, service_date, last_number) VALUES ({0}, {1}, 1)
            ON CONFLICT (room_id, service_date) DO UPDATE SET last_number = queue_counters.last_number + 1
            RETURNING last_number AS "Value"
            """, roomId, day).ToListAsync(ct);
        return numbers.Single();
    }
}
