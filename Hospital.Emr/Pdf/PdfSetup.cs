using PdfSharp.Fonts;

namespace Hospital.Emr.Pdf;

/// <summary>
/// PDFsharp for every printed PDF (tickets now; medical records and prescriptions later): the
/// AGPL licence declaration PDFsharp 6.5 requires before the first document (Hospital is
/// AGPL-3.0-or-later, DESIGN.md), and the DejaVu font resolver. Idempotent; called at start-up.
/// </summary>
public static class PdfSetup
{
    private static readonly Lock Gate = new();
    private static bool _done;

    public static void Initialize()
    {
        lock (Gate)
        {
            if (_done) return;
            PdfSharp.PdfSharpLicense.SetAgplLicense();
            // A resolver set elsewhere first (a test host, another library) is kept.
            GlobalFontSettings.FontResolver ??= new DejaVuFontResolver();
            _done = true;
        }
    }
}
