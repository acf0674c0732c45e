using Hospital.Domain.Catalog;
using Hospital.Domain.Clinical;

namespace Hospital.Emr.Prescriptions;

/// <summary>
/// Which prescription form a drug goes on (TT 26/2025): narcotics (gây nghiện) only on the
/// separate form "N" (PL II), psychotropics and precursors (hướng thần, tiền chất) on form "H"
/// (PL III), herbal decoctions on the YHCT form "T" (TT 55/2025), everything else on the ordinary
/// form (suffix C). A visit has at most one prescription per form.
/// </summary>
public static class PrescriptionFormRules
{
    public static PrescriptionForm FormFor(DrugControlClass controlClass) => controlClass switch
    {
        DrugControlClass.Narcotic => PrescriptionForm.Narcotic,
        DrugControlClass.Psychotropic or DrugControlClass.Precursor => PrescriptionForm.Psychotropic,
        DrugControlClass.Herbal => PrescriptionForm.Herbal,
        _ => PrescriptionForm.Ordinary,
    };

    /// <summary>The last character of the national code (TT 26 PL I note 1; T from TT 55/2025).</summary>
    public static char Suffix(PrescriptionForm form) => form switch
    {
        PrescriptionForm.Narcotic => 'N',
        PrescriptionForm.Psychotropic => 'H',
        PrescriptionForm.Herbal => 'T',
        _ => 'C',
    };

    public static string Label(PrescriptionForm form) => form switch
    {
        PrescriptionForm.Narcotic => "Đơn thuốc \"N\" (gây nghiện)",
        PrescriptionForm.Psychotropic => "Đơn thuốc \"H\" (hướng thần, tiền chất)",
        PrescriptionForm.Herbal => "Đơn thuốc cổ truyền",
        _ => "Đơn thuốc thông thường",
    };

    /// <summary>Null when the drug may go on <paramref name="requested"/> (null: the drug's own form); else why not.</summary>
    public static string? Check(string drugName, DrugControlClass controlClass, PrescriptionForm? requested)
    {
        var form = FormFor(controlClass);
        if (requested is null || requested == form) return null;
        return controlClass switch
        {
            DrugControlClass.Narcotic => $"{drugName} là thuốc gây nghiện: chỉ được kê trên đơn thuốc \"N\" riêng, không kê trên {Label(requested.Value).ToLowerInvariant()} (TT 26/2025).",
            DrugControlClass.Psychotropic => $"{drugName} là thuốc hướng thần: chỉ được kê trên đơn thuốc \"H\" riêng (TT 26/2025).",
            DrugControlClass.Precursor => $"{drugName} chứa tiền chất: chỉ được kê trên đơn thuốc \"H\" riêng (TT 26/2025).",
            DrugControlClass.Herbal => $"{drugName} là thuốc cổ truyền: kê trên đơn thuốc cổ truyền (TT 55/2025).",
            _ => $"{drugName} là thuốc thông thường: kê trên đơn thuốc thông thường, không kê trên {Label(requested.Value).ToLowerInvariant()}.",
        };
    }
}
