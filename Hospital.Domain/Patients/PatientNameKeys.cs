using Hospital.Domain.Text;

namespace Hospital.Domain.Patients;

/// <summary>
/// The word suffixes of a patient's search key (<see cref="PatientNameKey"/>) and the one place
/// that keeps them in step with the name: creating or renaming a patient goes through
/// <see cref="Sync"/>, so the index never disagrees with <see cref="Patient.SearchKey"/>.
/// </summary>
public static class PatientNameKeys
{
    /// <summary>"nguyen van an" → ("nguyen van an", 0), ("van an", 1), ("an", 2). A repeated suffix is listed once, at its first word.</summary>
    public static IReadOnlyList<(string Key, int WordIndex)> For(string searchKey)
    {
        var words = searchKey.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var keys = new List<(string, int)>(words.Length);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
        {
            var key = string.Join(' ', words, i, words.Length - i);
            if (key.Length > 200) key = key[..200];
            if (seen.Add(key)) keys.Add((key, i));
        }
        return keys;
    }

    /// <summary>
    /// Sets the patient's search key from its name and replaces its name keys in the context
    /// (saved with the caller's next SaveChanges). The patient must already have its database id.
    /// </summary>
    public static async Task SyncAsync(DbContext db, Patient patient, CancellationToken ct = default)
    {
        patient.SearchKey = VietnameseText.SearchKey(patient.FullName);
        var wanted = For(patient.SearchKey);
        var existing = await db.Set<PatientNameKey>().Where(k => k.PatientId == patient.Id).ToListAsync(ct);
        foreach (var old in existing.Where(e => !wanted.Any(w => w.Key == e.Key)))
            db.Remove(old);
        foreach (var (key, index) in wanted)
        {
            if (existing.FirstOrDefault(e => e.Key == key) is { } kept) kept.WordIndex = index;
            else db.Add(new PatientNameKey { Key = key, PatientId = patient.Id, WordIndex = index });
        }
    }
}
