namespace Hospital.Domain.Patients;

/// <summary>GIOI_TINH codes of the claim XML (bhyt-claims.md §4.1).</summary>
public enum Sex { Male = 1, Female = 2, Unknown = 3 }
