using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Lis.Qc;
using Hospital.Lis.Results;
using Hospital.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Hospital.Tests.Lis.Qc.QcTestKit;

namespace Hospital.Tests.Lis.Qc;

/// <summary>Arriving QC values are judged against their control's active target and its earlier values, before they are stored.</summary>
public sealed class WestgardQcCheckTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Arriving_values_are_judged_with_the_series_since_the_target_was_set(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var start = DateTime.UtcNow.AddDays(-10);
        // An old lot's target and values: switched off, and its values far off the new mean must not count.
        var old = await TargetAsync(app, "HH-WBC", 5m, 0.5m, start.AddDays(-20));
        await StoreAsync(app, Run(old.LabTestId, 9m, start.AddDays(-3)), Run(old.LabTestId, 9.2m, start.AddDays(-2)));
        await using (var db = app.Database.NewContext())
        {
            db.Attach(old).Entity.IsActive = false;
            await db.SaveChangesAsync();
        }
        var target = await TargetAsync(app, "HH-WBC", 7m, 0.2m, start);
        // Yesterday's run was beyond +2 SD (a 1-2s warning then).
        await StoreAsync(app, Run(target.LabTestId, 7.1m, start.AddDays(1)), Run(target.LabTestId, 7.45m, start.AddDays(2)));

        var second = Run(target.LabTestId, 7.5m, start.AddDays(3));           // +2.5 SD after +2.25 SD: 2-2s
        var third = Run(target.LabTestId, 6.9m, start.AddDays(3).AddHours(1)); // judged after the second, in the same upload
        var text = Run(target.LabTestId, null, start.AddDays(3));             // "----": nothing to judge
        var unknownControl = Run(target.LabTestId, 99m, start.AddDays(3), control: "QC-NEW");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var rules = scope.ServiceProvider.GetServices<IArrivingQcRule>().ToList();
            Assert.Contains(rules, r => r is WestgardQcCheck);
            var db = scope.ServiceProvider.GetRequiredService<HospitalDbContext>();
            foreach (var rule in rules) await rule.ApplyAsync(db, [third, text, second, unknownControl], default);
        }

        Assert.Equal(("1-2s;2-2s", true), (second.Violations, second.RunRejected));
        Assert.Equal((null, false), (third.Violations, third.RunRejected));
        Assert.Equal((null, false), (text.Violations, text.RunRejected));
        Assert.Equal((null, false), (unknownControl.Violations, unknownControl.RunRejected));
    }

    [Fact]
    public void A_run_is_judged_with_the_nine_runs_before_it()
    {
        var target = new QcTarget { Mean = 100, Sd = 10 };
        var earlier = new decimal[] { 101, 102, 103, 104, 105, 106, 107, 108, 109 };
        var run = new QcResult { NumericValue = 110 };
        WestgardQcCheck.Judge(target, earlier, [run]);
        Assert.Equal(("10x", true), (run.Violations, run.RunRejected));

        var low = new QcResult { NumericValue = 69 };
        WestgardQcCheck.Judge(target, [], [low]);
        Assert.Equal(("1-2s;1-3s", true), (low.Violations, low.RunRejected));
    }
}
