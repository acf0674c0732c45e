using System.Globalization;
using System.Text;

namespace Hospital.Domain.Billing;

/// <summary>The hospital's receiving account for VietQR transfers (settings <c>Cashier:VietQr</c>).</summary>
public sealed record VietQrAccount(string BankBin, string AccountNumber, string AccountName);

/// <summary>
/// A dynamic VietQR (NAPAS 247 IBFT "to account") payload for one bill: EMVCo merchant-presented
/// TLV (ID 2 digits + length 2 digits + value), vn-emr-rx.md §5:
/// 00 = "01" (payload format), 01 = "12" (dynamic: one bill), 38 = NAPAS merchant account
/// (00 GUID A000000727, 01 beneficiary = {00 bank BIN, 01 account number}, 02 service QRIBFTTA),
/// 53 = "704" (VND), 54 = amount (whole đồng), 58 = "VN", 62.08 = purpose (our bill reference),
/// 63 = CRC-16/CCITT-FALSE over everything before it including "6304".
/// </summary>
public static class VietQrPayload
{
    public const string NapasGuid = "A000000727";
    public const string ToAccountService = "QRIBFTTA";
    /// <summary>62.08 is free text, but banks show and match it best when short and plain ASCII (≤ 25 commonly used).</summary>
    public const int MaxReferenceLength = 25;
    /// <summary>EMVCo tag 54 holds at most 13 characters.</summary>
    public const decimal MaxAmount = 9_999_999_999_999m;

    /// <summary>Why the inputs cannot make a payload, in Vietnamese, or null when they can.</summary>
    public static string? Problem(VietQrAccount account, decimal amount, string reference)
    {
        if (account.BankBin.Length != 6 || !account.BankBin.All(char.IsAsciiDigit))
            return "Mã BIN ngân hàng (Cashier:VietQr:BankBin) phải gồm 6 chữ số.";
        if (account.AccountNumber.Length is 0 or > 19 || !account.AccountNumber.All(char.IsAsciiLetterOrDigit))
            return "Số tài khoản nhận (Cashier:VietQr:AccountNumber) phải có 1–19 chữ hoặc số.";
        if (amount <= 0 || amount != decimal.Truncate(amount) || amount > MaxAmount)
            return "Số tiền trên mã VietQR phải là số đồng nguyên lớn hơn 0.";
        if (reference.Length is 0 or > MaxReferenceLength || reference.Any(c => c is < ' ' or > '~'))
            return $"Nội dung chuyển khoản phải là chữ không dấu, tối đa {MaxReferenceLength} ký tự.";
        return null;
    }

    public static string Build(VietQrAccount account, decimal amount, string reference)
    {
        if (Problem(account, amount, reference) is { } problem) throw new ArgumentException(problem);
        var beneficiary = Tlv("00", account.BankBin) + Tlv("01", account.AccountNumber);
        var merchant = Tlv("00", NapasGuid) + Tlv("01", beneficiary) + Tlv("02", ToAccountService);
        var body = new StringBuilder()
            .Append(Tlv("00", "01"))
            .Append(Tlv("01", "12"))
            .Append(Tlv("38", merchant))
            .Append(Tlv("53", "704"))
            .Append(Tlv("54", amount.ToString("0", CultureInfo.InvariantCulture)))
            .Append(Tlv("58", "VN"))
            .Append(Tlv("62", Tlv("08", reference)))
            .Append("6304")
            .ToString();
        return body + Crc16CcittFalse(body).ToString("X4", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The transfer description of one payment: "VP" + payment id + visit code, letters and digits
    /// only. The id comes first, so it stays unique even when a long visit code is cut at 25 characters.
    /// </summary>
    public static string Reference(long paymentId, string visitCode)
    {
        var code = new string(visitCode.Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant();
        var text = $"VP{paymentId.ToString(CultureInfo.InvariantCulture)} {code}".TrimEnd();
        return text.Length <= MaxReferenceLength ? text : text[..MaxReferenceLength].TrimEnd();
    }

    /// <summary>One EMVCo data object: ID, two-digit decimal length, value.</summary>
    public static string Tlv(string id, string value)
    {
        if (value.Length > 99) throw new ArgumentException($"EMVCo field {id} is longer than 99 characters.", nameof(value));
        return id + value.Length.ToString("00", CultureInfo.InvariantCulture) + value;
    }

    /// <summary>CRC-16/CCITT-FALSE: polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR (EMVCo MPM §4.7.3), over the ASCII bytes.</summary>
    public static ushort Crc16CcittFalse(string text)
    {
        ushort crc = 0xFFFF;
        foreach (var b in Encoding.ASCII.GetBytes(text))
        {
            crc ^= (ushort)(b << 8);
            for (var i = 0; i < 8; i++)
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
        }
        return crc;
    }

    /// <summary>The TLV fields at the top level of a payload (for tests and for reading a scanned code back).</summary>
    public static IReadOnlyList<(string Id, string Value)> Parse(string payload)
    {
        var fields = new List<(string, string)>();
        var i = 0;
        while (i < payload.Length)
        {
            if (i + 4 > payload.Length || !int.TryParse(payload.AsSpan(i + 2, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                || i + 4 + length > payload.Length)
                throw new FormatException($"Bad EMVCo field at position {i}.");
            fields.Add((payload.Substring(i, 2), payload.Substring(i + 4, length)));
            i += 4 + length;
        }
        return fields;
    }
}
