using System.Globalization;
using System.Text.RegularExpressions;

namespace Hospital.Domain.Catalog;

/// <summary>
/// TT_THAU of XML2 (QĐ 130/4750, bhyt-claims.md §3.3): the bid result a drug was bought under,
/// <c>&lt;decision&gt;;G&lt;package&gt;;N&lt;group&gt;;&lt;yyyy&gt;</c>, e.g. "125/QĐ-BV;G1;N2;2026". The optional
/// second-winner and adopting-body parts are not kept in the catalogue (a drug bought that way
/// has them typed into its decision by the pharmacy). Required for every drug line except cost
/// groups 7 and 17.
/// </summary>
public static partial class TenderReference
{
    /// <summary>The G and N numbers the portal accepts: 1–99 (rejection rule "TT_THAU G1–G99;N1–N99;yyyy").</summary>
    [GeneratedRegex(@"^[^;]+;G[1-9]\d?;N[1-9]\d?;\d{4}(;.+)?$")]
    private static partial Regex Shape();

    /// <summary>The reference, or null when the catalogue lacks any of its four parts.</summary>
    public static string? Build(string? decision, int? package, int? group, int? year) =>
        string.IsNullOrWhiteSpace(decision) || package is not (>= 1 and <= 99) || group is not (>= 1 and <= 99) || year is not (>= 2000 and <= 9999)
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{decision.Trim()};G{package};N{group};{year}");

    public static string? Of(Drug drug) => Build(drug.TenderDecision, drug.TenderPackage, drug.TenderGroup, drug.TenderYear);

    public static bool IsWellFormed(string? reference) => reference is not null && Shape().IsMatch(reference);
}
