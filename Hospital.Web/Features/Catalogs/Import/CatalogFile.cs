namespace Hospital.Web.Features.Catalogs;

/// <summary>One data row of an import file; <see cref="Number"/> is the row as a spreadsheet numbers it (header = 1).</summary>
public sealed record FileRow(int Number, IReadOnlyList<string> Cells)
{
    public string Cell(int index) => index >= 0 && index < Cells.Count ? Cells[index] : "";
}

/// <summary>An uploaded CSV or Excel sheet as text cells: codes stay text, leading zeros included.</summary>
public sealed record CatalogFile(IReadOnlyList<string> Headers, IReadOnlyList<FileRow> Rows);

/// <summary>The file cannot be read at all; the message tells the user what to do (Vietnamese).</summary>
public sealed class CatalogFileException(string message) : Exception(message);

/// <summary>Reads an upload as CSV or .xlsx, decided by its first bytes rather than trusting its name.</summary>
public static class CatalogFileReader
{
    public static CatalogFile Read(Stream stream, string fileName)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        if (bytes.Length == 0) throw new CatalogFileException("Tệp rỗng.");
        // .xlsx is a ZIP package ("PK\x03\x04"); the old binary .xls starts with an OLE header.
        if (bytes is [0x50, 0x4B, 0x03, 0x04, ..]) return XlsxCatalogReader.Read(bytes);
        if (bytes is [0xD0, 0xCF, 0x11, 0xE0, ..])
            throw new CatalogFileException("Tệp Excel 97-2003 (.xls) không được hỗ trợ: hãy lưu lại dạng .xlsx hoặc CSV UTF-8.");
        if (fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            throw new CatalogFileException("Tệp .xlsx bị hỏng hoặc không phải tệp Excel.");
        return CsvCatalogReader.Read(bytes);
    }

    /// <summary>Drops trailing blank cells and rows where every cell is blank, which spreadsheets leave behind.</summary>
    internal static CatalogFile Build(IReadOnlyList<string> headers, IEnumerable<FileRow> rows)
    {
        var trimmed = headers.Select(h => h.Trim()).ToList();
        while (trimmed.Count > 0 && trimmed[^1].Length == 0) trimmed.RemoveAt(trimmed.Count - 1);
        if (trimmed.Count == 0) throw new CatalogFileException("Tệp không có dòng tiêu đề (tên cột ở dòng đầu tiên).");
        return new CatalogFile(trimmed, rows.Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList());
    }
}
