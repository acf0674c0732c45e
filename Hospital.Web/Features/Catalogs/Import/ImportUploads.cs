using Hospital.Web.Platform;
using Microsoft.Extensions.Options;

namespace Hospital.Web.Features.Catalogs;

/// <summary>
/// Keeps an uploaded catalog file on the server between the preview and the confirmation, in
/// <c>{Storage__DataDirectory}/imports/{id}/</c>, so what is imported is the file that was
/// checked and not anything the browser sends back. Uploads older than a day are removed.
/// </summary>
public sealed class ImportUploads(IOptions<StorageOptions> storage, TimeProvider clock, ILogger<ImportUploads> log)
{
    public const long MaxBytes = 20 * 1024 * 1024;
    private static readonly string[] Extensions = [".csv", ".txt", ".xlsx"];

    private string Root => Path.Combine(storage.Value.FullDataDirectory, "imports");

    /// <summary>Why the file cannot be taken (Vietnamese), or null when it can.</summary>
    public static string? Refusal(IFormFile? file) =>
        file is null || file.Length == 0 ? "Hãy chọn một tệp CSV hoặc Excel (.xlsx)."
        : file.Length > MaxBytes ? $"Tệp lớn hơn {MaxBytes / 1024 / 1024} MB."
        : !Extensions.Contains(Path.GetExtension(file.FileName).ToLowerInvariant()) ? "Chỉ nhận tệp .csv hoặc .xlsx."
        : null;

    public async Task<Guid> SaveAsync(IFormFile file, CancellationToken ct)
    {
        RemoveOld();
        var id = Guid.NewGuid();
        var directory = Directory.CreateDirectory(Path.Combine(Root, id.ToString("N")));
        await using var target = File.Create(Path.Combine(directory.FullName, SafeName(file.FileName)));
        await file.CopyToAsync(target, ct);
        return id;
    }

    /// <summary>The stored file's path, or null when the id is unknown or expired.</summary>
    public string? Find(Guid id)
    {
        var directory = Path.Combine(Root, id.ToString("N"));
        return Directory.Exists(directory) ? Directory.EnumerateFiles(directory).FirstOrDefault() : null;
    }

    public void Delete(Guid id)
    {
        var directory = Path.Combine(Root, id.ToString("N"));
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }

    private void RemoveOld()
    {
        if (!Directory.Exists(Root)) return;
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        foreach (var directory in Directory.EnumerateDirectories(Root))
        {
            try
            {
                if (Directory.GetCreationTimeUtc(directory) < cutoff) Directory.Delete(directory, recursive: true);
            }
            catch (IOException e)
            {
                log.LogWarning(e, "Could not remove old catalog upload {Directory}", directory);
            }
        }
    }

    /// <summary>The user's file name reduced to harmless characters: it is shown back, never trusted as a path.</summary>
    private static string SafeName(string name)
    {
        var chars = Path.GetFileName(name).Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray();
        var safe = new string(chars).TrimStart('.');
        return safe.Length == 0 ? "upload.csv" : safe[..Math.Min(safe.Length, 120)];
    }
}
