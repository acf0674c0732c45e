using AngleSharp.Html.Parser;
using Hospital.Domain.Billing;
using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Domain.Insurance;
using Hospital.Domain.Outbox;
using Hospital.Domain.Patients;
using Hospital.Domain.Visits;
using Hospital.Integration.Bhxh.Simulator;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Tests.Insurance;

/// <summary>
/// The app with its in-process portal simulator (demo mode, no Bhxh:BaseUrl) and the outbox
/// driven by hand (Outbox:Enabled=false in the test factory). The visit rows are written
/// directly, as the registration service would leave them.
/// </summary>
public sealed class PortalDownTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Portal_down_leaves_the_visit_unchecked_and_the_outbox_checks_it_when_the_portal_returns(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var simulator = app.Services.GetRequiredService<BhxhPortalSimulator>();
        Assert.True(simulator.IsRunning);
        var (visitId, cardId, messageId) = await RegisterBhytVisitAsync(app, BhxhOutboxTypes.CardCheck, "V-DOWN-1");
        await using (var db = app.Database.NewContext())
        {
            var visit = await db.Set<Visit>().Include(v => v.Patient).SingleAsync(v => v.Id == visitId);
            var card = await db.Set<BhytCard>().SingleAsync(c => c.Id == cardId);
            var today = Hospital.Domain.Common.VietnamCalendar.Today(TimeProvider.System);
            simulator.AddCard(new SimulatedCard
            {
                CardNumber = card.Number, FullName = visit.Patient!.FullName, BirthDate = visit.Patient.DateOfBirth, BirthYear = visit.Patient.BirthYear,
                RegisteredFacilityCode = card.RegisteredFacilityCode, ValidFrom = today.AddMonths(-6), ValidTo = today.AddMonths(6),
                FiveYearsContinuousFrom = new DateOnly(2027, 3, 1),
            });
        }

        await simulator.StopAsync();
        Assert.Equal(1, await RunOutboxAsync(app));
        await using (var db = app.Database.NewContext())
        {
            var visit = await db.Set<Visit>().AsNoTracking().SingleAsync(v => v.Id == visitId);
            Assert.Equal(CardCheckState.Unchecked, visit.CardCheck); // "thẻ chưa kiểm tra"
            var message = await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == messageId);
            Assert.Equal(OutboxState.Pending, message.State);
            Assert.Equal(1, message.Attempts);
            Assert.Contains("Không kết nối được Cổng BHXH", message.LastError);
            Assert.True(message.NextAttemptAt > DateTime.UtcNow); // backing off
            var attempt = await db.Set<BhytCardCheck>().AsNoTracking().SingleAsync(c => c.VisitId == visitId);
            Assert.Null(attempt.ResultCode); // the outage is on record
            await db.Set<OutboxMessage>().Where(m => m.Id == messageId).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, DateTime.UtcNow.AddSeconds(-1)));
        }

        await simulator.StartAsync();
        Assert.Equal(1, await RunOutboxAsync(app));
        await using (var db = app.Database.NewContext())
        {
            var message = await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == messageId);
            Assert.Equal(OutboxState.Sent, message.State);
            var visit = await db.Set<Visit>().AsNoTracking().SingleAsync(v => v.Id == visitId);
            Assert.Equal(CardCheckState.Valid, visit.CardCheck);
            Assert.Equal("Thẻ BHYT hợp lệ.", visit.CardCheckMessage);
            Assert.NotNull(visit.CardCheckedAt);
            var card = await db.Set<BhytCard>().AsNoTracking().SingleAsync(c => c.Id == cardId);
            Assert.Equal("000", card.LastCheckResult);
            Assert.Equal(new DateOnly(2027, 3, 1), card.FiveYearsContinuousFrom);
            var checks = await db.Set<BhytCardCheck>().AsNoTracking().Where(c => c.VisitId == visitId).OrderBy(c => c.Id).ToListAsync();
            Assert.Equal([null, "000"], checks.Select(c => c.ResultCode));
            Assert.Contains("\"maKetQua\":\"000\"", checks[1].RawResponse);
            Assert.NotEqual("", checks[1].RequestedBy);
        }
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task An_expired_card_is_rejected_with_the_portal_message(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var simulator = app.Services.GetRequiredService<BhxhPortalSimulator>();
        var (visitId, cardId, _) = await RegisterBhytVisitAsync(app, BhxhOutboxTypes.CardCheck, "V-EXP-1");
        await using (var db = app.Database.NewContext())
        {
            var visit = await db.Set<Visit>().Include(v => v.Patient).SingleAsync(v => v.Id == visitId);
            simulator.AddCard(new SimulatedCard
            {
                CardNumber = visit.CardNumber!, FullName = visit.Patient!.FullName, BirthDate = visit.Patient.DateOfBirth, BirthYear = visit.Patient.BirthYear,
                RegisteredFacilityCode = "37001", ValidFrom = new DateOnly(2020, 1, 1), ValidTo = new DateOnly(2020, 12, 31),
            });
        }
        Assert.Equal(1, await RunOutboxAsync(app));
        await using (var db = app.Database.NewContext())
        {
            var visit = await db.Set<Visit>().AsNoTracking().SingleAsync(v => v.Id == visitId);
            Assert.Equal(CardCheckState.Rejected, visit.CardCheck);
            Assert.Equal("Thẻ BHYT đã hết hạn sử dụng.", visit.CardCheckMessage);
            Assert.Equal("010", (await db.Set<BhytCard>().AsNoTracking().SingleAsync(c => c.Id == cardId)).LastCheckResult);
        }
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_check_in_is_built_from_the_first_charge_signed_sent_and_its_transaction_code_kept(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var simulator = app.Services.GetRequiredService<BhxhPortalSimulator>();
        var (visitId, _, messageId) = await RegisterBhytVisitAsync(app, BhxhOutboxTypes.CheckIn, "V-CI-1");
        await using (var db = app.Database.NewContext())
        {
            var at = DateTime.UtcNow;
            db.AddRange(
                Charge(visitId, "02.1896", "Khám Nội", at.AddMinutes(-5), voided: true),
                Charge(visitId, "02.1897", "Khám Ngoại", at.AddMinutes(-3)),
                Charge(visitId, "23.0020", "Tổng phân tích tế bào máu", at.AddMinutes(-1)));
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, await RunOutboxAsync(app));
        await using var check = app.Database.NewContext();
        var message = await check.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == messageId);
        Assert.True(message.State == OutboxState.Sent, message.LastError);
        var visit = await check.Set<Visit>().AsNoTracking().SingleAsync(v => v.Id == visitId);
        var received = Assert.Single(simulator.CheckIns, c => c.MaLk == visit.MaLk);
        Assert.Equal(received.TransactionCode, visit.CheckInTransactionCode);
        Assert.Contains("<MA_DICH_VU>02.1897</MA_DICH_VU>", received.Xml); // first non-voided charge
        Assert.Contains("<MA_DOITUONG_KCB>1.14</MA_DOITUONG_KCB>", received.Xml);
        Assert.Contains("<MA_CSKCB>37001</MA_CSKCB>", received.Xml);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_reception_card_check_fragment_shows_valid_expired_and_portal_down(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var simulator = app.Services.GetRequiredService<BhxhPortalSimulator>();
        simulator.AddCard(new SimulatedCard
        {
            CardNumber = "DN4370000000077", FullName = "Lý Thị Hạnh", BirthYear = 1966, RegisteredFacilityCode = "37001",
            ValidFrom = new DateOnly(2020, 1, 1), ValidTo = new DateOnly(2020, 12, 31),
        });
        using var session = app.NewSession();
        Assert.True(WebSession.IsRedirectTo(await session.SignInAsync("reception"), "/"));
        var (_, page) = await session.GetPageAsync("/reception");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.NotNull(token);

        async Task<AngleSharp.Dom.IElement> Check(string card, string name, string birth)
        {
            var response = await session.Client.PostAsync("/reception/card-check", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token!, ["cardNumber"] = card, ["fullName"] = name, ["birthDate"] = birth,
            }));
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
            var html = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            return html.QuerySelector("[data-card-check]")!;
        }

        var valid = await Check("dn4 37 0123456789", "Nguyễn Văn An", "17/05/1980");
        Assert.Equal(("valid", "000"), (valid.GetAttribute("data-card-check"), valid.GetAttribute("data-result-code")));
        Assert.Contains("Thẻ BHYT hợp lệ.", valid.TextContent);

        var expired = await Check("DN4370000000077", "Lý Thị Hạnh", "1966");
        Assert.Equal("rejected", expired.GetAttribute("data-card-check"));
        Assert.Contains("Thẻ BHYT đã hết hạn sử dụng.", expired.TextContent);

        var wrongName = await Check("DN4370000000077", "Trần Văn Tám", "1966");
        Assert.Contains("Họ tên không khớp", wrongName.TextContent);

        var malformed = await Check("DN43701", "Lý Thị Hạnh", "1966");
        Assert.Equal("invalid", malformed.GetAttribute("data-card-check"));
        Assert.Contains("Mã thẻ BHYT phải có đúng 15 ký tự", malformed.TextContent);

        await simulator.StopAsync();
        var down = await Check("DN4370000000077", "Lý Thị Hạnh", "1966");
        Assert.Equal("unavailable", down.GetAttribute("data-card-check"));
        Assert.Contains("Cổng BHXH không phản hồi — có thể đăng ký, thẻ sẽ được kiểm tra lại tự động.", down.TextContent);
    }

    private static async Task<int> RunOutboxAsync(HospitalAppFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().RunOnceAsync();
    }

    /// <summary>A BHYT visit at reception with card not yet checked, and its outbox message, as registration leaves them.</summary>
    private static async Task<(int VisitId, int CardId, long MessageId)> RegisterBhytVisitAsync(HospitalAppFactory app, string type, string code)
    {
        await using var db = app.Database.NewContext();
        var patient = await db.Set<Patient>().OrderBy(p => p.Id).FirstAsync();
        var room = await db.Set<Room>().Where(r => r.Kind == RoomKind.ExamRoom).OrderBy(r => r.Id).FirstAsync();
        var now = DateTime.UtcNow;
        var card = new BhytCard
        {
            PatientId = patient.Id, Number = "DN4370" + patient.Id.ToString("000000000"), SocialInsuranceNumber = "70" + patient.Id.ToString("00000000"),
            ValidFrom = new DateOnly(2026, 1, 1), ValidTo = new DateOnly(2026, 12, 31), RegisteredFacilityCode = "37002", CreatedAt = now,
        };
        db.Add(card);
        await db.SaveChangesAsync();
        var visit = new Visit
        {
            Code = code, MaLk = "LK" + code, PatientId = patient.Id, Kind = VisitKind.Bhyt, RegisteredAt = now, RegisteredBy = "reception",
            VisitDate = Hospital.Domain.Common.VietnamCalendar.DateOf(now), DepartmentId = room.DepartmentId, RoomId = room.Id,
            BhytCardId = card.Id, CardNumber = card.Number, CardValidFrom = card.ValidFrom, CardValidTo = card.ValidTo,
            CardRegisteredFacilityCode = card.RegisteredFacilityCode, CardPresentation = CardPresentation.BhytCard,
            BenefitCategoryCode = "1.14", PayableSharePercent = 0, CardCheck = CardCheckState.Unchecked,
        };
        db.Add(visit);
        await db.SaveChangesAsync();
        var message = OutboxWriter.Enqueue(db, TimeProvider.System, type, $$"""{"maLk":"{{visit.MaLk}}"}""", visit.MaLk);
        await db.SaveChangesAsync();
        return (visit.Id, card.Id, message.Id);
    }

    private static Charge Charge(int visitId, string code, string name, DateTime at, bool voided = false) => new()
    {
        VisitId = visitId, ItemKind = ChargeItemKind.Service, ItemCode = code, ItemName = name, Unit = "Lần",
        CostGroup = BhytCostGroup.Lab, Quantity = 1, UnitPrice = 50_000, OrderedBy = "doctor", OrderedAt = at,
        VoidedAt = voided ? at.AddMinutes(1) : null, VoidedBy = voided ? "doctor" : null, VoidReason = voided ? "Chỉ định nhầm" : null,
    };
}
