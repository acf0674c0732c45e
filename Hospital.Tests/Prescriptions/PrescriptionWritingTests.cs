using Hospital.Domain.Billing;
using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Domain.Visits;
using Hospital.Emr.Prescriptions;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Hospital.Tests.Prescriptions.PrescriptionTestKit;

namespace Hospital.Tests.Prescriptions;

/// <summary>
/// The doctor writing a visit's prescriptions on the real app and database: every refusal says why
/// in Vietnamese and stores nothing; accepted lines are stored with their drug charge.
/// Demo formulary codes: TH0001 Paracetamol 500mg, TH0002 Paracetamol gói, TH0007 Amoxicillin,
/// TH0019 Amlodipin, TH0032 Esomeprazol tiêm (lọ, BHYT 50%), TH0049 Vitamin 3B (outside BHYT),
/// TH0052 Diazepam (H), TH0057 Morphin sulfat (N).
/// </summary>
public sealed class PrescriptionWritingTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Over_the_day_limit_is_refused_with_the_Vietnamese_message_and_nothing_stored(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var acute = await VisitAsync(app, primary: "J06.9");

        var refused = await AddAsync(app, acute, "TH0001", days: 31);

        Assert.False(refused.Ok);
        Assert.Equal("Paracetamol 500mg: kê 31 ngày vượt giới hạn — đơn thuốc thông thường tối đa 30 ngày (90 ngày khi có chẩn đoán bệnh mạn tính thuộc PL VII).",
            Assert.Single(refused.Errors));
        Assert.Equal(new Stored(0, 0, 0), await StoredAsync(app, acute));

        // Hypertension as a secondary diagnosis makes it a chronic prescription: 90 days.
        var chronic = await VisitAsync(app, primary: "J06.9", secondary: "I10");
        Assert.True((await AddAsync(app, chronic, "TH0019", times: 1, days: 90)).Ok);
        Assert.Contains("tối đa 90 ngày", Assert.Single((await AddAsync(app, chronic, "TH0015", days: 91)).Errors));
        Assert.Equal(new Stored(1, 1, 1), await StoredAsync(app, chronic));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_narcotic_goes_only_on_its_own_N_form_with_its_own_limit(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var visit = await VisitAsync(app, primary: "S72.0");

        var onOrdinary = await AddAsync(app, visit, "TH0057", days: 3, form: PrescriptionForm.Ordinary);
        Assert.Contains("thuốc gây nghiện: chỉ được kê trên đơn thuốc \"N\" riêng", Assert.Single(onOrdinary.Errors));
        Assert.Equal(new Stored(0, 0, 0), await StoredAsync(app, visit));

        Assert.Contains("thuốc gây nghiện điều trị cấp tính tối đa 7 ngày", Assert.Single((await AddAsync(app, visit, "TH0057", days: 8)).Errors));
        Assert.True((await AddAsync(app, visit, "TH0057", days: 3)).Ok);
        Assert.True((await AddAsync(app, visit, "TH0001", days: 5)).Ok);
        Assert.True((await AddAsync(app, visit, "TH0052", times: 1, days: 5)).Ok);

        // One prescription per form: N, H and the ordinary one.
        var forms = (await PrescriptionsAsync(app, visit)).Select(p => p.Form).Order().ToList();
        Assert.Equal([PrescriptionForm.Ordinary, PrescriptionForm.Narcotic, PrescriptionForm.Psychotropic], forms);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task An_allergy_conflict_blocks_the_line_unless_the_doctor_gives_a_reason(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var visit = await VisitAsync(app);
        await AllergyAsync(app, visit.PatientId, "Penicillin");

        var blocked = await AddAsync(app, visit, "TH0007", times: 3, days: 7);
        Assert.False(blocked.Ok);
        Assert.Equal("Amoxicillin", Assert.Single(blocked.AllergyConflicts).Ingredient);
        Assert.StartsWith("Người bệnh dị ứng \"Penicillin\": Amoxicillin 500mg chứa Amoxicillin thuộc nhóm Penicillin.", Assert.Single(blocked.Errors));
        Assert.Equal(new Stored(0, 0, 0), await StoredAsync(app, visit));

        var overridden = await AddAsync(app, visit, "TH0007", times: 3, days: 7, overrideReason: "Đã test da âm tính, theo dõi tại chỗ 30 phút");
        Assert.True(overridden.Ok, string.Join("; ", overridden.Errors));
        var line = Assert.Single(Assert.Single(await PrescriptionsAsync(app, visit)).Lines);
        Assert.Equal("Đã test da âm tính, theo dõi tại chỗ 30 phút", line.AllergyOverrideReason);
        Assert.Equal(21, line.Quantity);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_same_active_ingredient_twice_in_a_visit_is_refused(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var visit = await VisitAsync(app);
        Assert.True((await AddAsync(app, visit, "TH0001")).Ok);

        var again = await AddAsync(app, visit, "TH0002");

        Assert.Equal("Paracetamol 250mg (gói bột) trùng hoạt chất Paracetamol với Paracetamol 500mg đã kê trong lượt khám này.", Assert.Single(again.Errors));
        Assert.Equal(new Stored(1, 1, 1), await StoredAsync(app, visit));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_child_under_72_months_needs_weight_and_guardian(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var child = await VisitAsync(app, ageMonths: 30);

        var noWeight = await AddAsync(app, child, "TH0002", header: new PrescriptionHeaderInput(null, null, "Trần Thị Mẹ", "0912345678", null));
        Assert.Equal("Trẻ dưới 72 tháng tuổi: nhập cân nặng (kg) trên đơn thuốc.", Assert.Single(noWeight.Errors));
        Assert.Equal(new Stored(0, 0, 0), await StoredAsync(app, child));

        var ok = await AddAsync(app, child, "TH0002", header: new PrescriptionHeaderInput("Uống nhiều nước", 12.5m, "Trần Thị Mẹ", "0912345678", null));
        Assert.True(ok.Ok, string.Join("; ", ok.Errors));
        var p = Assert.Single(await PrescriptionsAsync(app, child));
        Assert.Equal((30, 12.5m, "Trần Thị Mẹ", "0912345678", "Uống nhiều nước"), (p.AgeMonths!.Value, p.WeightKg!.Value, p.GuardianName, p.GuardianPhone, p.Advice));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Each_line_has_its_drug_charge_priced_for_the_visit_kind_and_voided_with_the_line(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var bhyt = await VisitAsync(app, VisitKind.Bhyt);
        var amoxicillin = await AddAsync(app, bhyt, "TH0007", times: 3, days: 5);
        Assert.True(amoxicillin.Ok, string.Join("; ", amoxicillin.Errors));
        Assert.True((await AddAsync(app, bhyt, "TH0032", dose: 1, times: 1, days: 3, containers: 3)).Ok);
        Assert.True((await AddAsync(app, bhyt, "TH0049", times: 1, days: 10)).Ok);
        var fee = await VisitAsync(app, VisitKind.Fee);
        Assert.True((await AddAsync(app, fee, "TH0007", times: 3, days: 5)).Ok);

        await using (var db = app.Database.NewContext())
        {
            var charges = await db.Set<Charge>().AsNoTracking().Where(c => c.ItemKind == ChargeItemKind.Drug && (c.VisitId == bhyt.VisitId || c.VisitId == fee.VisitId))
                .OrderBy(c => c.Id).ToListAsync();
            var lines = await db.Set<PrescriptionLine>().AsNoTracking().ToDictionaryAsync(l => l.ChargeId!.Value);
            Assert.Equal(4, charges.Count);
            Assert.All(charges, c => Assert.True(lines.ContainsKey(c.Id), "each charge belongs to its line"));
            // Amoxicillin in the BHYT list: the fund recognises the drug price at 100%.
            Assert.Equal(("TH0007", 15m, 750m, (decimal?)750m, 100m), (charges[0].ItemCode, charges[0].Quantity, charges[0].UnitPrice, charges[0].BhytUnitPrice, charges[0].BhytPayableRatio));
            // Esomeprazol injection paid by rate: TYLE_TT_BH 50%, counted in vials as entered.
            Assert.Equal(("TH0032", 3m, 45_000m, (decimal?)45_000m, 50m), (charges[1].ItemCode, charges[1].Quantity, charges[1].UnitPrice, charges[1].BhytUnitPrice, charges[1].BhytPayableRatio));
            // Vitamin 3B is outside the fund's list: hospital price, no BHYT part.
            Assert.Equal(("TH0049", 600m, (decimal?)null), (charges[2].ItemCode, charges[2].UnitPrice, charges[2].BhytUnitPrice));
            // Fee-paying visit: hospital price only.
            Assert.Equal((fee.VisitId, 750m, (decimal?)null), (charges[3].VisitId, charges[3].UnitPrice, charges[3].BhytUnitPrice));
            Assert.All(charges, c => Assert.Equal(PrescriptionTestKit.Doctor, c.OrderedBy));
        }

        // Changing the dose updates the charge; removing the line voids it and keeps it.
        var lineId = amoxicillin.LineId!.Value;
        var changed = await WithAsync<PrescriptionWriting, PrescriptionWriteResult>(app,
            w => w.ChangeLineAsync(bhyt.VisitId, lineId, new PrescriptionLineInput(0, 1, 2, 5), null, Doctor));
        Assert.True(changed.Ok, string.Join("; ", changed.Errors));
        long chargeId;
        await using (var db = app.Database.NewContext())
        {
            var line = await db.Set<PrescriptionLine>().AsNoTracking().SingleAsync(l => l.Id == lineId);
            chargeId = line.ChargeId!.Value;
            Assert.Equal((10m, 10m), (line.Quantity, (await db.Set<Charge>().AsNoTracking().SingleAsync(c => c.Id == chargeId)).Quantity));
        }
        var removed = await WithAsync<PrescriptionWriting, PrescriptionWriteResult>(app, w => w.RemoveLineAsync(bhyt.VisitId, lineId, Doctor));
        Assert.True(removed.Ok);
        await using (var db = app.Database.NewContext())
        {
            Assert.False(await db.Set<PrescriptionLine>().AnyAsync(l => l.Id == lineId));
            var charge = await db.Set<Charge>().AsNoTracking().SingleAsync(c => c.Id == chargeId);
            Assert.Equal((PrescriptionWriting.LineRemovedReason, PrescriptionTestKit.Doctor), (charge.VoidReason, charge.VoidedBy));
        }
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Signing_issues_unique_well_formed_national_codes_and_locks_the_prescriptions(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var visit = await VisitAsync(app, primary: "C34.9", secondary: "I10;E11.9");
        Assert.True((await AddAsync(app, visit, "TH0001", days: 10)).Ok);
        Assert.True((await AddAsync(app, visit, "TH0057", days: 30)).Ok);
        Assert.True((await AddAsync(app, visit, "TH0052", times: 1, days: 30)).Ok);

        PrescriptionSigning signing;
        await using (var db = app.Database.NewContext())
        {
            signing = await WithAsync<IPrescriptionFinalizer, PrescriptionSigning>(app, f => f.SignDraftsAsync(db, visit.VisitId));
            Assert.True(signing.Ok, string.Join("; ", signing.Errors));
            await db.SaveChangesAsync();
        }
        var signed = await PrescriptionsAsync(app, visit);
        Assert.Equal(3, signed.Count);
        Assert.All(signed, p =>
        {
            Assert.Equal(PrescriptionStatus.Signed, p.Status);
            Assert.Matches(NationalPrescriptionCode.Pattern(), p.NationalCode!);
            Assert.StartsWith("37001", p.NationalCode);
            Assert.Equal("C34.9;I10;E11.9", p.DiagnosisCodes);
            Assert.Equal(VisitTestKitToday(), p.StartDate);
            Assert.NotNull(p.SignedAt);
        });
        Assert.Equal(3, signed.Select(p => p.NationalCode).Distinct().Count());
        Assert.EndsWith("-N", signed.Single(p => p.Form == PrescriptionForm.Narcotic).NationalCode);
        Assert.EndsWith("-H", signed.Single(p => p.Form == PrescriptionForm.Psychotropic).NationalCode);
        Assert.EndsWith("-C", signed.Single(p => p.Form == PrescriptionForm.Ordinary).NationalCode);
        // Cancer pain: 30 days in rounds of 10; the prescription records the first round.
        Assert.Equal(VisitTestKitToday().AddDays(9), signed.Single(p => p.Form == PrescriptionForm.Narcotic).EndDate);

        // Signed prescriptions do not change: a new line of the same form is refused.
        Assert.Contains("đã ký", Assert.Single((await AddAsync(app, visit, "TH0004")).Errors));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Signing_rechecks_the_rules_against_the_final_diagnoses(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var visit = await VisitAsync(app, primary: "I10");
        Assert.True((await AddAsync(app, visit, "TH0019", times: 1, days: 60)).Ok);
        await using (var db = app.Database.NewContext())
        {
            // The doctor replaced the chronic diagnosis before concluding: 60 days is no longer allowed.
            var exam = await db.Set<ExamRecord>().SingleAsync(e => e.VisitId == visit.VisitId);
            exam.PrimaryDiagnosisCode = "J06.9";
            await db.SaveChangesAsync();
        }
        await using (var db = app.Database.NewContext())
        {
            var signing = await WithAsync<IPrescriptionFinalizer, PrescriptionSigning>(app, f => f.SignDraftsAsync(db, visit.VisitId));
            Assert.False(signing.Ok);
            Assert.Contains("kê 60 ngày vượt giới hạn", Assert.Single(signing.Errors));
            Assert.Empty(signing.Signed);
            Assert.DoesNotContain(db.ChangeTracker.Entries(), e => e.State != Microsoft.EntityFrameworkCore.EntityState.Unchanged);
        }
        Assert.All(await PrescriptionsAsync(app, visit), p => Assert.Equal((PrescriptionStatus.Draft, (string?)null), (p.Status, p.NationalCode)));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_correction_cancels_the_signed_prescription_and_opens_a_replacing_draft_after_the_conclusion(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var visit = await VisitAsync(app);
        Assert.True((await AddAsync(app, visit, "TH0001")).Ok);
        await using (var db = app.Database.NewContext())
        {
            Assert.True((await WithAsync<IPrescriptionFinalizer, PrescriptionSigning>(app, f => f.SignDraftsAsync(db, visit.VisitId))).Ok);
            var exam = await db.Set<ExamRecord>().SingleAsync(e => e.VisitId == visit.VisitId);
            exam.Status = ExamStatus.Concluded;
            await db.SaveChangesAsync();
        }
        // Concluded: no new prescription line outside a correction.
        Assert.Contains("đã kết thúc và khóa", Assert.Single((await AddAsync(app, visit, "TH0004")).Errors));

        var original = Assert.Single(await PrescriptionsAsync(app, visit));
        Assert.Equal("Nhập lý do hủy đơn thuốc đã ký.",
            (await WithAsync<PrescriptionCorrection, PrescriptionCorrection.Result>(app, c => c.CorrectAsync(original.Id, " ", Doctor))).Error);
        var corrected = await WithAsync<PrescriptionCorrection, PrescriptionCorrection.Result>(app, c => c.CorrectAsync(original.Id, "Sai liều", Doctor));
        Assert.Null(corrected.Error);

        var all = await PrescriptionsAsync(app, visit);
        var old = all.Single(p => p.Id == original.Id);
        var draft = all.Single(p => p.Id == corrected.DraftId);
        Assert.Equal((PrescriptionStatus.Cancelled, "Sai liều"), (old.Status, old.VoidReason));
        Assert.Equal((PrescriptionStatus.Draft, (int?)original.Id), (draft.Status, draft.ReplacesPrescriptionId));
        Assert.Equal("TH0001", Assert.Single(draft.Lines).DrugCode);

        // The replacing draft may be edited although the exam is locked, then signed again with a new code.
        var change = await WithAsync<PrescriptionWriting, PrescriptionWriteResult>(app,
            w => w.ChangeLineAsync(visit.VisitId, draft.Lines[0].Id, new PrescriptionLineInput(0, 1, 3, 5), null, Doctor));
        Assert.True(change.Ok, string.Join("; ", change.Errors));
        await using (var db = app.Database.NewContext())
        {
            var signing = await WithAsync<IPrescriptionFinalizer, PrescriptionSigning>(app, f => f.SignDraftsAsync(db, visit.VisitId));
            Assert.True(signing.Ok, string.Join("; ", signing.Errors));
            await db.SaveChangesAsync();
            Assert.NotEqual(old.NationalCode, Assert.Single(signing.Signed).NationalCode);
            var charges = await db.Set<Charge>().AsNoTracking().Where(c => c.VisitId == visit.VisitId && c.ItemKind == ChargeItemKind.Drug).ToListAsync();
            Assert.Equal(1, charges.Count(c => c.VoidedAt is null));
            Assert.Equal(15m, charges.Single(c => c.VoidedAt is null).Quantity);
        }
    }

    private static DateOnly VisitTestKitToday() => Visits.VisitTestKit.Today;
}
