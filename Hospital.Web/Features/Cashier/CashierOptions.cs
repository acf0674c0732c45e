using Hospital.Domain.Billing;

namespace Hospital.Web.Features.Cashier;

/// <summary>Settings <c>Cashier:*</c>: the hospital's receiving bank account for VietQR transfers.</summary>
public sealed class CashierOptions
{
    public VietQrSettings VietQr { get; set; } = new();

    public sealed class VietQrSettings
    {
        /// <summary>The receiving bank's 6-digit NAPAS BIN (e.g. 970436 Vietcombank; check the bank's own list).</summary>
        public string BankBin { get; set; } = "";
        public string AccountNumber { get; set; } = "";
        /// <summary>Shown beside the code so the patient sees whom they pay (not part of an IBFT payload).</summary>
        public string AccountName { get; set; } = "";
    }

    public VietQrAccount Account => new(VietQr.BankBin.Trim(), VietQr.AccountNumber.Trim(), VietQr.AccountName.Trim());
}
