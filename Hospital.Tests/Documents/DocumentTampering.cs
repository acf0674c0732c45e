using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Documents;

/// <summary>Changes a stored PDF behind the application's back (raw SQL, no interceptor), as an attacker with database access would.</summary>
internal static class DocumentTampering
{
    public static async Task ChangeOneByteAsync(HospitalAppFactory app, long id, bool rehash = false)
    {
        await using var db = app.Database.NewContext();
        var content = await db.Set<ClinicalDocument>().Where(d => d.Id == id).Select(d => d.Content).SingleAsync();
        // A byte inside the page content, well before the signature: a changed letter of the form.
        var at = content.Length / 3 + (rehash ? 7 : 0);
        content[at] = (byte)(content[at] ^ 0x01);
        await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE clinical_documents SET content = {content} WHERE id = {id}");
        if (rehash)
        {
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE clinical_documents SET content_sha256 = {hash} WHERE id = {id}");
        }
    }
}
