using System.Text.Json;
using Hospital.Web.Platform;

namespace Hospital.Web.Demo;

/// <summary>
/// Generated demo password and API key, kept in the data directory so the next start of the
/// same demo database can print them again. Only used in demo mode.
/// </summary>
public sealed record DemoCredentials(string Password, string ApiKey)
{
    private static string FileIn(StorageOptions storage) => Path.Combine(storage.FullDataDirectory, "demo-credentials.json");

    public static DemoCredentials? Load(StorageOptions storage)
    {
        var file = FileIn(storage);
        return File.Exists(file) ? JsonSerializer.Deserialize<DemoCredentials>(File.ReadAllText(file)) : null;
    }

    public void Save(StorageOptions storage)
    {
        Directory.CreateDirectory(storage.FullDataDirectory);
        File.WriteAllText(FileIn(storage), JsonSerializer.Serialize(this));
    }
}
