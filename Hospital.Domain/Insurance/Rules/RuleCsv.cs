using System.Text;

namespace Hospital.Domain.Insurance.Rules;

/// <summary>
/// Reads the small rule files in db/rules: UTF-8, a header row, comma separated, RFC 4180
/// quoting. Columns are read by name. Kept here rather than borrowing the catalog importer
/// (which lives in the web layer) so the domain rules load without the web project. Public for
/// the prescribing rules of Hospital.Emr (rx_*.csv in the same folder).
/// </summary>
public sealed class RuleCsv
{
    public string FileName { get; }
    public IReadOnlyList<RuleCsvRow> Rows { get; }

    private RuleCsv(string fileName, IReadOnlyList<RuleCsvRow> rows) { FileName = fileName; Rows = rows; }

    public static RuleCsv Read(string path)
    {
        var name = Path.GetFileName(path);
        var records = Parse(File.ReadAllText(path, Encoding.UTF8), name);
        if (records.Count == 0) throw new BhytRuleFileException(name, 1, "tệp rỗng, thiếu dòng tiêu đề");
        var header = records[0].Fields.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
        var rows = records.Skip(1)
            .Where(r => r.Fields.Any(f => f.Length > 0))
            .Select(r => new RuleCsvRow(name, r.Line, header, r.Fields))
            .ToList();
        return new RuleCsv(name, rows);
    }

    private static List<(int Line, string[] Fields)> Parse(string text, string name)
    {
        var records = new List<(int, string[])>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, recordLine = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; field.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0: quoted = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear();
                    records.Add((recordLine, fields.ToArray())); fields.Clear();
                    recordLine = ++line;
                    break;
                default: field.Append(c); break;
            }
        }
        if (quoted) throw new BhytRuleFileException(name, recordLine, "dấu ngoặc kép không được đóng");
        if (field.Length > 0 || fields.Count > 0) { fields.Add(field.ToString()); records.Add((recordLine, fields.ToArray())); }
        return records;
    }
}

public sealed class RuleCsvRow(string file, int line, string[] header, string[] fields)
{
    public int Line => line;

    public string this[string column]
    {
        get
        {
            var i = Array.IndexOf(header, column);
            if (i < 0) throw Error($"thiếu cột '{column}'");
            return i < fields.Length ? fields[i].Trim() : "";
        }
    }

    public BhytRuleFileException Error(string reason) => new(file, line, reason);

    public DateOnly? Date(string column)
    {
        var text = this[column];
        if (text.Length == 0) return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", out var d) ? d : throw Error($"cột {column}: '{text}' không phải ngày yyyy-MM-dd");
    }

    public decimal? Number(string column)
    {
        var text = this[column];
        if (text.Length == 0) return null;
        return decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n : throw Error($"cột {column}: '{text}' không phải số");
    }

    public string Required(string column) =>
        this[column] is { Length: > 0 } v ? v : throw Error($"cột {column} không được để trống");
}

/// <summary>A rule file in db/rules that cannot be used; the message names the file, the line and the reason.</summary>
public sealed class BhytRuleFileException(string file, int line, string reason)
    : Exception($"Tệp quy tắc {file}, dòng {line}: {reason}.");
