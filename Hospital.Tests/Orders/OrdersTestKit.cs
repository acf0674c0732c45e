using Hospital.Domain.Billing;
using Hospital.Domain.Catalog;
using Hospital.Domain.Clinical;
using Hospital.Domain.Insurance;
using Hospital.Domain.Outbox;
using Hospital.Domain.Visits;
using Hospital.Emr.Orders;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hospital.Tests.Visits.VisitTestKit;

namespace Hospital.Tests.Orders;

/// <summary>Visits, services and order sets made for one orders test, and row counts to prove nothing was stored.</summary>
internal static class OrdersTestKit
{
    public static string NewCard() => "DN437" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999);

    /// <summary>A registered visit of the given kind in a new room; returns its id.</summary>
    public static async Task<int> VisitAsync(HospitalAppFactory app, VisitKind kind = VisitKind.Fee)
    {
        var room = await RoomAsync(app);
        var patient = kind == VisitKind.Bhyt ? await PatientAsync(app, cardNumber: NewCard()) : await PatientAsync(app);
        var result = await RegisterAsync(app, new VisitRequest { PatientId = patient.Id, Kind = kind, RoomId = room.Id });
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        return result.Visit!.Id;
    }

    /// <summary>A lab service whose BHYT price differs from the hospital price, so a test can tell which one was charged.</summary>
    public static async Task<MedicalService> ServiceAsync(HospitalAppFactory app, BhytCostGroup group = BhytCostGroup.Lab,
        decimal price = 50_000, decimal? bhytPrice = 30_000, bool active = true)
    {
        await using var db = app.Database.NewContext();
        var s = new MedicalService
        {
            Code = "99." + Random.Shared.Next(1000, 9999) + "." + Random.Shared.Next(1000, 9999),
            Name = "Dịch vụ thử " + Guid.NewGuid().ToString("N")[..6],
            CostGroup = group,
            Price = price,
            BhytPrice = bhytPrice,
            IsActive = active,
        };
        s.RefreshSearchKey();
        db.Add(s);
        await db.SaveChangesAsync();
        return s;
    }

    public static async Task<OrderSet> OrderSetAsync(HospitalAppFactory app, params MedicalService[] services)
    {
        await using var db = app.Database.NewContext();
        var set = new OrderSet
        {
            Code = "TS" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(),
            Name = "Bộ thử",
            Items = services.Select((s, i) => new OrderSetItem { ServiceId = s.Id, Position = i + 1 }).ToList(),
        };
        set.RefreshSearchKey();
        db.Add(set);
        await db.SaveChangesAsync();
        return set;
    }

    public static async Task<OrderingResult> OrderAsync(HospitalAppFactory app, OrderRequest request)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ServiceOrdering>().OrderAsync(request);
    }

    public static async Task<string?> CancelAsync(HospitalAppFactory app, int visitId, long orderId, string? reason)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<OrderCancellation>().CancelAsync(visitId, orderId, reason);
    }

    public static async Task<string?> EnterTextAsync(HospitalAppFactory app, long orderId, string? text, string? conclusion)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TextResultEntry>().EnterAsync(orderId, text, conclusion);
    }

    public sealed record Counts(int Orders, int Charges, int Outbox, int Results);

    public static async Task<Counts> CountAsync(HospitalAppFactory app)
    {
        await using var db = app.Database.NewContext();
        return new Counts(await db.Set<ServiceOrder>().CountAsync(), await db.Set<Charge>().CountAsync(),
            await db.Set<OutboxMessage>().CountAsync(), await db.Set<ServiceResult>().CountAsync());
    }

    public static async Task<int> CheckInsAsync(HospitalAppFactory app, int visitId)
    {
        await using var db = app.Database.NewContext();
        var maLk = await db.Set<Visit>().Where(v => v.Id == visitId).Select(v => v.MaLk).SingleAsync();
        return await db.Set<OutboxMessage>().CountAsync(m => m.Type == BhxhOutboxTypes.CheckIn && m.Reference == maLk);
    }
}
