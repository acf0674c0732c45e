using Hospital.Domain.Text;

namespace Hospital.Emr.Prescriptions;

/// <summary>
/// The same active ingredient twice in one visit's prescriptions (e.g. Paracetamol tablets and
/// Paracetamol sachets, or Amoxicillin alone and in Amoxicillin + Acid clavulanic) is refused: a
/// double dose is the commonest avoidable prescribing error. Components of combinations count.
/// </summary>
public static class DuplicateIngredientCheck
{
    /// <summary>Null when <paramref name="activeIngredient"/> shares nothing with <paramref name="others"/> (drug name, ingredient); else the refusal.</summary>
    public static string? Check(string drugName, string activeIngredient, IEnumerable<(string DrugName, string ActiveIngredient)> others)
    {
        var mine = Keys(activeIngredient);
        foreach (var (otherName, otherIngredient) in others)
        {
            var shared = AllergyCheck.Ingredients(otherIngredient).FirstOrDefault(i => mine.Contains(VietnameseText.SearchKey(i)));
            if (shared is not null)
                return $"{drugName} trùng hoạt chất {shared} với {otherName} đã kê trong lượt khám này.";
        }
        return null;
    }

    private static HashSet<string> Keys(string activeIngredient) =>
        AllergyCheck.Ingredients(activeIngredient).Select(VietnameseText.SearchKey).ToHashSet(StringComparer.Ordinal);
}
