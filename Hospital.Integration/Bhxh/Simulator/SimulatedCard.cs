namespace Hospital.Integration.Bhxh.Simulator;

/// <summary>
/// A card the simulator knows, as the BHXH card database would hold it. Set
/// <see cref="ResultCode"/> to answer a fixed code (e.g. "110" revoked); give
/// <see cref="NewCardNumber"/> to simulate a re-issued card (003 when the old one has ended, else 004).
/// </summary>
public sealed record SimulatedCard
{
    public required string CardNumber { get; init; }
    public required string FullName { get; init; }
    public DateOnly? BirthDate { get; init; }
    public int BirthYear { get; init; }
    /// <summary>"Nam" / "Nữ", as the card API writes it.</summary>
    public string? Sex { get; init; }
    public string? Address { get; init; }
    public string? Cccd { get; init; }
    public required string RegisteredFacilityCode { get; init; }
    public required DateOnly ValidFrom { get; init; }
    public required DateOnly ValidTo { get; init; }
    public DateOnly? FiveYearsContinuousFrom { get; init; }
    public string? AreaCode { get; init; }
    public string? ResultCode { get; init; }
    public string? NewCardNumber { get; init; }
    public DateOnly? NewValidFrom { get; init; }
    public DateOnly? NewValidTo { get; init; }
    public string? NewRegisteredFacilityCode { get; init; }
}

/// <summary>One check-in the simulator accepted.</summary>
public sealed record SimulatedCheckIn(string TransactionCode, string FacilityCode, string MaLk, string Xml, DateTime ReceivedAtUtc);
