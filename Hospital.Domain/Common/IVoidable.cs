namespace Hospital.Domain.Common;

/// <summary>
/// Clinical and financial rows are never deleted (DESIGN.md "Data"): they are voided with a
/// reason, who and when. The audit interceptor refuses a hard delete of such an entity.
/// </summary>
public interface IVoidable
{
    DateTime? VoidedAt { get; set; }
    string? VoidedBy { get; set; }
    string? VoidReason { get; set; }
}
