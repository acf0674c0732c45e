namespace Hospital.Web.Features.Queues.Board;

/// <summary>
/// The patient's name as a public board shows it: family name and given name in full (people
/// listen for them), middle names cut to an initial: "Nguyễn Văn An" → "Nguyễn V. An". Enough to
/// tell the patient it is their turn, less than the full name to everyone in the hall. Two-word
/// names stay as they are; a single long name is shown as is.
/// </summary>
public static class BoardNames
{
    public static string Shorten(string fullName)
    {
        var words = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length <= 2) return string.Join(' ', words);
        var middle = words[1..^1].Select(w => char.ToUpperInvariant(w[0]) + ".");
        return string.Join(' ', [words[0], .. middle, words[^1]]);
    }
}
