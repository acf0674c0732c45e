using System.Text.Json;
using Hospital.Domain.Billing;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Insurance;
using Hospital.Domain.Outbox;
using Hospital.Domain.Visits;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Hospital.Tests.Visits.VisitTestKit;

namespace Hospital.Tests.Visits;

/// <summary>Registration through the service on each provider: what is stored for each kind, and what is refused with nothing stored.</summary>
public sealed class VisitRegistrationTests
{
    private static string NewCard(string prefix = "DN437") => prefix + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999);

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Each_kind_stores_visit_ticket_exam_fee_and_the_right_portal_messages(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var room = await RoomAsync(app);
        var card = NewCard();
        var insured = await PatientAsync(app, cardNumber: card);
        var payer = await PatientAsync(app);
        var child = await PatientAsync(app, age: 3);

        var bhyt = await RegisterAsync(app, new VisitRequest { PatientId = insured.Id, Kind = VisitKind.Bhyt, RoomId = room.Id, Reason = "Đau đầu" });
        var fee = await RegisterAsync(app, new VisitRequest { PatientId = payer.Id, Kind = VisitKind.Fee, RoomCode = room.Code });
        var free = await RegisterAsync(app, new VisitRequest { PatientId = child.Id, Kind = VisitKind.Free, RoomCode = room.Code });
        Assert.True(bhyt.Succeeded, string.Join("; ", bhyt.Errors.Values));
        Assert.True(fee.Succeeded, string.Join("; ", fee.Errors.Values));
        Assert.True(free.Succeeded, string.Join("; ", free.Errors.Values));
        Assert.Equal([1, 2, 3], new[] { bhyt.Visit!.TicketNumber, fee.Visit!.TicketNumber, free.Visit!.TicketNumber });

        await using var db = app.Database.NewContext();
        var v = await db.Set<Visit>().SingleAsync(x => x.Id == bhyt.Visit.Id);
        Assert.Equal(VisitStatus.Waiting, v.Status);
        Assert.Equal(Today, v.VisitDate);
        Assert.Equal(card, v.CardNumber);
        Assert.Equal("37001", v.CardRegisteredFacilityCode);
        // Card registered here, benefit level 4 → own primary facility, 80% (QĐ 3276 code 1.1).
        Assert.Equal("1.1", v.BenefitCategoryCode);
        Assert.Equal(80m, v.PayableSharePercent);
        Assert.Equal(CardCheckState.Unchecked, v.CardCheck);
        Assert.Equal(CardPresentation.BhytCard, v.CardPresentation);
        Assert.NotNull(v.CheckInQueuedAt);
        Assert.StartsWith("37001" + (Today.Year % 100).ToString("D2"), v.MaLk);
        Assert.Equal(15, v.MaLk.Length);
        Assert.Equal(12, v.Code.Length);
        Assert.StartsWith(Today.ToString("yyMMdd"), v.Code);

        var ticket = await db.Set<QueueTicket>().SingleAsync(t => t.VisitId == v.Id);
        Assert.Equal((room.Id, Today, 1, TicketStatus.Waiting, 2), (ticket.RoomId, ticket.ServiceDate, ticket.Number, ticket.Status, ticket.PriorityRank));

        // Exam fee "Khám Nội": BHYT price 39,000 for the BHYT visit, the hospital price for the others.
        var charges = await db.Set<Charge>().Where(c => c.ItemCode == "02.1896.1888").ToDictionaryAsync(c => c.VisitId);
        Assert.Equal((39_000m, (decimal?)39_000m), (charges[v.Id].UnitPrice, charges[v.Id].BhytUnitPrice));
        Assert.Equal((39_000m, (decimal?)null), (charges[fee.Visit.Id].UnitPrice, charges[fee.Visit.Id].BhytUnitPrice));
        Assert.Equal((39_000m, (decimal?)null), (charges[free.Visit.Id].UnitPrice, charges[free.Visit.Id].BhytUnitPrice));
        Assert.All(charges.Values, c => Assert.Equal((1m, room.DepartmentId, (DateTime?)null), (c.Quantity, c.DepartmentId, c.PerformedAt)));

        // The BHYT visit queues a card check and the XML0 check-in, with MA_LK as reference; the others queue nothing.
        var messages = await db.Set<OutboxMessage>().OrderBy(m => m.Id).ToListAsync();
        Assert.Equal([BhxhOutboxTypes.CardCheck, BhxhOutboxTypes.CheckIn], messages.Select(m => m.Type));
        Assert.All(messages, m => Assert.Equal(v.MaLk, m.Reference));
        Assert.All(messages, m => Assert.Equal(v.MaLk, JsonSerializer.Deserialize<VisitOutboxPayload>(m.Payload, JsonSerializerOptions.Web)!.MaLk));

        var paid = await db.Set<Visit>().SingleAsync(x => x.Id == fee.Visit.Id);
        Assert.Equal((CardCheckState.NotApplicable, (string?)null, (DateTime?)null), (paid.CardCheck, paid.CardNumber, paid.CheckInQueuedAt));
        Assert.Equal(PriorityGroup.ChildUnder6, (await db.Set<Visit>().SingleAsync(x => x.Id == free.Visit.Id)).Priority);
        Assert.Equal(3, await db.Set<Visit>().Select(x => x.MaLk).Distinct().CountAsync());
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Emergency_bhyt_visit_queues_the_card_check_but_no_check_in_and_goes_first(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var room = await RoomAsync(app);
        var patient = await PatientAsync(app, age: 80, cardNumber: NewCard("HT337"), cardFacility: "01001");

        var result = await RegisterAsync(app, new VisitRequest { PatientId = patient.Id, Kind = VisitKind.Bhyt, RoomId = room.Id, Emergency = true });

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        Assert.Equal(("2", (decimal?)95m, PriorityGroup.Emergency), (result.Visit!.BenefitCategoryCode, result.Visit.PayableSharePercent, result.Visit.Priority));
        await using var db = app.Database.NewContext();
        Assert.Equal([BhxhOutboxTypes.CardCheck], await db.Set<OutboxMessage>().Select(m => m.Type).ToListAsync());
        Assert.Null((await db.Set<Visit>().SingleAsync()).CheckInQueuedAt);
        Assert.Equal(0, (await db.Set<QueueTicket>().SingleAsync()).PriorityRank);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Refusals_say_why_in_vietnamese_and_store_nothing(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var room = await RoomAsync(app);
        var closedRoom = await RoomAsync(app, active: false);
        var roomWithoutFee = await RoomAsync(app, examServiceCode: null);
        var expired = await PatientAsync(app, cardNumber: "DN4370000011111", cardFrom: Today.AddYears(-1), cardTo: Today.AddDays(-1));
        var uninsured = await PatientAsync(app);
        var voided = await PatientAsync(app);
        var merged = await PatientAsync(app);
        await using (var db = app.Database.NewContext())
        {
            await db.Set<Hospital.Domain.Patients.Patient>().Where(p => p.Id == voided.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.VoidedAt, DateTime.UtcNow).SetProperty(p => p.VoidReason, "Tạo nhầm"));
            await db.Set<Hospital.Domain.Patients.Patient>().Where(p => p.Id == merged.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.MergedIntoId, uninsured.Id));
        }
        var before = await CountAsync(app);

        async Task Refused(VisitRequest request, VisitRegistrationFailure failure, string field, string text)
        {
            var r = await RegisterAsync(app, request);
            Assert.False(r.Succeeded);
            Assert.Equal(failure, r.Failure);
            Assert.True(r.Errors.TryGetValue(field, out var message), $"no error for {field}: {string.Join("; ", r.Errors)}");
            Assert.Contains(text, message);
        }

        var yesterday = Today.AddDays(-1).ToString("dd/MM/yyyy");
        await Refused(new() { PatientId = expired.Id, Kind = VisitKind.Bhyt, RoomId = room.Id },
            VisitRegistrationFailure.Invalid, VisitFields.Kind, $"Thẻ BHYT DN4370000011111 đã hết hạn ngày {yesterday}");
        await Refused(new() { PatientId = uninsured.Id, Kind = VisitKind.Bhyt, RoomId = room.Id },
            VisitRegistrationFailure.Invalid, VisitFields.Kind, "chưa có thẻ BHYT");
        await Refused(new() { PatientId = uninsured.Id, Kind = VisitKind.Fee, RoomId = closedRoom.Id },
            VisitRegistrationFailure.Invalid, VisitFields.Room, "đang ngừng hoạt động");
        await Refused(new() { PatientId = uninsured.Id, Kind = VisitKind.Fee, RoomId = roomWithoutFee.Id },
            VisitRegistrationFailure.Invalid, VisitFields.Room, "chưa được gán dịch vụ khám");
        await Refused(new() { PatientId = uninsured.Id, Kind = VisitKind.Fee, RoomCode = "KHONGCO" },
            VisitRegistrationFailure.NotFound, VisitFields.Room, "Không tìm thấy phòng khám KHONGCO");
        await Refused(new() { PatientId = uninsured.Id, Kind = VisitKind.Fee, RoomCode = "XN-LM" },
            VisitRegistrationFailure.Invalid, VisitFields.Room, "không phải phòng khám");
        await Refused(new() { PatientId = voided.Id, Kind = VisitKind.Fee, RoomId = room.Id },
            VisitRegistrationFailure.Invalid, VisitFields.PatientId, "đã bị hủy");
        await Refused(new() { PatientId = merged.Id, Kind = VisitKind.Fee, RoomId = room.Id },
            VisitRegistrationFailure.Invalid, VisitFields.PatientId, $"đã được gộp vào hồ sơ {uninsured.Code}");
        await Refused(new() { PatientId = 987654, Kind = VisitKind.Fee, RoomId = room.Id },
            VisitRegistrationFailure.NotFound, VisitFields.PatientId, "Không tìm thấy hồ sơ người bệnh");
        await Refused(new()
            {
                PatientId = uninsured.Id, Kind = VisitKind.Fee, RoomId = room.Id,
                Referral = new ReferralPaper("37002", "CV-15", "Z99.99", null, Today),
            },
            VisitRegistrationFailure.Invalid, VisitFields.ReferralDiagnosisCode, "Mã bệnh Z99.99 không có trong danh mục ICD-10");
        await Refused(new()
            {
                PatientId = uninsured.Id, Kind = VisitKind.Fee, RoomId = room.Id,
                Referral = new ReferralPaper("37002", "CV-15", "I10", null, Today.AddDays(1)),
            },
            VisitRegistrationFailure.Invalid, VisitFields.ReferralDate, "không được sau ngày hôm nay");
        await Refused(new()
            {
                PatientId = uninsured.Id, Kind = VisitKind.Fee, RoomId = room.Id,
                Referral = new ReferralPaper("372", "CV-15", "I10", null, Today),
            },
            VisitRegistrationFailure.Invalid, VisitFields.ReferralFromFacilityCode, "đúng 5 ký tự");

        Assert.Equal(before, await CountAsync(app));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task One_open_visit_per_patient_room_and_day_names_the_existing_ticket(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var room = await RoomAsync(app);
        var other = await RoomAsync(app, "03.1898.1888");
        var patient = await PatientAsync(app);
        var first = await RegisterAsync(app, new VisitRequest { PatientId = patient.Id, Kind = VisitKind.Fee, RoomId = room.Id });
        Assert.True(first.Succeeded);
        var before = await CountAsync(app);

        var again = await RegisterAsync(app, new VisitRequest { PatientId = patient.Id, Kind = VisitKind.Fee, RoomCode = room.Code });

        Assert.Equal(VisitRegistrationFailure.Conflict, again.Failure);
        Assert.Equal(first.Visit!.Id, again.ExistingVisitId);
        Assert.Contains($"đã có lượt khám {first.Visit.VisitCode} (số 1) chưa kết thúc tại phòng {room.Code}", again.Errors[VisitFields.Room]);
        // The counter increment of the refused attempt was rolled back too: the next patient gets number 2.
        Assert.Equal(before, await CountAsync(app));

        // Another room the same day is fine (a second specialty), and so is the same room once the first visit is cancelled.
        Assert.True((await RegisterAsync(app, new VisitRequest { PatientId = patient.Id, Kind = VisitKind.Fee, RoomId = other.Id })).Succeeded);
        Assert.True((await CancelAsync(app, first.Visit.Id, "Đăng ký nhầm phòng")).Cancelled);
        var third = await RegisterAsync(app, new VisitRequest { PatientId = patient.Id, Kind = VisitKind.Fee, RoomId = room.Id });
        Assert.True(third.Succeeded, string.Join("; ", third.Errors.Values));
        Assert.Equal(2, third.Visit!.TicketNumber);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Referral_paper_is_stored_and_gives_the_referral_benefit(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var room = await RoomAsync(app);
        var patient = await PatientAsync(app, cardNumber: NewCard(), cardFacility: "37123");

        var result = await RegisterAsync(app, new VisitRequest
        {
            PatientId = patient.Id, Kind = VisitKind.Bhyt, RoomId = room.Id, CardPresentation = CardPresentation.ChipCccd,
            Referral = new ReferralPaper("37123", " 125/GCT ", "i10", "", Today.AddDays(-2)),
        });

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        Assert.Equal("1.3", result.Visit!.BenefitCategoryCode);
        await using var db = app.Database.NewContext();
        var v = await db.Set<Visit>().SingleAsync();
        Assert.Equal(("37123", "125/GCT", "I10", "Bệnh lý tăng huyết áp", (DateOnly?)Today.AddDays(-2), CardPresentation.ChipCccd),
            (v.ReferralFromFacilityCode, v.ReferralNumber, v.ReferralDiagnosisCode, v.ReferralDiagnosisText, v.ReferralDate, v.CardPresentation));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Bhyt_visit_to_a_service_outside_bhyt_charges_the_hospital_price(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var room = await RoomAsync(app, "02.9001.0001"); // Khám sức khỏe định kỳ: no BHYT price
        var patient = await PatientAsync(app, cardNumber: NewCard());

        var result = await RegisterAsync(app, new VisitRequest { PatientId = patient.Id, Kind = VisitKind.Bhyt, RoomId = room.Id });

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        await using var db = app.Database.NewContext();
        var fee = await db.Set<Charge>().SingleAsync();
        Assert.Equal((160_000m, (decimal?)null), (fee.UnitPrice, fee.BhytUnitPrice));
        Assert.Equal(160_000m, result.Visit!.ExamFee);
    }
}
