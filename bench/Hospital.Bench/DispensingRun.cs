namespace Hospital.Bench;

/// <summary>
/// Dispensations per second (issue 7): generated signed prescriptions (the claim benchmark's
/// episodes, signed an hour ago) and dispensary lots holding what they need; one pharmacist
/// dispenses a first share one after another (the baseline), then ten pharmacists the rest in
/// parallel, all drawing on the same lots first-expiry-first-out, as a morning at the counter does.
/// </summary>
public static class DispensingRun
{
    public static async Task RunAsync(IServiceProvider services, int prescriptions, TextWriter log)
    {
        await ClaimEpisodeGenerator.LoadAsync(services, prescriptions, new DateOnly(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1), log);
        await PharmacyLedgerGenerator.DispensaryAsync(services, log);
        log.WriteLine("    PrescriptionDispensing.DispenseAsync is not on this branch yet: dispensing not measured.");
    }
}
