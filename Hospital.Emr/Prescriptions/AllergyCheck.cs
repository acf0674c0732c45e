using Hospital.Domain.Text;

namespace Hospital.Emr.Prescriptions;

/// <summary>A recorded allergy that a drug's ingredient matches, directly or through its class.</summary>
public sealed record AllergyConflict(string Allergy, string Ingredient, string? ViaClass)
{
    public string Describe(string drugName) => ViaClass is null
        ? $"Người bệnh dị ứng \"{Allergy}\": {drugName} chứa {Ingredient}."
        : $"Người bệnh dị ứng \"{Allergy}\": {drugName} chứa {Ingredient} thuộc nhóm {ViaClass}.";
}

/// <summary>
/// Checks a drug's active ingredients against the patient's allergies (PatientAllergy.SubstanceKey).
/// A combination is split on "+" (the MA_THUOC convention for combinations). Matching is on whole
/// words of the accent-free keys, after dropping salt and ester words ("diclofenac natri" is
/// diclofenac), so "penicillin" does not match "amoxicillin" by spelling; it does through the class
/// map (rx_allergy_classes.csv), which lists the members of the few classes with real
/// cross-reactivity. Brand names in the allergy list are not resolved: record allergies by ingredient.
/// </summary>
public static class AllergyCheck
{
    /// <summary>Words naming the salt or ester form, not the substance the patient reacts to.</summary>
    private static readonly HashSet<string> SaltWords = new(StringComparer.Ordinal)
    {
        "natri", "kali", "calci", "magnesi", "hydroclorid", "clohydrat", "dihydroclorid", "hydrobromid", "sulfat", "maleat",
        "fumarat", "tartrat", "citrat", "phosphat", "besylat", "mesylat", "acetat", "succinat", "natri)", "trihydrat", "monohydrat",
    };

    public static IReadOnlyList<string> Ingredients(string activeIngredient) =>
        activeIngredient.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static IReadOnlyList<AllergyConflict> Conflicts(string activeIngredient, IEnumerable<(string Substance, string SubstanceKey)> allergies,
        IReadOnlyList<AllergyClass> classes)
    {
        var found = new List<AllergyConflict>();
        var parts = Ingredients(activeIngredient);
        foreach (var (substance, substanceKey) in allergies)
        {
            var allergy = Words(substanceKey);
            if (allergy.Length == 0) continue;
            foreach (var ingredient in parts)
            {
                var words = Words(VietnameseText.SearchKey(ingredient));
                if (words.Length == 0) continue;
                if (Contains(words, allergy) || Contains(allergy, words))
                {
                    found.Add(new AllergyConflict(substance, ingredient, null));
                    continue;
                }
                var key = string.Join(' ', words);
                var cls = classes.FirstOrDefault(c => c.Ingredients.Contains(key) && c.Aliases.Any(a => Contains(allergy, Words(a))));
                if (cls is not null) found.Add(new AllergyConflict(substance, ingredient, cls.Name));
            }
        }
        return found;
    }

    private static string[] Words(string key)
    {
        var all = key.Split([' ', '(', ')', ',', '-', '/'], StringSplitOptions.RemoveEmptyEntries);
        var kept = all.Where(w => !SaltWords.Contains(w)).ToArray();
        return kept.Length > 0 ? kept : all;
    }

    /// <summary>Whether <paramref name="needle"/> occurs in <paramref name="haystack"/> as consecutive whole words.</summary>
    private static bool Contains(string[] haystack, string[] needle)
    {
        if (needle.Length == 0 || needle.Length > haystack.Length) return false;
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle)) return true;
        return false;
    }
}
