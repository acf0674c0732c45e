using Hospital.Domain.Lab;
using Hospital.Lis.Results;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hospital.Tests.Lis.LabTestKit;

namespace Hospital.Tests.Lis.Unmatched;

/// <summary>A patient's tubes (blood count on EDTA, glucose on serum) and unmatched results put in the queue as the import leaves them.</summary>
internal static class UnmatchedTestKit
{
    public sealed record Tubes(string Edta, string Serum, int PatientId);

    public static async Task<Tubes> TubesAsync(HospitalAppFactory app)
    {
        var (_, barcodes) = await ReceivedSpecimensAsync(app, BloodCount, Glucose);
        var edta = barcodes[SpecimenType.WholeBloodEdta];
        await using var db = app.Database.NewContext();
        return new Tubes(edta, barcodes[SpecimenType.Serum], await db.Set<Specimen>().Where(s => s.Barcode == edta).Select(s => s.PatientId).SingleAsync());
    }

    public static async Task<long> QueueAsync(HospitalAppFactory app, string barcode, string code, string value,
        UnmatchedReason reason = UnmatchedReason.UnknownSpecimen, string analyser = "XN1", DateTime? receivedAt = null, string? unit = null)
    {
        await using var db = app.Database.NewContext();
        var row = new UnmatchedLabResult
        {
            Analyser = analyser, Barcode = barcode, AnalyserTestCode = code, Value = value, Unit = unit, AnalyserFlags = "H",
            InstrumentAt = (receivedAt ?? DateTime.UtcNow).AddMinutes(-2), ReceivedAt = receivedAt ?? DateTime.UtcNow, Reason = reason,
        };
        db.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    /// <summary>The resolution service in its own scope, as one request would have it.</summary>
    public static async Task<T> WithQueueAsync<T>(HospitalAppFactory app, Func<UnmatchedResultResolution, Task<T>> act)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<UnmatchedResultResolution>());
    }

    public static async Task<UnmatchedLabResult> RowAsync(HospitalAppFactory app, long id)
    {
        await using var db = app.Database.NewContext();
        return await db.Set<UnmatchedLabResult>().SingleAsync(u => u.Id == id);
    }

    public static async Task<int> ResultCountAsync(HospitalAppFactory app)
    {
        await using var db = app.Database.NewContext();
        return await db.Set<LabResult>().CountAsync();
    }
}
