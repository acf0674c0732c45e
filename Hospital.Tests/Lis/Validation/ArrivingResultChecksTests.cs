using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Lis.Validation;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Hospital.Tests.Lis.LabTestKit;
using static Hospital.Tests.Lis.Validation.ValidationTestKit;

namespace Hospital.Tests.Lis.Validation;

/// <summary>Values arriving from analysers get the delta check and, where an admin turned it on, auto-verification and release.</summary>
public sealed class ArrivingResultChecksTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Normal_values_of_auto_verified_tests_are_released_and_the_rest_wait_for_the_technician(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        await SetRuleAsync(app, "SH-GLU", autoVerify: true, deltaLimit: 50);
        await SetRuleAsync(app, "HH-WBC", autoVerify: true);
        var (visitId, tubes) = await ReceivedSpecimensAsync(app, Glucose, BloodCount);
        var serum = tubes[SpecimenType.Serum];
        var edta = tubes[SpecimenType.WholeBloodEdta];

        await SendAsync(app, "BS1", Value(serum, "GLU", "5,2"));
        await SendAsync(app, "XN1", Value(edta, "WBC", "6.1"), Value(edta, "HGB", "140"), Value(edta, "PLT", "250", flags: "W"));

        var glucose = await CurrentAsync(app, serum, "SH-GLU");
        Assert.Equal((LabResultStatus.Validated, true, ArrivingResultChecks.AutoValidator), (glucose.Status, glucose.AutoVerified, glucose.ValidatedBy));
        Assert.NotNull(glucose.ReleasedAt);
        Assert.Null(glucose.PreviousValue);
        Assert.Equal(LabResultStatus.Validated, (await CurrentAsync(app, edta, "HH-WBC")).Status);
        // No rule for HGB; PLT carries an analyser flag: both wait.
        Assert.Equal(LabResultStatus.Pending, (await CurrentAsync(app, edta, "HH-HGB")).Status);

        // Released into the visit's record; glucose is a whole order (performed), the blood count is not complete yet.
        var emr = await EmrResultsAsync(app, visitId);
        Assert.Equal(["HH-WBC", "SH-GLU"], emr.Select(r => r.TestCode).Order());
        var released = emr.Single(r => r.TestCode == "SH-GLU");
        Assert.Equal(("5,2", "mmol/L", "3.9 - 6.4", ResultFlag.None, "BS1", ArrivingResultChecks.AutoValidator),
            (released.Value, released.Unit, released.ReferenceRange, released.Flag, released.Source, released.ReleasedBy));
        await using var db = app.Database.NewContext();
        var orders = await db.Set<ServiceOrder>().Where(o => o.VisitId == visitId).ToDictionaryAsync(o => o.ServiceCode, o => o.Status);
        Assert.Equal((OrderStatus.Performed, OrderStatus.InProgress), (orders[Glucose], orders[BloodCount]));
        Assert.Equal(LabTestStatus.Released, await db.Set<LabOrderTest>().Where(t => t.TestCode == "SH-GLU").Select(t => t.Status).SingleAsync());
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_big_change_from_the_patients_previous_value_is_held_and_a_small_one_passes(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        await SetRuleAsync(app, "SH-GLU", autoVerify: true, deltaLimit: 20);
        var (_, tubes) = await ReceivedSpecimensAsync(app, Glucose);
        var first = tubes[SpecimenType.Serum];
        await SendAsync(app, "BS1", Value(first, "GLU", "5.0"));
        var validated = await CurrentAsync(app, first, "SH-GLU");
        Assert.Equal(LabResultStatus.Validated, validated.Status);

        var patientId = await PatientOfAsync(app, first);
        var jump = await LabFormTubeAsync(app, patientId, "SH-GLU");
        await SendAsync(app, "BS1", Value(jump, "GLU", "6.3"));
        var held = await CurrentAsync(app, jump, "SH-GLU");
        Assert.Equal((5.0m, true, LabResultStatus.Pending, ResultFlag.None), (held.PreviousValue, held.DeltaBreached, held.Status, held.Flag));
        Assert.Equal(validated.ValidatedAt!.Value, held.PreviousAt!.Value, TimeSpan.FromSeconds(1));

        var steady = await LabFormTubeAsync(app, patientId, "SH-GLU");
        await SendAsync(app, "BS1", Value(steady, "GLU", "5.5"));
        var passed = await CurrentAsync(app, steady, "SH-GLU");
        Assert.Equal((5.0m, false, LabResultStatus.Validated, true), (passed.PreviousValue, passed.DeltaBreached, passed.Status, passed.AutoVerified));
        Assert.NotNull(passed.ReleasedAt);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Critical_high_or_wrong_unit_values_are_never_auto_verified(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        await SetRuleAsync(app, "SH-GLU", autoVerify: true);
        await SetRuleAsync(app, "SH-CREA", autoVerify: true);
        var (_, tubes) = await ReceivedSpecimensAsync(app, Glucose, Creatinine);
        var serum = tubes[SpecimenType.Serum];
        await SendAsync(app, "BS1", Value(serum, "GLU", "30"), Value(serum, "CREA", "0.9", unit: "mg/dL"));

        Assert.Equal((LabResultStatus.Pending, ResultFlag.CriticalHigh), ((await CurrentAsync(app, serum, "SH-GLU")).Status, (await CurrentAsync(app, serum, "SH-GLU")).Flag));
        Assert.Equal(LabResultStatus.Pending, (await CurrentAsync(app, serum, "SH-CREA")).Status);
        await using var db = app.Database.NewContext();
        Assert.Equal(0, await db.Set<ServiceResult>().CountAsync());
    }
}
