using System.Text;

namespace Hospital.Web.Features.Catalogs;

/// <summary>
/// CSV per RFC 4180 (quoted fields may hold separators, quotes doubled, line breaks), UTF-8 with
/// or without BOM. The separator is guessed from the header line: comma, or the semicolon that
/// Excel writes where the decimal separator is a comma (Vietnamese regional settings), or tab.
/// </summary>
public static class CsvCatalogReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static CatalogFile Read(byte[] bytes)
    {
        var text = Decode(bytes);
        var separator = GuessSeparator(text);
        var records = Parse(text, separator);
        if (records.Count == 0) throw new CatalogFileException("Tệp không có dòng tiêu đề (tên cột ở dòng đầu tiên).");
        return CatalogFileReader.Build(records[0], records.Skip(1).Select((cells, i) => new FileRow(i + 2, cells)));
    }

    private static string Decode(byte[] bytes)
    {
        if (bytes is [0xEF, 0xBB, 0xBF, ..]) bytes = bytes[3..];
        else if (bytes is [0xFF, 0xFE, ..]) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2); // Excel "Unicode Text"
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // Excel's plain "CSV" writes the Windows-1258 code page, which would garble every tone mark.
            throw new CatalogFileException("Tệp không phải văn bản UTF-8. Trong Excel hãy chọn Lưu dạng \"CSV UTF-8\", hoặc tải lên tệp .xlsx.");
        }
    }

    /// <summary>The separator that occurs most often, outside quotes, in the first line.</summary>
    internal static char GuessSeparator(string text)
    {
        int comma = 0, semicolon = 0, tab = 0;
        var quoted = false;
        foreach (var ch in text)
        {
            if (ch == '"') quoted = !quoted;
            else if (!quoted && ch is '\r' or '\n') break;
            else if (!quoted && ch == ',') comma++;
            else if (!quoted && ch == ';') semicolon++;
            else if (!quoted && ch == '\t') tab++;
        }
        return tab > comma && tab > semicolon ? '\t' : semicolon > comma ? ';' : ',';
    }

    internal static List<List<string>> Parse(string text, char separator)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var atFieldStart = true;
        var recordStartLine = 1;
        var line = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else { if (ch == '\n') line++; field.Append(ch); }
                continue;
            }
            if (ch == '"' && atFieldStart) { quoted = true; atFieldStart = false; }
            else if (ch == separator) { record.Add(field.ToString()); field.Clear(); atFieldStart = true; }
            else if (ch is '\r' or '\n')
            {
                if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                record.Add(field.ToString()); field.Clear(); atFieldStart = true;
                records.Add(record); record = [];
                recordStartLine = ++line;
            }
            else { field.Append(ch); atFieldStart = false; }
        }
        if (quoted)
            throw new CatalogFileException($"Dấu ngoặc kép mở ở dòng {recordStartLine} của tệp không được đóng.");
        if (field.Length > 0 || record.Count > 0) { record.Add(field.ToString()); records.Add(record); }
        return records;
    }
}
