using Hospital.Domain.Audit;
using Hospital.Domain.Catalog;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Insurance;
using Hospital.Domain.Outbox;
using Hospital.Domain.Patients;
using Microsoft.Extensions.Options;

namespace Hospital.Domain.Visits;

/// <summary>
/// Registers an outpatient visit (lượt khám ngoại trú): the visit with its codes, the queue
/// ticket, the exam fee, and for BHYT the benefit snapshot plus the portal messages, all in one
/// transaction or not at all. Used by the reception page, the API (kiosks, booking systems) and
/// the benchmark.
/// </summary>
/// <remarks>
/// Every read and check runs before the transaction; inside it only numbers are taken and rows
/// written, because the transaction holds the room's queue-counter row (PostgreSQL row lock,
/// SQLite's single write lock) and, at save, the audit chain's global lock: at 2,000–5,000
/// registrations a morning every millisecond held there is a millisecond another clerk waits.
/// The counter is taken before the save so locks are always acquired in the same order
/// (counter, then audit), which cannot deadlock.
/// </remarks>
public sealed partial class VisitRegistration(
    HospitalDbContext db,
    IBhytBenefitRules benefitRules,
    IAuditUser user,
    TimeProvider clock,
    IOptions<VisitNumberingOptions> numbering)
{
    public async Task<VisitRegistrationResult> RegisterAsync(VisitRequest request, CancellationToken ct = default)
    {
        var day = VietnamCalendar.Today(clock);
        var errors = await CheckRequestAsync(request, day, ct);
        if (errors.Count > 0) return VisitRegistrationResult.Fail(VisitRegistrationFailure.Invalid, errors);

        var (patient, patientRefusal) = await FindPatientAsync(request.PatientId, ct);
        if (patientRefusal is not null) return patientRefusal;
        var (room, roomRefusal) = await FindRoomAsync(request, day, ct);
        if (roomRefusal is not null) return roomRefusal;
        var facility = await db.Set<FacilitySettings>().AsNoTracking().OrderBy(f => f.Id).FirstOrDefaultAsync(ct);
        if (facility is null || facility.FacilityCode.Length == 0)
            return VisitRegistrationResult.Fail(VisitRegistrationFailure.Invalid, VisitFields.Whole,
                "Chưa khai báo mã cơ sở KCB (Quản trị → Thông tin cơ sở), chưa cấp được mã liên kết MA_LK.");

        var referral = await NormalizeReferralAsync(request.Referral, ct);
        var visit = new Visit
        {
            PatientId = patient!.Id,
            Kind = request.Kind,
            Status = VisitStatus.Waiting,
            RegisteredBy = user.UserName,
            VisitDate = day,
            Reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim(),
            Emergency = request.Emergency,
            Priority = PrioritySuggestion.Decide(request.Priority,
                PrioritySuggestion.Suggest(patient.DateOfBirth, patient.BirthYear, day, request.Emergency), request.Emergency),
            DepartmentId = room!.DepartmentId,
            RoomId = room.Id,
            CardCheck = CardCheckState.NotApplicable,
            ReferralFromFacilityCode = referral?.FromFacilityCode,
            ReferralNumber = referral?.Number,
            ReferralDiagnosisCode = referral?.DiagnosisCode,
            ReferralDiagnosisText = referral?.DiagnosisText,
            ReferralDate = referral?.Date,
            HasAppointmentSlip = request.HasAppointmentSlip,
        };
        if (request.Kind == VisitKind.Bhyt && await SnapshotCardAsync(visit, facility, request, day, ct) is { } cardRefusal)
            return cardRefusal;

        return await SaveAsync(visit, patient, room, facility, ct);
    }

    /// <summary>
    /// Copies the card valid on the day onto the visit with its benefit (MA_DOITUONG_KCB, MUC_HUONG);
    /// the portal check comes later through the outbox, so the card starts "Unchecked".
    /// </summary>
    private async Task<VisitRegistrationResult?> SnapshotCardAsync(Visit visit, FacilitySettings facility, VisitRequest request, DateOnly day, CancellationToken ct)
    {
        var cards = await db.Set<BhytCard>().AsNoTracking().Where(c => c.PatientId == visit.PatientId && c.VoidedAt == null).ToListAsync(ct);
        if (WhyNoBhyt(cards, day) is { } why) return VisitRegistrationResult.Fail(VisitRegistrationFailure.Invalid, VisitFields.Kind, why);
        var card = CardFor(cards, day)!;
        if (BhytCardCode.TryParse(card.Number, out var error) is not { } code)
            return VisitRegistrationResult.Fail(VisitRegistrationFailure.Invalid, VisitFields.Kind, $"Mã thẻ BHYT trong hồ sơ không hợp lệ: {error}");
        var decision = await benefitRules.DecideAsync(
            Situation(facility, code, card, day, visit.Emergency, visit.ReferralNumber is not null, visit.HasAppointmentSlip), ct);
        visit.BhytCardId = card.Id;
        visit.CardNumber = card.Number;
        visit.CardValidFrom = card.ValidFrom;
        visit.CardValidTo = card.ValidTo;
        visit.CardRegisteredFacilityCode = card.RegisteredFacilityCode;
        visit.CardPresentation = request.CardPresentation == CardPresentation.None ? CardPresentation.BhytCard : request.CardPresentation;
        visit.BenefitCategoryCode = decision.CategoryCode;
        visit.PayableSharePercent = decision.PayableSharePercent;
        visit.CardCheck = CardCheckState.Unchecked;
        return null;
    }

    private async Task<VisitRegistrationResult> SaveAsync(Visit visit, PatientFacts patient, RoomFacts room, FacilitySettings facility, CancellationToken ct)
    {
        var options = numbering.Value;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            var added = new List<object>();
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(token);
                var now = clock.GetUtcNow().UtcDateTime;
                // The room's counter first: from here to commit this transaction is the room's only
                // writer, so the open-visit check below cannot race with a second click or clerk.
                var number = await QueueNumbers.NextAsync(db, room.Id, visit.VisitDate, token);
                if (await FindOpenVisitAsync(patient.Id, room.Id, visit.VisitDate, token) is { } open)
                {
                    await tx.RollbackAsync(token);
                    return VisitRegistrationResult.Fail(VisitRegistrationFailure.Conflict, VisitFields.Room,
                        $"Người bệnh {patient.Code} đã có lượt khám {open.Code} (số {open.TicketNumber}) chưa kết thúc tại phòng {room.Code} hôm nay.",
                        open.Id);
                }
                visit.Code = IdentifierSequences.Format(options.VisitCodeFormat,
                    await IdentifierSequences.NextAsync(db, IdentifierSequences.VisitCode, token), visit.VisitDate, facility.FacilityCode);
                visit.MaLk = IdentifierSequences.Format(options.MaLkFormat,
                    await IdentifierSequences.NextAsync(db, IdentifierSequences.MaLk, token), visit.VisitDate, facility.FacilityCode);
                visit.RegisteredAt = now;
                var ticket = new QueueTicket
                {
                    Visit = visit,
                    RoomId = room.Id,
                    ServiceDate = visit.VisitDate,
                    Number = number,
                    Priority = visit.Priority,
                    PriorityRank = QueuePriority.RankOf(visit.Priority),
                    Status = TicketStatus.Waiting,
                    IssuedAt = now,
                };
                var fee = ExamFee.For(visit, room.ExamService, room.DepartmentId, visit.RegisteredBy, now);
                added.AddRange([visit, ticket, fee]);
                db.AddRange(visit, ticket, fee);
                // The portal messages name the visit by MA_LK, so they go in the same save.
                if (visit.Kind == VisitKind.Bhyt)
                    added.Add(OutboxWriter.Enqueue(db, clock, BhxhOutboxTypes.CardCheck, new VisitOutboxPayload(visit.MaLk), visit.MaLk));
                CheckInTrigger.OnChargeAdded(db, visit, clock);
                await db.SaveChangesAsync(token);
                await tx.CommitAsync(token);
                return VisitRegistrationResult.Ok(new RegisteredVisit(visit.Id, visit.Code, visit.MaLk, number, room.Id, room.Code,
                    visit.Priority, visit.BenefitCategoryCode, visit.PayableSharePercent, fee.Amount));
            }
            catch
            {
                // Rolled back: forget the rows so a retry (or the caller's next save) does not insert them again.
                foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added || added.Contains(e.Entity)).ToList())
                    entry.State = EntityState.Detached;
                visit.Id = 0;
                throw;
            }
        }, ct);
    }

    /// <summary>
    /// The benefit a BHYT visit would get if registered now (the page's preview): the same rules
    /// and card choice as <see cref="RegisterAsync"/>. Returns the decision or why BHYT is not possible.
    /// </summary>
    public sealed record BenefitPreviewResult(BenefitDecision? Decision, BhytCard? Card, string? Problem)
    {
        public void Deconstruct(out BenefitDecision? decision, out BhytCard? card, out string? problem) =>
            (decision, card, problem) = (Decision, Card, Problem);
    }

    public async Task<BenefitPreviewResult> PreviewBenefitAsync(
        int patientId, bool emergency, bool hasReferral, bool hasAppointmentSlip, CancellationToken ct = default)
    {
        var day = VietnamCalendar.Today(clock);
        var cards = await db.Set<BhytCard>().AsNoTracking().Where(c => c.PatientId == patientId && c.VoidedAt == null).ToListAsync(ct);
        if (WhyNoBhyt(cards, day) is { } why) return new(null, null, why);
        var card = CardFor(cards, day)!;
        if (BhytCardCode.TryParse(card.Number, out var error) is not { } code) return new(null, card, error);
        var facility = await db.Set<FacilitySettings>().AsNoTracking().OrderBy(f => f.Id).FirstOrDefaultAsync(ct);
        if (facility is null) return new(null, card, "Chưa khai báo thông tin cơ sở KCB.");
        var decision = await benefitRules.DecideAsync(Situation(facility, code, card, day, emergency, hasReferral, hasAppointmentSlip), ct);
        return new(decision, card, null);
    }
}
