using Hospital.Domain.Clinical;
using Hospital.Domain.Common;
using Hospital.Domain.Patients;
using Hospital.Domain.Text;
using Hospital.Integration.Astm.Records;
using Hospital.Lis.Analysers;

namespace Hospital.Web.Features.Analysers;

/// <summary>
/// A <see cref="SpecimenWorkOrder"/> as the P and O records an ASTM analyser is sent (query answer or worklist,
/// lis-protocols.md §2.3 host-query flow). Text goes out as ISO-8859-1, so names lose their Vietnamese marks
/// (upper case, as analysers print them) rather than arriving as question marks.
/// </summary>
public static class AstmOrderWriter
{
    /// <param name="sysmexCodes">Test codes in component 5 (<c>^^^^WBC</c>, Sysmex) instead of component 4 (<c>^^^GLU</c>).</param>
    public static AstmSpecimenOrder ToAstm(SpecimenWorkOrder order, bool sysmexCodes)
    {
        var name = VietnameseText.SearchKey(order.PatientName).ToUpperInvariant();
        var space = name.IndexOf(' ');
        return new AstmSpecimenOrder(
            order.Barcode,
            order.Tests.Select(t => sysmexCodes ? AstmTestId.FromSysmexCode(t.AnalyserTestCode) : AstmTestId.FromCode(t.AnalyserTestCode)).ToList(),
            PatientId: order.PatientCode,
            LastName: space < 0 ? name : name[..space],
            FirstName: space < 0 ? "" : name[(space + 1)..],
            BirthDate: order.DateOfBirth is { } dob ? dob.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) : $"{order.BirthYear:0000}",
            Sex: order.Sex switch { Sex.Male => "M", Sex.Female => "F", _ => "U" },
            Priority: order.Priority == OrderPriority.Stat ? "S" : "R",
            CollectedAt: order.CollectedAt is { } at ? VietnamCalendar.ToLocal(at) : null,
            SpecimenType: order.SpecimenType.ToString());
    }
}
