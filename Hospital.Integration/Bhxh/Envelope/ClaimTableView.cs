using System.Xml.Linq;

namespace Hospital.Integration.Bhxh.Envelope;

/// <summary>
/// An inner claim table laid out for reading: its column names (the field names of bhyt-claims.md §3,
/// in file order) and one row per record. XML1 (TONG_HOP) is flat, so it is one row; the list tables
/// (CHITIEU_…/DSACH_…/CHI_TIET_…) give one row per repeated element.
/// </summary>
public sealed record ClaimTableView(string Type, string RootName, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows)
{
    public static ClaimTableView Read(ClaimEnvelopeFile file)
    {
        var root = XElement.Parse(file.Xml);
        // A record is an element whose children are all fields (leaf elements); the root itself when the table is flat.
        var records = root.DescendantsAndSelf()
            .Where(e => e.HasElements && e.Elements().All(c => !c.HasElements))
            .ToList();
        var columns = new List<string>();
        var rows = new List<IReadOnlyDictionary<string, string>>();
        foreach (var record in records)
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var field in record.Elements())
            {
                var name = field.Name.LocalName;
                if (!columns.Contains(name)) columns.Add(name);
                row[name] = row.TryGetValue(name, out var earlier) ? earlier + ";" + field.Value : field.Value;
            }
            rows.Add(row);
        }
        return new ClaimTableView(file.Type, root.Name.LocalName, columns, rows);
    }
}
