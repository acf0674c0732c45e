namespace Hospital.Domain.Visits;

/// <summary>
/// Formats of the visit code and MA_LK (configuration section <c>Reception</c>), in the
/// <see cref="Data.IdentifierSequences.Format"/> pattern language.
/// </summary>
public sealed class VisitNumberingOptions
{
    public const string Section = "Reception";

    /// <summary>
    /// Mã lượt khám, printed as a barcode on the ticket: the local date for the clerk's eye plus
    /// the sequence, which never resets, so the code stays unique even though the date prefix
    /// repeats every century (and when 6 digits overflow the number just grows: "seq" is never
    /// truncated). 12 digits are a compact Code 128 (set C).
    /// </summary>
    public string VisitCodeFormat { get; set; } = "{yy}{MM}{dd}{seq:6}";

    /// <summary>
    /// MA_LK must be unique for the episode, never reused or changed, even on resubmission
    /// (bhyt-claims.md §3.2). The facility code keeps it unique across facilities when the BHXH
    /// portal or a provincial data hub pools claims, or when two hospitals merge their databases;
    /// the year helps a finance officer read it; the 8-digit sequence never resets, so the code
    /// stays unique however the year part repeats. 15 characters, well under S100.
    /// </summary>
    public string MaLkFormat { get; set; } = "{facility}{yy}{seq:8}";
}
