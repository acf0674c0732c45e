using Microsoft.EntityFrameworkCore;
using Hospital.Domain.Billing;
using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Domain.Insurance;
using Hospital.Domain.Outbox;
using Hospital.Domain.Visits;
using Hospital.Integration.Bhxh;
using Hospital.Web.Platform;

namespace Hospital.Web.Features.Insurance;

/// <summary>
/// Outbox type <see cref="BhxhOutboxTypes.CheckIn"/>: builds the XML0 check-in of a BHYT visit
/// from the visit, the patient, the card snapshot and the first non-voided charge (QĐ 4750:
/// sent right after the first chargeable item, bhyt-claims.md §6), signs it with the facility
/// certificate, sends it and keeps the portal's transaction code on the visit. A refused file
/// (maKetQua other than 200) fails for good: sending the same content again cannot help.
/// </summary>
internal sealed class BhxhCheckInHandler(HospitalDbContext db, IBhxhPortal portal, FacilitySigning signing) : IOutboxHandler
{
    public string Type => BhxhOutboxTypes.CheckIn;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var visitId = await VisitPayload.VisitIdAsync(db, message, ct);
        var visit = await db.Set<Visit>().Include(v => v.Patient).SingleOrDefaultAsync(v => v.Id == visitId, ct)
                    ?? throw new PermanentOutboxFailure($"Không tìm thấy lượt khám {visitId}.");
        if (visit.CheckInTransactionCode is not null) return; // sent already (a repeated delivery)
        // Cancelled before the check-in went out: the portal never needs to hear of the visit, and
        // nothing is wrong that staff should look at, so the message just completes.
        if (visit.VoidedAt is not null) return;
        if (visit.Kind != VisitKind.Bhyt) throw new PermanentOutboxFailure($"Lượt khám {visit.Code} không dùng thẻ BHYT: không gửi check-in.");

        var charge = await db.Set<Charge>().AsNoTracking()
            .Where(c => c.VisitId == visit.Id && c.VoidedAt == null)
            .OrderBy(c => c.OrderedAt).ThenBy(c => c.Id)
            .FirstOrDefaultAsync(ct)
            ?? throw new PermanentOutboxFailure($"Lượt khám {visit.Code} chưa có khoản chi phí nào: không có gì để check-in.");
        var facility = await db.Set<FacilitySettings>().AsNoTracking().OrderBy(f => f.Id).FirstOrDefaultAsync(ct);
        if (facility is null || facility.FacilityCode.Length != 5)
            throw new PermanentOutboxFailure("Chưa khai báo mã cơ sở KCB (5 ký tự) trong thông tin cơ sở: không gửi được check-in.");

        var patient = visit.Patient!;
        byte[] xml;
        try
        {
            var doc = CheckInXml.Build(new CheckInRecord
            {
                MaLk = visit.MaLk,
                PatientCode = patient.Code,
                FullName = patient.FullName,
                Cccd = patient.Cccd,
                BirthDate = patient.DateOfBirth,
                BirthYear = patient.BirthYear,
                Sex = (int)patient.Sex,
                CardNumber = visit.CardNumber,
                CardRegisteredFacilityCode = visit.CardRegisteredFacilityCode,
                CardValidFrom = visit.CardValidFrom,
                CardValidTo = visit.CardValidTo,
                BenefitCategoryCode = visit.BenefitCategoryCode ?? "",
                AdmittedAt = VietnamTime.ToLocal(visit.RegisteredAt),
                FacilityCode = facility.FacilityCode,
                ItemKind = charge.ItemKind switch { ChargeItemKind.Drug => CheckInItemKind.Drug, ChargeItemKind.Supply => CheckInItemKind.Supply, _ => CheckInItemKind.Service },
                ItemCode = charge.ItemCode,
                ItemName = charge.ItemName,
                OrderedAt = VietnamTime.ToLocal(charge.OrderedAt),
            });
            xml = CheckInXml.ToBytes(signing.Signer.Sign(doc));
        }
        catch (CheckInXmlException ex)
        {
            throw new PermanentOutboxFailure(ex.Message, ex);
        }

        var result = await portal.SendCheckInAsync(new CheckInSubmission(facility.FacilityCode, xml), ct);
        if (!result.Accepted)
            throw new PermanentOutboxFailure($"Cổng BHXH từ chối check-in (mã {result.ResultCode}): {result.Message}");
        // The portal always sends maGiaoDich with 200; if one ever lacks it, the reception time still marks the visit as sent.
        visit.CheckInTransactionCode = result.TransactionCode is { Length: > 0 } code ? code : $"200-{result.ReceivedAt}";
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
