namespace Hospital.Domain.Common;

/// <summary>
/// A row that may be written once and never changed or deleted (signed clinical documents: the
/// Luật GDĐT 2023 integrity rule and Luật KCB 2023 Đ7 k10). The audit interceptor refuses a save
/// that modifies or deletes one.
/// </summary>
public interface IImmutableRecord;
