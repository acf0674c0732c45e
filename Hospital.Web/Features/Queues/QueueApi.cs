using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Domain.Visits;
using Hospital.Web.Api;
using Hospital.Web.Platform;
using Hospital.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Queues;

/// <summary><c>GET /api/v1/queues/{roomCode}</c> for kiosks and waiting-hall apps (issue 3, API contract).</summary>
public static class QueueApi
{
    /// <summary>One ticket. <c>priority</c> and <c>status</c> are stable lower-case names (<see cref="PriorityGroups.ApiName"/>, <see cref="TicketStatuses.ApiName"/>).</summary>
    public sealed record QueueItemDto(int TicketNumber, int VisitId, string Priority, string Status);

    public sealed record QueueDto(IReadOnlyList<QueueItemDto> Items);

    public static void MapQueueApi(this WebApplication app)
    {
        var roles = HospitalModule.ByPolicy(HospitalModule.Reception).Roles.Concat(HospitalModule.ByPolicy(HospitalModule.Clinic).Roles).ToArray();
        app.MapGroup("/api/v1").WithTags("Hàng đợi").DisableAntiforgery()
            .MapGet("/queues/{roomCode}", async (string roomCode, HospitalDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                var roomId = await db.Set<Room>().AsNoTracking().Where(r => r.Code == roomCode).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
                if (roomId is null) return ApiProblems.Result(StatusCodes.Status404NotFound, $"Không có phòng mã '{roomCode}'.");
                var list = await QueueList.LoadAsync(db, roomId.Value, VietnamTime.Today(clock), ct);
                return Results.Ok(new QueueDto([.. list.Select(t => new QueueItemDto(t.Number, t.VisitId, PriorityGroups.ApiName(t.Priority), TicketStatuses.ApiName(t.Status)))]));
            })
            .RequireAuthorization(new AuthorizeAttribute { Roles = string.Join(",", roles) })
            .WithSummary("Hàng đợi hôm nay của một phòng: số thứ tự, lượt khám, ưu tiên, trạng thái.")
            .WithDescription("Thứ tự: đang chờ theo thứ tự gọi (ưu tiên trước, rồi theo số), rồi đang gọi, đang khám, bỏ qua, đã khám xong. " +
                             "priority: none | emergency | child-under-6 | pregnant | severe-disability | aged-75 | meritorious-person. " +
                             "status: waiting | called | in-exam | skipped | done. Vai trò: Tiếp đón, Bác sĩ, Điều dưỡng.")
            .Produces<QueueDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
