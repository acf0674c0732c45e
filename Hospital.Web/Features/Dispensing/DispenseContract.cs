namespace Hospital.Web.Features.Dispensing;

/// <summary>
/// What the dispensary asks for: the store to take from (its code), whether to hand out what is
/// there when stock is short (the rest stays pending) or nothing at all, and the receiver's name
/// and identity number, required for narcotic and psychotropic prescriptions.
/// </summary>
public sealed record DispenseRequest(string StoreCode, bool AllowPartial = false, string? ReceiverName = null,
    string? ReceiverIdNumber = null, string? Note = null);

public enum DispenseOutcomeKind { Dispensed, Short, Invalid, NotFound }

public sealed record DispensedLot(int PrescriptionLineId, string DrugCode, string DrugName, string LotNumber, DateOnly Expiry, decimal Quantity, string Unit);

public sealed record PendingDrug(int PrescriptionLineId, string DrugCode, string DrugName, decimal Quantity, string Unit);

/// <summary>
/// <see cref="DispenseOutcomeKind.Short"/>: stock does not cover the prescription and partial was not
/// allowed, or another pharmacist took the last units first; nothing was allocated. Error is a
/// Vietnamese sentence for the screen (and the API's 409/422 body).
/// </summary>
public sealed record DispenseOutcome(DispenseOutcomeKind Kind, string? Error, int? DispensationId, string? Number,
    IReadOnlyList<DispensedLot> Lots, IReadOnlyList<PendingDrug> Pending);
