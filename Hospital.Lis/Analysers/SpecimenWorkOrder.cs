using Hospital.Domain.Clinical;
using Hospital.Domain.Lab;

namespace Hospital.Lis.Analysers;

/// <summary>A test an analyser should run on a specimen: our code and the analyser's own code for it (from its code map).</summary>
public sealed record PendingTest(string TestCode, string AnalyserTestCode, string TestName);

/// <summary>
/// What an analyser is told to run on one specimen, as the answer to its host query or as the
/// worklist pushed when the lab receives the tube: the patient fields the protocols carry and
/// the tests still waiting for a value on that analyser. An empty <see cref="Tests"/> is the
/// explicit "no order" answer (ASTM: O record with no tests / Q-level "no information"; HL7:
/// QAK NF, ORC-1 DC).
/// </summary>
public sealed record SpecimenWorkOrder(
    string Barcode, SpecimenType SpecimenType, OrderPriority Priority, DateTime? CollectedAt,
    string PatientCode, string PatientName, DateOnly? DateOfBirth, int BirthYear, Domain.Patients.Sex Sex,
    string? OrderingDoctor, string? Department, IReadOnlyList<PendingTest> Tests);
