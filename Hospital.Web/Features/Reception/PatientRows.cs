using Hospital.Domain.Data;
using Hospital.Domain.Patients;
using Hospital.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Reception;

/// <summary>One search hit with what tells namesakes apart: birth, sex, address, phone, CCCD, card and last visit.</summary>
public sealed record PatientRow(
    int Id, string Code, string FullName, DateOnly? DateOfBirth, int BirthYear, Sex Sex,
    string? AddressLine, string? CommuneCode, string? ProvinceCode, string? Phone, string? Cccd,
    string? CardNumber, DateOnly? CardValidFrom, DateOnly? CardValidTo, DateOnly? LastVisit);

public static class PatientRows
{
    /// <summary>The rows of <paramref name="ids"/> in that order: three small queries by primary/foreign key.</summary>
    public static async Task<IReadOnlyList<PatientRow>> LoadAsync(HospitalDbContext db, IReadOnlyList<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var list = ids.ToList();
        var patients = await db.Set<Patient>().AsNoTracking().Where(p => list.Contains(p.Id))
            .Select(p => new PatientRow(p.Id, p.Code, p.FullName, p.DateOfBirth, p.BirthYear, p.Sex, p.AddressLine, p.CommuneCode,
                p.ProvinceCode, p.Phone, p.Cccd, null, null, null, null))
            .ToDictionaryAsync(p => p.Id, ct);
        // The newest card of each patient: the one a clerk asks about.
        var cards = (await db.Set<BhytCard>().AsNoTracking().Where(c => list.Contains(c.PatientId) && c.VoidedAt == null)
                .Select(c => new { c.PatientId, c.Number, c.ValidFrom, c.ValidTo }).ToListAsync(ct))
            .GroupBy(c => c.PatientId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.ValidTo)!);
        var visits = await db.Set<Visit>().AsNoTracking().Where(v => list.Contains(v.PatientId) && v.VoidedAt == null)
            .GroupBy(v => v.PatientId).Select(g => new { g.Key, Last = g.Max(v => v.VisitDate) }).ToDictionaryAsync(x => x.Key, x => x.Last, ct);
        return ids.Where(patients.ContainsKey).Select(id =>
        {
            var row = patients[id];
            if (cards.TryGetValue(id, out var c)) row = row with { CardNumber = c.Number, CardValidFrom = c.ValidFrom, CardValidTo = c.ValidTo };
            if (visits.TryGetValue(id, out var last)) row = row with { LastVisit = last };
            return row;
        }).ToList();
    }
}
