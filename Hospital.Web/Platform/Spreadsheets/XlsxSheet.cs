namespace Hospital.Web.Platform.Spreadsheets;

/// <summary>How a column's cells are written and shown in Excel.</summary>
public enum XlsxKind
{
    /// <summary>Codes and names: always text, so "01" and "1.11" keep their zeros and dots.</summary>
    Text,
    /// <summary>decimal money, shown "#,##0.00" (amounts are rounded to 2 dp before they get here).</summary>
    Money,
    /// <summary>Counts and quantities, shown as Excel's General number.</summary>
    Number,
    /// <summary>A DateOnly, shown dd/mm/yyyy.</summary>
    Date,
    /// <summary>A local (Asia/Ho_Chi_Minh) DateTime, shown dd/mm/yyyy hh:mm; callers convert from UTC first.</summary>
    DateTime,
}

/// <summary>A column: header text (already localised), kind of its cells, width in characters.</summary>
public sealed record XlsxColumn(string Header, XlsxKind Kind = XlsxKind.Text, double Width = 14);

/// <summary>
/// One worksheet: title rows above the table (report name, period, facility), a header row and
/// data rows. A row is one value per column: string, decimal/int/long/double, DateOnly, DateTime
/// or null (empty cell). Rows are enumerated once while writing, so a caller can stream them.
/// A bold totals row goes in <see cref="Total"/>.
/// </summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<XlsxColumn> Columns, IEnumerable<IReadOnlyList<object?>> Rows)
{
    public IReadOnlyList<string> Titles { get; init; } = [];

    /// <summary>A last row written in bold (totals), after <see cref="Rows"/>.</summary>
    public IReadOnlyList<object?>? Total { get; init; }
}
