using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Hospital.Web.Features.Catalogs;

/// <summary>
/// Turns a numeric cell into the text its number format shows where that matters for catalogs:
/// dates (stored as serial days) and zero-padded codes ("00000" keeps commune 00004 whole).
/// </summary>
internal sealed partial class XlsxNumberStyles
{
    private readonly List<uint> _formatIdByStyle = [];
    private readonly Dictionary<uint, string> _customFormats = [];

    public XlsxNumberStyles(Stylesheet? stylesheet)
    {
        if (stylesheet is null) return;
        foreach (var format in stylesheet.NumberingFormats?.Elements<NumberingFormat>() ?? [])
            if (format.NumberFormatId?.Value is { } id) _customFormats[id] = format.FormatCode?.Value ?? "";
        foreach (var xf in stylesheet.CellFormats?.Elements<CellFormat>() ?? [])
            _formatIdByStyle.Add(xf.NumberFormatId?.Value ?? 0);
    }

    public string FormatNumber(string raw, uint? styleIndex)
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return raw;
        var formatId = styleIndex is { } s && s < _formatIdByStyle.Count ? _formatIdByStyle[(int)s] : 0u;
        var code = _customFormats.GetValueOrDefault(formatId);
        if (IsDateFormat(formatId, code) && number is >= 1 and < 2958466)
            return DateTime.FromOADate(number).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var plain = PlainNumber(raw, number);
        if (code is not null && ZeroPadded().IsMatch(code) && plain.All(char.IsAsciiDigit))
            return plain.PadLeft(code.Length, '0');
        return plain;
    }

    /// <summary>Integers as digits (a 12-digit CCCD must not become 1.2E+11); fractions to 15 significant digits as Excel shows.</summary>
    private static string PlainNumber(string raw, double number)
    {
        if (raw.All(char.IsAsciiDigit)) return raw;
        if (Math.Abs(number) < 1e15 && number == Math.Floor(number)) return number.ToString("0", CultureInfo.InvariantCulture);
        return number.ToString("G15", CultureInfo.InvariantCulture);
    }

    /// <summary>Built-in date formats (ECMA-376 §18.8.30) or a custom code with day, month or year parts.</summary>
    private static bool IsDateFormat(uint id, string? code)
    {
        if (id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58) return true;
        if (string.IsNullOrEmpty(code)) return false;
        var bare = QuotedOrBracketed().Replace(code, "");
        return bare.IndexOfAny(['d', 'D', 'm', 'M', 'y', 'Y']) >= 0;
    }

    [GeneratedRegex("^0+$")]
    private static partial Regex ZeroPadded();

    [GeneratedRegex(@"""[^""]*""|\[[^\]]*\]|\\.")]
    private static partial Regex QuotedOrBracketed();
}
