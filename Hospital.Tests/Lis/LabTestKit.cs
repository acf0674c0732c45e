using Hospital.Domain.Catalog;
using Hospital.Domain.Clinical;
using Hospital.Domain.Lab;
using Hospital.Domain.Outbox;
using Hospital.Emr.Orders;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Tests.Lis;

/// <summary>EMR lab orders of demo services, delivery of the LIS handoff, and row counts to prove what was (not) stored.</summary>
internal static class LabTestKit
{
    public const string BloodCount = "22.0121.1369", Glucose = "23.0075.1494", Creatinine = "23.0051.1494", Prothrombin = "22.0001.1355";

    public static async Task<OrderingResult> OrderServicesAsync(HospitalAppFactory app, int visitId, params string[] serviceCodes)
    {
        await using var db = app.Database.NewContext();
        var ids = await db.Set<MedicalService>().Where(s => serviceCodes.Contains(s.Code)).Select(s => s.Id).ToListAsync();
        var result = await Orders.OrdersTestKit.OrderAsync(app, new OrderRequest(visitId, ids));
        Assert.True(result.Ok, string.Join("; ", result.Errors));
        return result;
    }

    /// <summary>One round of the outbox dispatcher (disabled as a hosted service in tests).</summary>
    public static async Task<int> DeliverAsync(HospitalAppFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().RunOnceAsync();
    }

    /// <summary>The LIS handler given the same message again, as after a crash between handling and recording it.</summary>
    public static async Task HandleAgainAsync(HospitalAppFactory app, OutboxMessage message)
    {
        using var scope = app.Services.CreateScope();
        var handler = scope.ServiceProvider.GetServices<IOutboxHandler>().Single(h => h.Type == LabOrderHandoff.OrderPlacedType);
        await handler.HandleAsync(message, CancellationToken.None);
    }

    public sealed record LabCounts(int Orders, int Specimens, int Tests);

    public static async Task<LabCounts> CountLabAsync(HospitalAppFactory app)
    {
        await using var db = app.Database.NewContext();
        return new LabCounts(await db.Set<LabOrder>().CountAsync(), await db.Set<Specimen>().CountAsync(), await db.Set<LabOrderTest>().CountAsync());
    }

    /// <summary>
    /// A fee visit with <paramref name="serviceCodes"/> ordered by the doctor, handed to the LIS and every tube
    /// received in the lab: the specimens' barcodes by tube type, ready for analyser results.
    /// </summary>
    public static async Task<(int VisitId, Dictionary<SpecimenType, string> Barcodes)> ReceivedSpecimensAsync(HospitalAppFactory app, params string[] serviceCodes)
    {
        var visitId = await Orders.OrdersTestKit.VisitAsync(app);
        await OrderServicesAsync(app, visitId, serviceCodes);
        Assert.Equal(1, await DeliverAsync(app));
        Dictionary<SpecimenType, string> barcodes;
        await using (var db = app.Database.NewContext())
            barcodes = await db.Set<Specimen>().Where(s => s.LabOrder!.VisitId == visitId).ToDictionaryAsync(s => s.SpecimenType, s => s.Barcode);
        using var scope = app.Services.CreateScope();
        var receipt = scope.ServiceProvider.GetRequiredService<Hospital.Lis.Specimens.SpecimenReceipt>();
        foreach (var barcode in barcodes.Values) await receipt.ReceiveAsync(barcode);
        return (visitId, barcodes);
    }
}
