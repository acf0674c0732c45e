using System.Globalization;
using System.Text;

namespace Hospital.Web.Demo;

/// <summary>
/// Reads the catalogs we ship in db/catalogs: UTF-8, a header row, comma separated, RFC 4180
/// quoting (a field in double quotes may hold commas, line breaks and "" for a quote). Only
/// our own fixed layout is read here; the admin import screen handles the official layouts.
/// </summary>
public static class CatalogCsv
{
    public static IReadOnlyList<CatalogCsvRow> Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Parse(reader, Path.GetFileName(path));
    }

    public static IReadOnlyList<CatalogCsvRow> Parse(TextReader reader, string source)
    {
        var records = ReadRecords(reader, source).ToList();
        if (records.Count == 0) throw new InvalidDataException($"{source}: tệp rỗng, thiếu dòng tiêu đề.");
        var header = records[0].Fields.Select(h => h.Trim()).ToArray();
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
            if (!columns.TryAdd(header[i], i))
                throw new InvalidDataException($"{source}: cột \"{header[i]}\" bị lặp.");
        var rows = new List<CatalogCsvRow>(records.Count - 1);
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.Count == 1 && record.Fields[0].Length == 0) continue; // blank line
            if (record.Fields.Count != header.Length)
                throw new InvalidDataException($"{source} dòng {record.Line}: có {record.Fields.Count} cột, tiêu đề có {header.Length}.");
            rows.Add(new CatalogCsvRow(source, record.Line, columns, record.Fields));
        }
        return rows;
    }

    private sealed record Record(int Line, List<string> Fields);

    private static IEnumerable<Record> ReadRecords(TextReader reader, string source)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var atFieldStart = true;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else quoted = false;
                }
                else
                {
                    if (ch == '\n') line++;
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"' when atFieldStart:
                    quoted = true;
                    atFieldStart = false;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return new Record(recordLine, fields);
                    fields = [];
                    atFieldStart = true;
                    recordLine = ++line;
                    break;
                default:
                    field.Append(ch);
                    atFieldStart = false;
                    break;
            }
        }
        if (quoted) throw new InvalidDataException($"{source} dòng {recordLine}: thiếu dấu ngoặc kép đóng.");
        if (fields.Count > 0 || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return new Record(recordLine, fields);
        }
    }
}

/// <summary>One data row, read by column name; errors name the file and line.</summary>
public sealed class CatalogCsvRow(string source, int line, IReadOnlyDictionary<string, int> columns, IReadOnlyList<string> fields)
{
    public int Line => line;

    /// <summary>The trimmed value, or null when the column is absent or the cell empty.</summary>
    public string? Optional(string column) =>
        columns.TryGetValue(column, out var i) && fields[i].Trim() is { Length: > 0 } v ? v : null;

    public string Required(string column) =>
        Optional(column) ?? throw Error($"thiếu giá trị cột \"{column}\"");

    public int Int(string column) =>
        int.TryParse(Required(column), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw Error($"cột \"{column}\" phải là số nguyên");

    /// <summary>ISO dates (yyyy-MM-dd), as the shipped files write them.</summary>
    public DateOnly? Date(string column) =>
        Optional(column) is not { } v ? null
        : DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw Error($"cột \"{column}\" phải là ngày dạng yyyy-MM-dd");

    public InvalidDataException Error(string reason) => new($"{source} dòng {line}: {reason}.");
}
