namespace Hospital.Emr.Orders;

/// <summary>Setting <c>Emr:OrderRequestFormat</c>: the pattern of <see cref="Hospital.Domain.Data.IdentifierSequences.Format"/>.</summary>
public sealed class OrderingOptions
{
    public const string Section = "Emr";

    /// <summary>
    /// Số phiếu chỉ định, printed on the request slip and the specimen labels: the local date for
    /// the technician's eye plus a sequence that never resets (so the number stays unique however
    /// the date repeats). 11 digits, a compact Code 128.
    /// </summary>
    public string OrderRequestFormat { get; set; } = "{yy}{MM}{dd}{seq:5}";
}
