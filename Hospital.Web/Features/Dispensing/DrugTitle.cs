namespace Hospital.Web.Features.Dispensing;

/// <summary>
/// A drug as the pharmacy names it on screens, slips and the register: name and strength, the
/// strength left out when the name already carries it ("Paracetamol 500mg", not "… 500mg 500mg").
/// </summary>
public static class DrugTitle
{
    public static string Of(string name, string? strength) =>
        strength is not { Length: > 0 } s || name.Contains(s, StringComparison.OrdinalIgnoreCase) ? name : $"{name} {s}";
}
