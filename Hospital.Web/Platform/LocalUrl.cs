namespace Hospital.Web.Platform;

public static class LocalUrl
{
    /// <summary>
    /// <paramref name="url"/> when it is a path on this site, else "/": a crafted link must not
    /// send a user to another site after signing in or switching language ("//host" and
    /// "/\host" are read by browsers as other hosts).
    /// </summary>
    public static string OrHome(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\") ? url : "/";
}
