using Hospital.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Bench;

/// <summary>
/// Concluded BHYT outpatient episodes for the claim benchmark (issue 6), generated inside
/// PostgreSQL with generate_series so 100,000 episodes (≈ 1.5 M charge lines) load in seconds:
/// each a patient with address, ethnicity and occupation codes, a card, a visit in one of the
/// seeded exam rooms, a concluded exam with ICD-10 codes by a doctor with a practising
/// certificate, and 15 charges on average (exam fee, lab tests, imaging, drugs at their BHYT
/// prices; every 7th drug at a 50% ratio), spread over the month before <paramref name="month"/>'s end.
/// Returns the generated visit ids in order.
/// </summary>
public static class ClaimEpisodeGenerator
{
    public static async Task<int> LoadAsync(IServiceProvider services, int episodes, DateOnly month, TextWriter log)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HospitalDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        var start = month.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var days = DateTime.DaysInMonth(month.Year, month.Month);
        await db.Database.ExecuteSqlRawAsync("UPDATE staff SET practice_certificate_no = COALESCE(practice_certificate_no, '00' || lpad(id::text, 4, '0') || '/HNO-CCHN')");
        var steps = new (string What, string Sql)[]
        {
            ("patients", $"""
                INSERT INTO patients (code, full_name, search_key, date_of_birth, birth_year, sex, ethnicity_code, nationality_code, occupation_code,
                                      province_code, commune_code, address_line, phone, cccd, created_at, created_by)
                SELECT 'BNCL' || lpad(g::text, 7, '0'), 'Nguyễn Văn Giám Định ' || g, 'nguyen van giam dinh ' || g,
                       date '1950-01-01' + (g % 25000), 1950 + (g % 25000) / 365, 1 + g % 2, '01', '000', '00000',
                       c.province_code, c.code, 'Số ' || (g % 200 + 1) || ' đường Lê Lợi', '09' || lpad((g % 100000000)::text, 8, '0'),
                       '0012' || lpad(g::text, 8, '0'), now(), 'bench'
                FROM generate_series(1, {episodes}) g CROSS JOIN (SELECT code, province_code FROM communes ORDER BY id LIMIT 1) c
                """),
            ("cards", """
                INSERT INTO bhyt_cards (patient_id, number, social_insurance_number, valid_from, valid_to, registered_facility_code, created_at)
                SELECT p.id, 'HT301' || lpad((p.id % 10000000000)::text, 10, '0'), lpad((p.id % 10000000000)::text, 10, '0'),
                       date '2026-01-01', date '2026-12-31', f.facility_code, now()
                FROM patients p CROSS JOIN (SELECT facility_code FROM facility_settings ORDER BY id LIMIT 1) f
                WHERE p.code LIKE 'BNCL%'
                """),
            ("visits", $"""
                INSERT INTO visits (code, ma_lk, patient_id, kind, status, registered_at, registered_by, visit_date, reason, emergency, priority,
                                    department_id, room_id, bhyt_card_id, card_number, card_valid_from, card_valid_to, card_registered_facility_code,
                                    card_presentation, benefit_category_code, payable_share_percent, card_check, has_appointment_slip)
                SELECT 'KCL' || lpad(p.id::text, 8, '0'), 'LKCL' || lpad(p.id::text, 8, '0'), p.id, 1, 4,
                       timestamptz '{start:yyyy-MM-dd} 01:00:00+00' + ((p.id % {days}) || ' days')::interval + ((p.id % 480) || ' minutes')::interval,
                       'bench', date '{month:yyyy-MM-dd}' + (p.id % {days}), 'Đau đầu, sốt', false, 0,
                       r.department_id, r.id, c.id, c.number, c.valid_from, c.valid_to, c.registered_facility_code, 1, '1.1', 95, 2, false
                FROM patients p JOIN bhyt_cards c ON c.patient_id = p.id
                CROSS JOIN LATERAL (SELECT id, department_id FROM rooms WHERE kind = 'ExamRoom' AND is_active ORDER BY id OFFSET (p.id % 3) LIMIT 1) r
                WHERE p.code LIKE 'BNCL%'
                """),
            ("exams", """
                INSERT INTO exam_records (visit_id, patient_id, status, started_by, started_at, doctor_staff_id, reason, primary_diagnosis_code,
                                          primary_diagnosis_text, secondary_diagnosis_codes, secondary_diagnosis_text, conclusion, disposition,
                                          concluded_at, concluded_by, revision, outcome_code)
                SELECT v.id, v.patient_id, 1, 'doctor', v.registered_at + interval '10 minutes', s.id, 'Đau đầu, sốt',
                       (ARRAY['J06.9','I10','E11.9','K29.7','M54.5'])[1 + v.id % 5], 'Chẩn đoán chính', 'I10;E78.5', 'Tăng huyết áp; rối loạn lipid máu',
                       'Điều trị ngoại trú', 1, v.registered_at + interval '50 minutes', 'doctor', 1, 2
                FROM visits v CROSS JOIN LATERAL (SELECT id FROM staff WHERE practice_certificate_no IS NOT NULL ORDER BY id OFFSET (v.id % 2) LIMIT 1) s
                WHERE v.code LIKE 'KCL%'
                """),
            ("charges", """
                WITH items AS (
                    SELECT row_number() OVER (ORDER BY kind, id) AS n, * FROM (
                        (SELECT 1 AS kind, id, code, name, unit, cost_group, bhyt_price AS price, 100 AS ratio FROM medical_services
                         WHERE is_active AND bhyt_price IS NOT NULL AND cost_group IN (1, 2, 3, 13) ORDER BY cost_group DESC, id LIMIT 11)
                        UNION ALL
                        (SELECT 2, id, code, name, unit, cost_group, price, CASE WHEN id % 7 = 0 THEN 50 ELSE bhyt_payment_rate END
                         FROM drugs WHERE is_active AND covered_by_bhyt AND route_code IS NOT NULL AND registration_no IS NOT NULL ORDER BY id LIMIT 6)) x)
                INSERT INTO charges (visit_id, item_kind, service_id, drug_id, item_code, item_name, unit, cost_group, quantity, unit_price,
                                     bhyt_unit_price, bhyt_payable_ratio, department_id, ordered_by, ordering_staff_id, performing_staff_id,
                                     ordered_at, performed_at)
                SELECT v.id, i.kind, CASE WHEN i.kind = 1 THEN i.id END, CASE WHEN i.kind = 2 THEN i.id END, i.code, i.name, i.unit, i.cost_group,
                       CASE WHEN i.kind = 2 THEN 10 + 2 * (v.id % 10) ELSE 1 END, i.price, i.price, i.ratio, v.department_id, 'doctor', e.doctor_staff_id,
                       CASE WHEN i.cost_group IN (1, 2, 3, 8, 18) THEN e.doctor_staff_id END,
                       v.registered_at + interval '15 minutes', v.registered_at + interval '30 minutes'
                FROM visits v JOIN exam_records e ON e.visit_id = v.id CROSS JOIN items i
                WHERE v.code LIKE 'KCL%' AND (i.n = 1 OR (i.n + v.id) % 17 <> 0)
                """),
            ("vital signs", """
                INSERT INTO vital_signs (visit_id, patient_id, measured_at, recorded_by, weight_kg)
                SELECT id, patient_id, registered_at + interval '12 minutes', 'nurse', 50 + id % 30 FROM visits WHERE code LIKE 'KCL%'
                """),
            ("prescriptions", """
                INSERT INTO prescriptions (visit_id, patient_id, status, form, national_status, created_at, created_by, signed_at, doctor_staff_id)
                SELECT v.id, v.patient_id, 1, 1, 0, v.registered_at + interval '40 minutes', 'doctor', v.registered_at + interval '50 minutes', e.doctor_staff_id
                FROM visits v JOIN exam_records e ON e.visit_id = v.id WHERE v.code LIKE 'KCL%'
                """),
            ("prescription lines", """
                INSERT INTO prescription_lines (prescription_id, position, drug_id, drug_code, drug_name, active_ingredient, unit,
                                                dose_per_time, times_per_day, days, quantity, usage, charge_id)
                SELECT p.id, row_number() OVER (PARTITION BY p.id ORDER BY c.id), d.id, d.code, d.name, d.active_ingredient, d.unit,
                       1, 2, c.quantity / 2, c.quantity, 'Uống sau ăn', c.id
                FROM prescriptions p JOIN charges c ON c.visit_id = p.visit_id AND c.item_kind = 2 JOIN drugs d ON d.id = c.drug_id
                JOIN visits v ON v.id = p.visit_id WHERE v.code LIKE 'KCL%'
                """),
            ("statistics", "ANALYZE"),
        };
        foreach (var (what, sql) in steps)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var rows = await db.Database.ExecuteSqlRawAsync(sql);
            log.WriteLine($"    {what}: {Math.Max(rows, 0):N0} rows in {watch.Elapsed.TotalSeconds:F1} s");
        }
        return episodes;
    }
}
