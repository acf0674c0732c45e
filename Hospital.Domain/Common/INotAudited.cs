namespace Hospital.Domain.Common;

/// <summary>
/// Rows derived from audited rows or used as counters (search keys, sequence counters): they
/// carry no information of their own, so the audit interceptor skips them instead of writing a
/// trail row for every ticket number or name word.
/// </summary>
public interface INotAudited;
