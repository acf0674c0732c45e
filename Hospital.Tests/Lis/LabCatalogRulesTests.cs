using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Domain.Patients;
using Hospital.Lis.Catalog;
using Hospital.Lis.Specimens;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Lis;

/// <summary>Which reference range applies (sex, age band), H/L/critical flags, and how tests are split into tubes.</summary>
public sealed class LabCatalogRulesTests
{
    private static readonly LabReferenceRange[] Haemoglobin =
    [
        new() { Id = 1, Sex = Sex.Male, AgeFromDays = 12 * 365, Low = 130, High = 170, CriticalLow = 70 },
        new() { Id = 2, Sex = Sex.Female, AgeFromDays = 12 * 365, Low = 120, High = 150, CriticalLow = 70 },
        new() { Id = 3, AgeFromDays = 183, AgeToDays = 6 * 365, Low = 110, High = 140 },
        new() { Id = 4, AgeFromDays = 0, Low = 100, High = 200 },
    ];

    public static TheoryData<Sex, int, int> RangeCases => new()
    {
        { Sex.Male, 40 * 365, 1 },       // adult man: his sex's band
        { Sex.Female, 40 * 365, 2 },     // adult woman: hers
        { Sex.Female, 3 * 365, 3 },      // a child: the narrower paediatric band beats "all ages"
        { Sex.Male, 6 * 365, 4 },        // the paediatric band's upper bound is exclusive
        { Sex.Unknown, 40 * 365, 4 },    // unknown sex: only a both-sexes band applies
        { Sex.Male, 30, 4 },             // a newborn: no band of its own, the all-ages one
    };

    [Theory, MemberData(nameof(RangeCases))]
    public void The_range_for_the_patients_sex_and_age_applies(Sex sex, int ageDays, int expectedId) =>
        Assert.Equal(expectedId, ReferenceRangeSelection.For(Haemoglobin, sex, ageDays)!.Id);

    [Fact]
    public void No_band_holds_the_age_no_range() =>
        Assert.Null(ReferenceRangeSelection.For(Haemoglobin.Take(3), Sex.Male, 30));

    [Fact]
    public void Age_in_days_from_the_birth_date_or_the_middle_of_the_birth_year()
    {
        var day = new DateOnly(2026, 11, 22);
        Assert.Equal(366, ReferenceRangeSelection.AgeDays(new DateOnly(2025, 11, 21), 2025, day));
        Assert.Equal(day.DayNumber - new DateOnly(1980, 7, 1).DayNumber, ReferenceRangeSelection.AgeDays(null, 1980, day));
    }

    public static TheoryData<decimal, ResultFlag> FlagCases => new()
    {
        { 69, ResultFlag.CriticalLow }, { 70, ResultFlag.CriticalLow }, { 129.9m, ResultFlag.Low }, { 130, ResultFlag.None },
        { 170, ResultFlag.None }, { 171, ResultFlag.High }, { 250, ResultFlag.CriticalHigh },
    };

    [Theory, MemberData(nameof(FlagCases))]
    public void Values_are_flagged_against_the_range_critical_first(decimal value, ResultFlag flag) =>
        Assert.Equal(flag, ResultFlagging.Flag(new LabReferenceRange { Low = 130, High = 170, CriticalLow = 70, CriticalHigh = 250 }, value));

    [Fact]
    public void Ranges_print_as_on_a_report()
    {
        Assert.Equal("4 - 10", ResultFlagging.RangeText(new LabReferenceRange { Low = 4.000m, High = 10 }));
        Assert.Equal("≥ 0.9", ResultFlagging.RangeText(new LabReferenceRange { Low = 0.9m }));
        Assert.Equal("≤ 3.4", ResultFlagging.RangeText(new LabReferenceRange { High = 3.4m }));
        Assert.Equal("Âm tính", ResultFlagging.RangeText(new LabReferenceRange { NormalText = "Âm tính" }));
        Assert.Null(ResultFlagging.RangeText(null));
    }

    [Fact]
    public void Tests_share_a_tube_by_specimen_type_and_a_test_asked_twice_is_drawn_once()
    {
        LabTest T(string code, SpecimenType type) => new() { Code = code, SpecimenType = type };
        var plan = SpecimenGrouping.Group([
            new(T("SH-GLU", SpecimenType.Serum), 1), new(T("HH-WBC", SpecimenType.WholeBloodEdta), 2),
            new(T("SH-CREA", SpecimenType.Serum), 3), new(T("SH-HBA1C", SpecimenType.WholeBloodEdta), 4),
            new(T("SH-GLU", SpecimenType.Serum), 5),
        ]);
        Assert.Equal([SpecimenType.WholeBloodEdta, SpecimenType.Serum], plan.Select(p => p.SpecimenType));
        Assert.Equal(["HH-WBC", "SH-HBA1C"], plan[0].Tests.Select(t => t.Test.Code));
        Assert.Equal([(1L, "SH-GLU"), (3L, "SH-CREA")], plan[1].Tests.Select(t => (t.ServiceOrderId!.Value, t.Test.Code)));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_demo_catalog_has_ranges_by_sex_and_age_and_panels_of_services(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        await using var db = app.Database.NewContext();
        var hgb = await db.Set<LabTest>().Include(t => t.Ranges).SingleAsync(t => t.Code == "HH-HGB");
        Assert.Equal((130m, 170m), Bounds(ReferenceRangeSelection.For(hgb.Ranges, Sex.Male, 40 * 365)));
        Assert.Equal((120m, 150m), Bounds(ReferenceRangeSelection.For(hgb.Ranges, Sex.Female, 40 * 365)));
        Assert.Equal((110m, 140m), Bounds(ReferenceRangeSelection.For(hgb.Ranges, Sex.Female, 2 * 365)));
        Assert.Equal(ResultFlag.CriticalLow, ResultFlagging.Flag(ReferenceRangeSelection.For(hgb.Ranges, Sex.Male, 40 * 365), 65));
        var sg = await db.Set<LabTest>().Include(t => t.Ranges).SingleAsync(t => t.Code == "NT-SG");
        Assert.Equal("1.015 - 1.025", ResultFlagging.RangeText(sg.Ranges.Single()));

        var bloodCount = await db.Set<LabServiceTest>().Where(x => x.Service!.Code == LabTestKit.BloodCount)
            .OrderBy(x => x.Position).Select(x => x.LabTest!.Code).ToListAsync();
        Assert.Equal(["HH-WBC", "HH-RBC", "HH-HGB", "HH-HCT", "HH-MCV"], bloodCount.Take(5));
        Assert.Equal(20, bloodCount.Count);
        Assert.Equal("HH-WBC", await db.Set<AnalyserTestCode>().Where(c => c.Analyser == "XN1" && c.AnalyserCode == "WBC")
            .Select(c => c.LabTest!.Code).SingleAsync());
        // Every lab service of the demo hospital can be turned into specimens.
        var labServices = await db.Set<Domain.Catalog.MedicalService>().Where(s => s.CostGroup == Domain.Catalog.BhytCostGroup.Lab).Select(s => s.Id).ToListAsync();
        var linked = await db.Set<LabServiceTest>().Select(x => x.ServiceId).Distinct().ToListAsync();
        Assert.Empty(labServices.Except(linked));
    }

    private static (decimal?, decimal?) Bounds(LabReferenceRange? r) => (r?.Low, r?.High);
}
