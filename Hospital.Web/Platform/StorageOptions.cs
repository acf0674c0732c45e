namespace Hospital.Web.Platform;

/// <summary>Setting <c>Storage__DataDirectory</c>: the SQLite file, documents and journals (default <c>data/</c>).</summary>
public sealed class StorageOptions
{
    public string DataDirectory { get; set; } = "data";

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);
}
