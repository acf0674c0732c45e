using Hospital.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Bench;

/// <summary>
/// Stock for the pharmacy benchmark (issue 7), generated inside PostgreSQL with generate_series.
/// <see cref="YearAsync"/>: a year of ledger rows up to now in the four demo stores over four lots
/// of every drug, in blocks of 20 rows of one lot and store (a receipt of 100 first, then
/// dispensings of 1–3, a transfer out, a count difference, a loss), and balances equal to the
/// ledger sums, so the stock report has a real year to read. <see cref="DispensaryAsync"/>: lots in
/// the dispensary holding what the generated prescriptions need, plus a margin.
/// </summary>
public static class PharmacyLedgerGenerator
{
    public const string Dispensary = "KHO-NGT";

    public static async Task YearAsync(IServiceProvider services, int rows, DateTime nowUtc, TextWriter log)
    {
        var start = nowUtc.AddDays(-365);
        var step = 365 * 86400.0 / rows;
        await RunAsync(services, log,
            ("lots", """
                INSERT INTO drug_lots (drug_id, lot_number, expiry, created_at)
                SELECT d.id, 'BN-' || d.code || '-' || k, date '2027-01-31' + k * 120, now()
                FROM drugs d CROSS JOIN generate_series(1, 4) k WHERE d.is_active
                """),
            ("ledger rows", $"""
                WITH lots AS (SELECT row_number() OVER (ORDER BY id) - 1 AS n, id, drug_id, 100 + (id % 50) * 10 AS cost FROM drug_lots WHERE lot_number LIKE 'BN-%'),
                     stores AS (SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM stores WHERE code IN ('KHO-CHINH', 'KHO-NGT', 'TU-HSCC', 'TU-NOI')),
                     sizes AS (SELECT (SELECT count(*) FROM lots) AS l, (SELECT count(*) FROM stores) AS s)
                INSERT INTO stock_movements (store_id, lot_id, drug_id, kind, quantity, unit_cost, occurred_at, recorded_by, document, document_id)
                SELECT st.id, lo.id, lo.drug_id,
                       CASE x.pos WHEN 0 THEN 1 WHEN 5 THEN 2 WHEN 10 THEN 9 WHEN 15 THEN 7 ELSE 4 END,
                       CASE x.pos WHEN 0 THEN 100 WHEN 5 THEN -2 WHEN 10 THEN CASE WHEN x.b % 2 = 0 THEN 1 ELSE -1 END WHEN 15 THEN -1 ELSE -(1 + g % 3) END,
                       lo.cost, timestamptz '{start:yyyy-MM-dd HH:mm:ss}+00' + (g * {step.ToString(System.Globalization.CultureInfo.InvariantCulture)}) * interval '1 second', 'bench',
                       CASE x.pos WHEN 0 THEN 1 WHEN 5 THEN 2 WHEN 10 THEN 5 WHEN 15 THEN 4 ELSE 3 END, x.b
                FROM generate_series(0, {rows - 1}) g
                CROSS JOIN LATERAL (SELECT g / 20 AS b, g % 20 AS pos) x
                CROSS JOIN sizes z
                JOIN lots lo ON lo.n = (x.b / z.s) % z.l
                JOIN stores st ON st.n = x.b % z.s
                """),
            ("balances", """
                INSERT INTO stock_balances (store_id, lot_id, drug_id, on_hand, unit_cost)
                SELECT store_id, lot_id, drug_id, sum(quantity), max(unit_cost) FROM stock_movements
                WHERE lot_id IN (SELECT id FROM drug_lots WHERE lot_number LIKE 'BN-%') GROUP BY store_id, lot_id, drug_id
                """),
            ("statistics", "ANALYZE"));
    }

    /// <summary>Three lots of every prescribed drug in the dispensary, together 1.2 × what the prescriptions of visits <c>KCL%</c> ask for.</summary>
    public static Task DispensaryAsync(IServiceProvider services, TextWriter log) => RunAsync(services, log,
        ("dispensary lots", """
            INSERT INTO drug_lots (drug_id, lot_number, expiry, created_at)
            SELECT DISTINCT l.drug_id, 'PB-' || l.drug_code || '-' || k, date '2028-01-31' + k * 90, now()
            FROM prescription_lines l CROSS JOIN generate_series(1, 3) k
            """),
        ("dispensary receipts", $"""
            WITH need AS (SELECT drug_id, sum(quantity) AS q FROM prescription_lines GROUP BY drug_id)
            INSERT INTO stock_movements (store_id, lot_id, drug_id, kind, quantity, unit_cost, occurred_at, recorded_by, document, document_id)
            SELECT s.id, lo.id, lo.drug_id, 1, ceil(n.q * 0.4), 500, now() - interval '1 day', 'bench', 1, 0
            FROM drug_lots lo JOIN need n ON n.drug_id = lo.drug_id CROSS JOIN (SELECT id FROM stores WHERE code = '{Dispensary}') s
            WHERE lo.lot_number LIKE 'PB-%'
            """),
        ("dispensary balances", $"""
            INSERT INTO stock_balances (store_id, lot_id, drug_id, on_hand, unit_cost)
            SELECT store_id, lot_id, drug_id, sum(quantity), 500 FROM stock_movements
            WHERE lot_id IN (SELECT id FROM drug_lots WHERE lot_number LIKE 'PB-%') GROUP BY store_id, lot_id, drug_id
            """),
        // The generated episodes were signed in their month; dispensing takes prescriptions signed in the last 5 days (TT 26).
        ("signed today", "UPDATE prescriptions SET signed_at = now() - interval '1 hour', dispensing_status = 0 WHERE visit_id IN (SELECT id FROM visits WHERE code LIKE 'KCL%')"),
        ("statistics", "ANALYZE"));

    private static async Task RunAsync(IServiceProvider services, TextWriter log, params (string What, string Sql)[] steps)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HospitalDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        foreach (var (what, sql) in steps)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var n = await db.Database.ExecuteSqlRawAsync(sql);
            log.WriteLine($"    {what}: {Math.Max(n, 0):N0} rows in {watch.Elapsed.TotalSeconds:F1} s");
        }
    }
}
