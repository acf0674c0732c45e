using Hospital.Domain.Audit;
using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Web.Platform.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.LabValidation;

/// <summary>
/// <c>POST /clinic/lab-alerts/{id}/acknowledge</c> (clinic roles): the doctor confirms a critical
/// value reached them; who and when are stored on the alert (once: a second click changes nothing).
/// Answers with the alert list for the htmx swap.
/// </summary>
public static class CriticalValueAcknowledgement
{
    public static void Map(WebApplication app) =>
        app.MapPost("/clinic/lab-alerts/{id:long}/acknowledge", async (long id, HospitalDbContext db, IAuditUser user, TimeProvider clock, CancellationToken ct) =>
            {
                var alert = await db.Set<CriticalValueAlert>().FirstOrDefaultAsync(a => a.Id == id, ct);
                if (alert is not null && alert.AcknowledgedAt is null)
                {
                    alert.AcknowledgedAt = clock.GetUtcNow().UtcDateTime;
                    alert.AcknowledgedBy = user.UserName;
                    await db.SaveChangesAsync(ct);
                }
                return new RazorComponentResult<CriticalValueAlerts>();
            })
            .RequireAuthorization(HospitalModule.Clinic)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();
}
