namespace Hospital.Domain.Common;

/// <summary>
/// A row that may be written once and never changed or deleted (signed clinical documents: the
/// Luật GDĐT 2023 integrity rule and Luật KCB 2023 Đ7 k10). The audit interceptor refuses a save
/// that modifies or deletes one.
/// </summary>
public interface IImmutableRecord;

/// <summary>
/// An immutable record whose creation is a digital signature (a signed clinical document): the
/// audit interceptor writes its row as <see cref="Audit.AuditAction.Sign"/> instead of Create, in
/// the same save and transaction as the document itself.
/// </summary>
public interface ISignedRecord : IImmutableRecord;
