using System.Globalization;
using System.Text.RegularExpressions;
using Hospital.Domain.Text;

namespace Hospital.Web.Features.Catalogs;

/// <summary>The value kinds catalog fields are made of, with Vietnamese reasons for bad input.</summary>
public static partial class FieldKinds
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Text stored as typed in Unicode NFC (DESIGN.md "Data"); blank is "".</summary>
    public static FieldKind<string> Text(int maxLength) => new()
    {
        Input = FieldInput.Text, Blank = "", MaxLength = maxLength,
        Parse = (text, _) => CheckLength(VietnameseText.Nfc(text), maxLength),
    };

    /// <summary>Like <see cref="Text"/> but blank is null.</summary>
    public static FieldKind<string?> OptionalText(int maxLength) => new()
    {
        Input = FieldInput.Text, Blank = null, MaxLength = maxLength,
        Parse = (text, _) => { var p = CheckLength(VietnameseText.Nfc(text), maxLength); return new(p.Value, p.Error); },
    };

    /// <summary>An identifier made of digits only, such as CCCD (12 digits); leading zeros are kept.</summary>
    public static FieldKind<string?> Digits(int length) => new()
    {
        Input = FieldInput.Text, Blank = null, MaxLength = length,
        Parse = (text, _) => text.Length == length && text.All(char.IsAsciiDigit)
            ? Parsed<string?>.Success(text)
            : Parsed<string?>.Fail($"phải gồm đúng {length} chữ số."),
    };

    public static FieldKind<int> Integer(int min, int max) => new()
    {
        Input = FieldInput.Number, Blank = 0,
        Parse = (text, _) => ParseInteger(text, min, max),
    };

    public static FieldKind<int?> OptionalInteger(int min, int max) => new()
    {
        Input = FieldInput.Number, Blank = null,
        Parse = (text, _) => { var p = ParseInteger(text, min, max); return new(p.Ok ? p.Value : null, p.Error); },
    };

    private const string MoneyHelp = "Đồng (VND). Dấu chấm trước phần thập phân, không dùng dấu phân cách hàng nghìn.";

    public static FieldKind<decimal> Money() => new()
    {
        Input = FieldInput.Number, Blank = 0m, Help = MoneyHelp,
        Parse = (text, _) => ParseMoney(text),
        Format = (v, _) => v.ToString("0.###", CultureInfo.InvariantCulture),
        Display = (v, _) => v.ToString("#,##0.###", Vi),
    };

    public static FieldKind<decimal?> OptionalMoney() => new()
    {
        Input = FieldInput.Number, Blank = null, Help = MoneyHelp,
        Parse = (text, _) => { var p = ParseMoney(text); return new(p.Ok ? p.Value : null, p.Error); },
        Format = (v, _) => v?.ToString("0.###", CultureInfo.InvariantCulture) ?? "",
        Display = (v, _) => v?.ToString("#,##0.###", Vi) ?? "",
    };

    public static FieldKind<DateOnly?> Date() => new()
    {
        Input = FieldInput.Date, Blank = null,
        Parse = (text, _) => DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? Parsed<DateOnly?>.Success(d)
            : Parsed<DateOnly?>.Fail($"'{text}' không phải ngày hợp lệ (dd/MM/yyyy hoặc yyyy-MM-dd)."),
        Format = (v, _) => v?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        Display = (v, _) => Platform.VietnamTime.Date(v),
        Json = (v, _) => v?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>yyyyMMdd is how the BHYT XML writes dates (QĐ 130), so exported lists read back too.</summary>
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "yyyyMMdd"];

    public static FieldKind<bool> Flag(bool blank) => new()
    {
        Input = FieldInput.Checkbox, Blank = blank,
        Parse = (text, _) => VietnameseText.SearchKey(text) switch
        {
            "1" or "true" or "x" or "co" or "yes" or "y" => Parsed<bool>.Success(true),
            "0" or "false" or "khong" or "no" or "n" => Parsed<bool>.Success(false),
            _ => Parsed<bool>.Fail($"'{text}' không hiểu là có hay không (dùng 1/0 hoặc có/không)."),
        },
        Format = (v, _) => v ? "true" : "false",
        Display = (v, _) => v ? "Có" : "Không",
    };

    private static Parsed<string> CheckLength(string text, int max) =>
        text.Length <= max ? Parsed<string>.Success(text) : Parsed<string>.Fail($"dài {text.Length} ký tự, tối đa {max}.");

    private static Parsed<int> ParseInteger(string text, int min, int max)
    {
        // Spreadsheets hand whole numbers over as "3.0" now and then.
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            || d != decimal.Truncate(d))
            return Parsed<int>.Fail($"'{text}' không phải số nguyên.");
        return d < min || d > max ? Parsed<int>.Fail($"phải từ {min} đến {max}.") : Parsed<int>.Success((int)d);
    }

    private static Parsed<decimal> ParseMoney(string text)
    {
        if (!MoneyPattern().IsMatch(text))
            return Parsed<decimal>.Fail($"'{text}' không phải số tiền hợp lệ.");
        // "150.000" is 150 to a parser but 150 nghìn to a Vietnamese reader: refuse rather than guess.
        if (AmbiguousThousands().IsMatch(text))
            return Parsed<decimal>.Fail($"'{text}' dễ nhầm với dấu phân cách hàng nghìn; hãy nhập {text.Replace(".", "").Replace(",", "")} nếu đó là số nguyên.");
        return Parsed<decimal>.Success(decimal.Parse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^\d+([.,]\d+)?$")]
    private static partial Regex MoneyPattern();

    [GeneratedRegex(@"^[1-9]\d{0,2}[.,]\d{3}$")]
    private static partial Regex AmbiguousThousands();
}
