using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Domain.Pharmacy;
using Hospital.Emr.Prescriptions;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Dispensing;

/// <summary>How the dispensary's screens name a prescription's form and dispensing status (Vietnamese keys of the shared resource).</summary>
public static class DispensingLabels
{
    public static string Form(PrescriptionForm form) => PrescriptionFormRules.Label(form);

    public static string Status(DispensingStatus status) => status switch
    {
        DispensingStatus.Partial => "Cấp một phần",
        DispensingStatus.Complete => "Đã cấp đủ",
        DispensingStatus.Closed => "Đã kết thúc",
        _ => "Chưa cấp",
    };

    public static string Css(DispensingStatus status) => status switch
    {
        DispensingStatus.Partial => "text-bg-warning",
        DispensingStatus.Complete => "text-bg-success",
        DispensingStatus.Closed => "text-bg-secondary",
        _ => "text-bg-light border",
    };
}

/// <summary>The stores a pharmacist can dispense from; the outpatient dispensary first, as the default.</summary>
public static class DispensingStores
{
    public sealed record Choice(int Id, string Code, string Name, StoreKind Kind);

    public static async Task<List<Choice>> ActiveAsync(HospitalDbContext db, CancellationToken ct = default) =>
        (await db.Set<Store>().AsNoTracking().Where(s => s.IsActive).Select(s => new Choice(s.Id, s.Code, s.Name, s.Kind)).ToListAsync(ct))
        .OrderBy(s => s.Kind == StoreKind.Dispensary ? 0 : 1).ThenBy(s => s.Code, StringComparer.Ordinal).ToList();

    public static Choice? Pick(IReadOnlyList<Choice> stores, string? code) => stores.FirstOrDefault(s => s.Code == code) ?? stores.FirstOrDefault();
}
