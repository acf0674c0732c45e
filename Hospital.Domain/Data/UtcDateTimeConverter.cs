using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Hospital.Domain.Data;

/// <summary>
/// Every DateTime is stored as UTC (DESIGN.md "Data"). SQLite keeps no kind, so values read
/// back are marked UTC; PostgreSQL's timestamptz requires Kind=Utc on write.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
