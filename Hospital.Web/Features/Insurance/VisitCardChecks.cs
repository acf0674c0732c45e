using Microsoft.EntityFrameworkCore;
using System.Globalization;
using Hospital.Domain.Data;
using Hospital.Domain.Insurance;
using Hospital.Domain.Outbox;
using Hospital.Domain.Patients;
using Hospital.Domain.Visits;
using Hospital.Integration.Bhxh;

namespace Hospital.Web.Features.Insurance;

/// <summary>
/// Checks the card of a registered BHYT visit against the portal and records the answer: a
/// <see cref="BhytCardCheck"/> row with the raw reply (also for a failed call: evidence of the
/// outage, TT 48/2017), the card's last result and new data (5-year date, area, re-issued
/// card), and the visit's flag (Valid / Rejected with the Vietnamese message). Used by the
/// outbox handler; the registration service may call it directly when it checks at once.
/// </summary>
public sealed class VisitCardChecks(HospitalDbContext db, IBhxhPortal portal, CardCheckOfficers officers, TimeProvider clock)
{
    /// <exception cref="BhxhPortalUnavailableException">The portal did not answer or failed on its side: the visit stays Unchecked.</exception>
    /// <exception cref="PermanentOutboxFailure">The check cannot succeed by trying again (no such visit, officer not registered).</exception>
    public async Task CheckAsync(int visitId, CancellationToken ct)
    {
        var visit = await db.Set<Visit>().Include(v => v.Patient).SingleOrDefaultAsync(v => v.Id == visitId, ct)
                    ?? throw new PermanentOutboxFailure($"Không tìm thấy lượt khám {visitId}.");
        // Cancelled, not BHYT, or already settled (by a check at the counter): nothing left to do.
        if (visit.VoidedAt is not null || visit.Kind != VisitKind.Bhyt || visit.CardCheck != CardCheckState.Unchecked) return;
        var patient = visit.Patient!;
        if (string.IsNullOrWhiteSpace(visit.CardNumber))
            throw new PermanentOutboxFailure($"Lượt khám {visit.Code} không có số thẻ BHYT để kiểm tra.");

        var officer = await officers.ForUserAsync(visit.RegisteredBy, ct);
        var check = new BhytCardCheck
        {
            PatientId = patient.Id,
            VisitId = visit.Id,
            CardNumber = visit.CardNumber,
            RequestedAt = clock.GetUtcNow().UtcDateTime,
            RequestedBy = officer.Name.Length > 0 ? officer.Name : visit.RegisteredBy,
        };
        db.Add(check);
        CardLookupResult result;
        try
        {
            result = await portal.CheckCardAsync(new CardLookupRequest(visit.CardNumber, patient.FullName, patient.DateOfBirth, patient.BirthYear, officer.Name, officer.Cccd), ct);
        }
        catch (BhxhPortalException ex)
        {
            check.Message = Cut(ex.Message, 1000);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        check.AnsweredAt = now;
        check.ResultCode = result.ResultCode;
        check.Message = Cut(BhytCardChecks.Message(result.ResultCode), 1000);
        check.RawResponse = result.RawJson;

        if (BhytCardChecks.IsPortalFault(result.ResultCode))
        {
            await db.SaveChangesAsync(CancellationToken.None);
            throw new BhxhPortalUnavailableException(BhytCardChecks.Message(result.ResultCode));
        }
        if (BhytCardChecks.IsOfficerProblem(result.ResultCode))
        {
            visit.CardCheckMessage = Cut($"Chưa kiểm tra được thẻ: {BhytCardChecks.Message(result.ResultCode)}", 500);
            await db.SaveChangesAsync(CancellationToken.None);
            throw new PermanentOutboxFailure($"{BhytCardChecks.Message(result.ResultCode)} Cán bộ: {officer.Name} ({officer.Cccd}). Đăng ký cán bộ với BHXH hoặc sửa Bhxh:OfficerName/OfficerCccd rồi gửi lại.");
        }

        var card = visit.BhytCardId is { } cardId ? await db.Set<BhytCard>().SingleOrDefaultAsync(c => c.Id == cardId, ct) : null;
        var newCard = card is null ? null : await RecordOnCardAsync(card, result, now, ct);
        visit.CardCheck = BhytCardChecks.IsBlocking(result.ResultCode) ? CardCheckState.Rejected : CardCheckState.Valid;
        visit.CardCheckedAt = now;
        visit.CardCheckMessage = Cut(Describe(result, newCard), 500);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>The clerk's sentence for a reply: the meaning of the code, plus a re-issued card when there is one.</summary>
    public static string Describe(CardLookupResult result, string? addedCard = null)
    {
        var text = BhytCardChecks.Message(result.ResultCode);
        if (result.NewCardNumber is { Length: > 0 } n && n != result.CardNumber)
            text += $" Thẻ mới: {n}" + (result.NewValidTo is { } to ? $", hạn đến {to.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}" : "") + ".";
        if (addedCard is not null) text += " Đã thêm thẻ mới vào hồ sơ người bệnh.";
        return text;
    }

    /// <returns>The number of a re-issued card added to the patient, if any.</returns>
    private async Task<string?> RecordOnCardAsync(BhytCard card, CardLookupResult result, DateTime now, CancellationToken ct)
    {
        card.LastCheckResult = result.ResultCode;
        card.LastCheckedAt = now;
        if (result.FiveYearsContinuousFrom is { } five) card.FiveYearsContinuousFrom = five;
        if (result.AreaCode is { Length: > 0 and <= 2 } area) card.AreaCode = area;

        // A re-issued card (003/004) becomes a card of the patient, so the next visit uses it.
        if (result.NewCardNumber is not { Length: 15 } number || number == card.Number
            || result.NewValidFrom is not { } from || result.NewValidTo is not { } to) return null;
        var known = await db.Set<BhytCard>().AnyAsync(c => c.PatientId == card.PatientId && c.Number == number && c.VoidedAt == null, ct);
        if (known) return null;
        db.Add(new BhytCard
        {
            PatientId = card.PatientId,
            Number = number,
            SocialInsuranceNumber = number[5..],
            ValidFrom = from,
            ValidTo = to,
            RegisteredFacilityCode = result.NewRegisteredFacilityCode is { Length: > 0 and <= 10 } f ? f : card.RegisteredFacilityCode,
            FiveYearsContinuousFrom = result.FiveYearsContinuousFrom ?? card.FiveYearsContinuousFrom,
            AreaCode = card.AreaCode,
            CreatedAt = now,
        });
        return number;
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
