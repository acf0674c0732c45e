using Hospital.Domain.Clinical;
using Hospital.Domain.Patients;
using Hospital.Domain.Visits;

namespace Hospital.Web.Features.Chart;

/// <summary>What the patient chart shows, already cut to the screen: nothing here holds a document's bytes.</summary>
public sealed record ChartModel(
    ChartPatient Patient,
    ChartTimelinePage Timeline,
    IReadOnlyList<ChartDiagnosis> Diagnoses,
    IReadOnlyList<ChartVitals> Vitals,
    IReadOnlyList<ChartOrder> Results,
    IReadOnlyList<ChartDocumentChain> Documents);

public sealed record ChartPatient(
    int Id, string Code, string FullName, DateOnly? DateOfBirth, int BirthYear, Sex Sex, string? Cccd, string? Phone,
    IReadOnlyList<ChartAllergy> Allergies);

public sealed record ChartAllergy(string Substance, string? Reaction, AllergySeverity Severity);

/// <summary>One page of the visit timeline, newest first; <see cref="NextPage"/> is null on the last page.</summary>
public sealed record ChartTimelinePage(IReadOnlyList<ChartVisit> Visits, int? NextPage);

public sealed record ChartVisit(
    int VisitId, string Code, DateTime RegisteredAt, string Department, string Room, VisitStatus Status, bool Voided,
    string? Doctor, ExamStatus? ExamStatus, string? PrimaryCode, string? PrimaryText,
    IReadOnlyList<string> SecondaryCodes, string? SecondaryText);

/// <summary>One ICD-10 code across all exams: how often, first and last time (Vietnam day).</summary>
public sealed record ChartDiagnosis(string Code, string? Name, int Times, DateOnly First, DateOnly Last, bool EverPrimary);

public sealed record ChartVitals(
    DateTime MeasuredAt, int? Systolic, int? Diastolic, int? Pulse, decimal? TemperatureC, decimal? WeightKg,
    int? SpO2, int? RespiratoryRate);

public sealed record ChartOrder(
    long OrderId, int VisitId, DateTime OrderedAt, string ServiceCode, string ServiceName, OrderKind Kind, OrderStatus Status,
    string? ResultText, string? ResultConclusion, IReadOnlyList<ChartResultValue> Values);

public sealed record ChartResultValue(string TestCode, string TestName, string Value, string? Unit, string? ReferenceRange, ResultFlag Flag);

/// <summary>A signed document with its earlier versions (newest first), as the version chain links them.</summary>
public sealed record ChartDocumentChain(ChartDocument Current, IReadOnlyList<ChartDocument> Earlier);

public sealed record ChartDocument(
    long Id, int VisitId, ClinicalDocumentKind Kind, long SourceId, int Version, string Title, string? CorrectionReason,
    string SignedBy, DateTime SignedAt);
