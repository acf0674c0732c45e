using Hospital.Emr.Pdf;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Hospital.Emr.Documents.Rendering;

/// <summary>
/// Writes a Ministry form top to bottom: wrapped lines, headings, page breaks, and on every page
/// the electronic-copy marking ("Bản điện tử", TT 13/2025: a printed copy of an electronic record
/// says so and names the document and version). DejaVu Sans, so Vietnamese text extracts intact.
/// </summary>
internal sealed class FormWriter
{
    private readonly double _margin;
    private readonly double _baseSize;
    private readonly string _marking;
    private XGraphics _gfx = null!;
    private PdfPage _page = null!;

    public PdfDocument Document { get; }
    public double Y { get; private set; }
    public double Left => _margin;
    public double Width => _page.Width.Point - 2 * _margin;
    public double Bottom => _page.Height.Point - _margin - 14;

    public FormWriter(PageSize size, string title, string marking, double baseSize)
    {
        // Before the first PdfDocument: PDFsharp refuses to create one until the licence is declared.
        PdfSetup.Initialize();
        Document = new PdfDocument();
        _margin = size == PageSize.A5 ? 28 : 42;
        _baseSize = baseSize;
        _marking = marking;
        Document.Info.Title = title;
        Document.Info.Creator = "Hospital";
        _size = size;
        NewPage();
    }

    public XGraphics Graphics => _gfx;
    public PdfPage Page => _page;

    private readonly PageSize _size;

    private void NewPage()
    {
        _gfx?.Dispose();
        _page = Document.AddPage();
        _page.Size = _size;
        _gfx = XGraphics.FromPdfPage(_page);
        Y = _margin;
        var small = Font(_baseSize - 2.5);
        _gfx.DrawString(_marking + $" – trang {Document.PageCount}", small, XBrushes.Gray,
            new XRect(_margin, _page.Height.Point - _margin + 2, Width, 10), XStringFormats.TopCenter);
    }

    /// <summary>
    /// Regular or bold only: italics would embed a third whole font file (<see cref="DejaVuFontResolver.Face"/>);
    /// <paramref name="italic"/> is kept for the layout's sake and printed upright.
    /// </summary>
    public XFont Font(double size, bool bold = false, bool italic = false) => Face(size, bold);

    internal static XFont Face(double size, bool bold = false) => DejaVuFontResolver.Face(size, bold);

    public void Ensure(double height)
    {
        if (Y + height > Bottom) NewPage();
    }

    public void Gap(double points) => Y += points;

    /// <summary>Two columns of centered lines: the authority and facility left, the national motto right (Nghị định 30/2020 layout).</summary>
    public void Heading(IReadOnlyList<string> left, IReadOnlyList<string> right, double leftShare = 0.45)
    {
        var size = _baseSize - 0.5;
        var leftWidth = Width * leftShare;
        var y0 = Y;
        var yl = y0;
        for (var i = 0; i < left.Count; i++)
        {
            _gfx.DrawString(left[i], Font(size, bold: i > 0), XBrushes.Black, new XRect(Left, yl, leftWidth, size + 3), XStringFormats.TopCenter);
            yl += size + 3;
        }
        var yr = y0;
        for (var i = 0; i < right.Count; i++)
        {
            _gfx.DrawString(right[i], Font(size, bold: i < 2, italic: i >= 2), XBrushes.Black,
                new XRect(Left + leftWidth, yr, Width - leftWidth, size + 3), XStringFormats.TopCenter);
            yr += size + 3;
        }
        Y = Math.Max(yl, yr) + 6;
    }

    public void Title(string title, string? subtitle = null)
    {
        var size = _baseSize + 5;
        Ensure(size * 2);
        _gfx.DrawString(title, Font(size, bold: true), XBrushes.Black, new XRect(Left, Y, Width, size + 4), XStringFormats.TopCenter);
        Y += size + 6;
        if (subtitle is not null)
        {
            _gfx.DrawString(subtitle, Font(_baseSize - 1, italic: true), XBrushes.Black, new XRect(Left, Y, Width, _baseSize + 2), XStringFormats.TopCenter);
            Y += _baseSize + 4;
        }
        Y += 4;
    }

    public void Section(string heading)
    {
        Ensure(_baseSize * 3);
        Y += 3;
        _gfx.DrawString(heading, Font(_baseSize, bold: true), XBrushes.Black, new XPoint(Left, Y + _baseSize));
        Y += _baseSize + 5;
    }

    /// <summary>"Label: value", the value wrapped under itself; nothing when the value is empty and <paramref name="always"/> is false.</summary>
    public void Field(string label, string? value, bool always = true, double indent = 0)
    {
        if (string.IsNullOrWhiteSpace(value) && !always) return;
        var labelFont = Font(_baseSize, bold: true);
        var text = string.IsNullOrWhiteSpace(value) ? "…" : value.Trim();
        var labelText = label + ": ";
        var labelWidth = _gfx.MeasureString(labelText, labelFont).Width;
        var x = Left + indent;
        var lines = Wrap(text, Font(_baseSize), Width - indent - labelWidth, Width - indent);
        Ensure(LineHeight);
        _gfx.DrawString(labelText, labelFont, XBrushes.Black, new XPoint(x, Y + _baseSize));
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0) Ensure(LineHeight);
            _gfx.DrawString(lines[i], Font(_baseSize), XBrushes.Black, new XPoint(i == 0 ? x + labelWidth : x, Y + _baseSize));
            Y += LineHeight;
        }
    }

    public void Text(string text, bool bold = false, bool italic = false, double indent = 0, double? size = null)
    {
        var font = Font(size ?? _baseSize, bold, italic);
        foreach (var line in Wrap(text, font, Width - indent, Width - indent))
        {
            Ensure(LineHeight);
            _gfx.DrawString(line, font, XBrushes.Black, new XPoint(Left + indent, Y + (size ?? _baseSize)));
            Y += LineHeight;
        }
    }

    /// <summary>Several short fields on one line, spread over equal columns.</summary>
    public void Columns(params (string Label, string? Value)[] fields)
    {
        Ensure(LineHeight);
        var column = Width / fields.Length;
        for (var i = 0; i < fields.Length; i++)
        {
            var label = fields[i].Label + ": ";
            var labelFont = Font(_baseSize, bold: true);
            var x = Left + i * column;
            _gfx.DrawString(label, labelFont, XBrushes.Black, new XPoint(x, Y + _baseSize));
            var lw = _gfx.MeasureString(label, labelFont).Width;
            _gfx.DrawString(Fit(fields[i].Value ?? "…", Font(_baseSize), column - lw - 4), Font(_baseSize), XBrushes.Black, new XPoint(x + lw, Y + _baseSize));
        }
        Y += LineHeight;
    }

    public double LineHeight => _baseSize * 1.45;

    /// <summary>The signing block at the right: date line, role, and the box the signature stamp is drawn into.</summary>
    public XRect SignatureBlock(string dateLine, string role, string signerName, double boxWidth)
    {
        Ensure(_baseSize * 3 + 56 + LineHeight);
        var x = Left + Width - boxWidth - 10;
        var w = boxWidth + 10;
        Y += 6;
        _gfx.DrawString(dateLine, Font(_baseSize - 0.5, italic: true), XBrushes.Black, new XRect(x, Y, w, _baseSize + 2), XStringFormats.TopCenter);
        Y += _baseSize + 3;
        _gfx.DrawString(role, Font(_baseSize, bold: true), XBrushes.Black, new XRect(x, Y, w, _baseSize + 2), XStringFormats.TopCenter);
        Y += _baseSize + 4;
        var box = new XRect(x + 5, Y, boxWidth, 34);
        Y += 38;
        _gfx.DrawString(signerName, Font(_baseSize, bold: true), XBrushes.Black, new XRect(x, Y, w, _baseSize + 2), XStringFormats.TopCenter);
        Y += LineHeight;
        return box;
    }

    public PdfDocument Finish()
    {
        _gfx.Dispose();
        return Document;
    }

    private string Fit(string text, XFont font, double width)
    {
        if (_gfx.MeasureString(text, font).Width <= width) return text;
        while (text.Length > 1 && _gfx.MeasureString(text + "…", font).Width > width) text = text[..^1];
        return text + "…";
    }

    private List<string> Wrap(string text, XFont font, double firstWidth, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", "").Split('\n'))
        {
            var current = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                var limit = lines.Count == 0 ? firstWidth : width;
                if (current.Length > 0 && _gfx.MeasureString(candidate, font).Width > limit)
                {
                    lines.Add(current);
                    current = word;
                }
                else current = candidate;
            }
            lines.Add(current);
        }
        return lines;
    }
}
